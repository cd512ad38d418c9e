import RefreshIcon from '@mui/icons-material/Refresh';
import { Alert, AlertTitle, Box, Button, CircularProgress, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { toProblem, type Problem } from '../common/api-error';
import { ProblemAlert } from '../common/ProblemAlert';
import { httpClient } from '../dataProvider';
import type { ExperimentResults as Results } from './format';
import { RatesChart } from './RatesChart';
import { ResultsTable } from './ResultsTable';
import { experimentVerdict } from './verdict';

/** Results of the version in force: the split check, the verdict in words, the chart, and the numbers. */
export const ExperimentResults = ({ experimentKey, updatedAt }: { experimentKey: string; updatedAt?: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [results, setResults] = useState<Results | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();
  const [reloads, setReloads] = useState(0);

  // Refetched when the experiment changes (started, stopped, new version) or on request.
  useEffect(() => {
    let current = true;
    httpClient(`/api/v1/experiments/${experimentKey}/results`).then(
      ({ json }) => current && (setResults(json as Results), setProblem(undefined)),
      (err: unknown) => current && setProblem(toProblem(err)),
    );
    return () => {
      current = false;
    };
  }, [experimentKey, updatedAt, reloads]);

  const verdict = results ? experimentVerdict(results, translate, locale) : undefined;
  return (
    <Box component="section" aria-labelledby="experiment-results-title" sx={{ mt: 3 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
        <Typography id="experiment-results-title" variant="h2" sx={{ fontSize: '1.25rem' }}>
          {translate('gabarit.experiments.results.title')}
        </Typography>
        <Button size="small" startIcon={<RefreshIcon />} onClick={() => setReloads((n) => n + 1)}>
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
        </>
      )}
    </Box>
  );
};
