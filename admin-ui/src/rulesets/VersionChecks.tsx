import {
  Alert,
  Box,
  Button,
  Chip,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Link, useLocaleState, usePermissions, useRefresh, useTranslate } from 'react-admin';
import { typesetFrench } from '../i18n/typography';
import { toProblem, type Problem } from '../common/api-error';
import { ProblemAlert } from '../common/ProblemAlert';
import { dataProvider } from '../dataProvider';
import type { ResponseOf } from '../api/types';
import { outcomeWithCode, transitionWords } from '../common/outcomes';
import { may } from '../layout/access';

type TestRun = ResponseOf<'/api/v1/rulesets/{key}/versions/{n}/test', 'post'>;
type Impact = ResponseOf<'/api/v1/rulesets/{key}/versions/{n}/impact', 'post'>;

/**
 * Runs a version's test cases (pass/fail per case) and its impact on recent decisions, before it is submitted.
 * Each button is offered to the roles the API lets run it (a risk officer replays impact, an admin neither).
 */
export const VersionChecks = ({ rulesetKey, version }: { rulesetKey: string; version: number }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { permissions } = usePermissions<string[]>();
  const refresh = useRefresh();
  const mayTest = may('runTests', permissions);
  const mayReplay = may('analyseImpact', permissions);
  const [tests, setTests] = useState<TestRun | undefined>();
  const [impact, setImpact] = useState<Impact | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();
  const [busy, setBusy] = useState(false);
  const call = async <T,>(what: 'test' | 'impact', done: (result: T) => void) => {
    setBusy(true);
    setProblem(undefined);
    try {
      done((await dataProvider.command('rulesets', { id: rulesetKey, command: `versions/${version}/${what}` })) as T);
    } catch (err) {
      setProblem(toProblem(err));
    } finally {
      setBusy(false);
    }
  };
  if (!mayTest && !mayReplay) return null;
  return (
    <Box component="section" aria-labelledby="checks-title" sx={{ mt: 3 }}>
      <Typography id="checks-title" variant="h2" sx={{ fontSize: '1.25rem', mb: 1 }}>
        {translate('gabarit.checks.title', { version })}
      </Typography>
      <Stack direction="row" spacing={1} sx={{ mb: 2 }}>
        {mayTest && (
          <Button
            variant="outlined"
            disabled={busy}
            onClick={() =>
              void call<TestRun>('test', (run) => {
                setTests(run);
                // The versions table shows each version's last run: read the record again so it says this one.
                refresh();
              })
            }
          >
            {translate('gabarit.checks.run_tests')}
          </Button>
        )}
        {mayReplay && (
          <Button variant="outlined" disabled={busy} onClick={() => void call<Impact>('impact', setImpact)}>
            {translate('gabarit.checks.run_impact')}
          </Button>
        )}
      </Stack>
      {problem && <ProblemAlert problem={problem} />}
      {tests && (
        <>
          <Alert severity={tests.failed === 0 ? 'success' : 'error'} role="status" sx={{ mb: 1 }}>
            {tests.failed === 0
              ? translate('gabarit.checks.all_passed', { smart_count: tests.passed })
              : translate('gabarit.checks.some_failed', {
                  failed: translate('gabarit.checks.failed_count', { smart_count: tests.failed }),
                  passed: translate('gabarit.checks.passed_count', { smart_count: tests.passed }),
                })}
          </Alert>
          <Table size="small" aria-label={translate('gabarit.checks.cases')}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('gabarit.checks.case')}</TableCell>
                <TableCell>{translate('gabarit.checks.result')}</TableCell>
                <TableCell>{translate('gabarit.checks.expected')}</TableCell>
                <TableCell>{translate('gabarit.checks.actual')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {tests.cases.map((c) => (
                <TableRow key={c.name}>
                  {/* Analysts type names with plain spaces; French sets them (« inconnu : une personne vérifie »). */}
                  <TableCell>{locale === 'fr' ? typesetFrench(c.name) : c.name}</TableCell>
                  <TableCell>
                    <Chip
                      size="small"
                      color={c.passed ? 'success' : 'error'}
                      label={translate(c.passed ? 'gabarit.checks.pass' : 'gabarit.checks.fail')}
                    />
                  </TableCell>
                  <TableCell>{c.expected.map((type) => outcomeWithCode(type, translate)).join(', ') || '—'}</TableCell>
                  <TableCell>
                    {c.error ?? (c.actual.map((type) => outcomeWithCode(type, translate)).join(', ') || '—')}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
      {impact && (
        <Alert severity={impact.changed ? 'warning' : 'info'} role="status" sx={{ mt: 2 }}>
          {translate('gabarit.checks.impact_summary', {
            replayed: translate('gabarit.checks.impact_replayed', { smart_count: impact.compared }),
            changed: translate('gabarit.checks.impact_changed', { smart_count: impact.changed }),
            active: impact.activeVersion ?? '—',
          })}
          {impact.notCompared > 0 && (
            <> {translate('gabarit.checks.impact_not_compared', { smart_count: impact.notCompared })}</>
          )}
          {impact.maskedFacts && <> {translate('gabarit.checks.impact_masked')}</>}
          {Object.keys(impact.byTransition).length > 0 && (
            <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
              {Object.entries(impact.byTransition).map(([transition, count]) => (
                <li key={transition}>
                  {translate('gabarit.checks.impact_transition', {
                    transition: transitionWords(transition, translate),
                    count,
                  })}
                </li>
              ))}
            </ul>
          )}
          {/* The decisions that would change, each opening its record: the counts alone named none. */}
          {impact.examples.length > 0 && (
            <Box sx={{ mt: 1 }}>
              {translate('gabarit.checks.impact_examples')}{' '}
              {impact.examples.map((example, i) => (
                <span key={example.evaluationId}>
                  {i > 0 && ', '}
                  <Link to={`/decisions/${encodeURIComponent(example.evaluationId)}/receipt`}>
                    {example.evaluationId.slice(0, 8)}
                  </Link>
                </span>
              ))}
            </Box>
          )}
        </Alert>
      )}
    </Box>
  );
};
