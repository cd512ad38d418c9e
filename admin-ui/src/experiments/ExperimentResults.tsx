import RefreshIcon from '@mui/icons-material/Refresh';
import { Alert, AlertTitle, Box, Button, CircularProgress, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { toProblem } from '../common/api-error';
import { useResourceRead } from '../common/use-resource-read';
import { ProblemAlert } from '../common/ProblemAlert';
import type { ExperimentResults as Results } from './format';
import { RatesChart } from './RatesChart';
import { ResultsTable } from './ResultsTable';
import { HaltAlert, SequentialPanel } from './SequentialPanel';
import { experimentVerdict } from './verdict';

/** Results of the version in force: the split check, the verdict in words, the chart, and the numbers. */
export const ExperimentResults = ({ experimentKey, updatedAt }: { experimentKey: string; updatedAt?: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  // Refetched when the experiment changes (started, stopped, new version: its record's updatedAt moves, and
  // commands invalidate its queries) or on request.
  const query = useResourceRead<Results>('experiments', experimentKey, 'results', updatedAt);
  const results = query.data;
  const problem = query.error ? toProblem(query.error) : undefined;

  const verdict = results ? experimentVerdict(results, translate, locale) : undefined;
  return (
    <Box component="section" aria-labelledby="experiment-results-title" sx={{ mt: 3 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
        <Typography id="experiment-results-title" variant="h2" sx={{ fontSize: '1.25rem' }}>
          {translate('gabarit.experiments.results.title')}
        </Typography>
        <Button size="small" startIcon={<RefreshIcon />} onClick={() => void query.refetch()}>
          {translate('gabarit.experiments.results.refresh')}
        </Button>
      </Box>
      {problem && <ProblemAlert problem={problem} />}
      {!results && !problem && <CircularProgress size={24} aria-label={translate('ra.page.loading')} />}
      {results && verdict && (
        <>
          {!results.running && (
            <Typography variant="body2" sx={{ mt: 1 }}>
              {translate('gabarit.experiments.results.not_running')}
            </Typography>
          )}
          <HaltAlert results={results} locale={locale} translate={translate} />
          {verdict.srmWarning && (
            <Alert severity="warning" sx={{ mt: 2 }} data-testid="srm-warning">
              <AlertTitle>{translate('gabarit.experiments.results.srm_title')}</AlertTitle>
              {verdict.srmWarning}
            </Alert>
          )}
          <Alert severity={verdict.severity} role="status" sx={{ mt: 2 }} data-testid="experiment-verdict">
            <AlertTitle>{translate('gabarit.experiments.results.verdict_title')}</AlertTitle>
            {verdict.text}
          </Alert>
          <RatesChart variants={results.variants} locale={locale} translate={translate} />
          <ResultsTable results={results} locale={locale} translate={translate} />
          <SequentialPanel results={results} locale={locale} translate={translate} />
        </>
      )}
    </Box>
  );
};
