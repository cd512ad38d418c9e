import CancelIcon from '@mui/icons-material/Cancel';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import BlockIcon from '@mui/icons-material/Block';
import { Alert, Box, Button, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { useGetIdentity, useLocaleState, useShowContext, useTranslate } from 'react-admin';
import { useInvalidate } from '../common/use-api-action';
import { problemHeadline, toProblem, type Problem } from '../common/api-error';
import { dataProvider } from '../dataProvider';
import { awaitingDecision, versionNumbers } from '../common/lifecycle/version-pair';
import type { PromptRecord } from './prompt-record';
import { VersionPicker } from './VersionPicker';
import { caseProblemWords } from './case-problems';
import { may } from '../layout/access';
import type { ResponseOf } from '../api/types';

type TestRun = ResponseOf<'/api/v1/prompts/{key}/versions/{n}/test', 'post'>;

const outcomeOf = (c: TestRun['cases'][number]) => (c.skipped ? 'skipped' : c.passed ? 'passed' : 'failed');
const ICONS = {
  passed: <CheckCircleIcon color="success" fontSize="small" />,
  failed: <CancelIcon color="error" fontSize="small" />,
  skipped: <BlockIcon fontSize="small" />,
};

/** Runs a version's test cases (POST versions/{n}/test; the run is recorded for publishing) and shows each case. */
export const PromptTests = () => {
  const { record } = useShowContext<PromptRecord>();
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const refresh = useInvalidate('prompts');
  const [version, setVersion] = useState<number | undefined>();
  const [run, setRun] = useState<TestRun | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();
  const [busy, setBusy] = useState(false);
  if (!record || !may('runTests', identity?.['roles'] as string[] | undefined)) return null;
  const numbers = versionNumbers(record.versions);
  // The analyst's draft, else what awaits an approver's decision (as the comparison opens on), else what is in force.
  const chosen =
    version ?? record.draftVersion ?? awaitingDecision(record.versions) ?? record.activeVersion ?? numbers[0];
  if (chosen === undefined) return null;
  const start = async () => {
    setBusy(true);
    setRun(undefined);
    setProblem(undefined);
    try {
      const json = await dataProvider.command('prompts', { id: record.key, command: `versions/${chosen}/test` });
      setRun(json as TestRun);
      refresh();
    } catch (err) {
      setProblem(toProblem(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box component="section" aria-labelledby="prompt-tests-title" sx={{ mt: 3 }}>
      <Typography id="prompt-tests-title" variant="h2" sx={{ fontSize: '1.25rem', mb: 1 }}>
        {translate('gabarit.prompts.tests_title')}
      </Typography>
      <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'center' }}>
        <VersionPicker record={record} label="gabarit.prompts.tests_version" value={chosen} onChange={setVersion} />
        <Button variant="contained" disabled={busy} onClick={() => void start()}>
          {translate('gabarit.prompts.tests_run')}
        </Button>
      </Stack>
      {problem && <Alert severity="error">{problemHeadline(problem, translate)}</Alert>}
      {run && (
        <Box role="status">
          <Alert severity={run.failed > 0 ? 'error' : 'success'} sx={{ mb: 1 }}>
            {translate('gabarit.prompts.tests_summary', {
              version: run.version,
              passed: translate('gabarit.prompts.tests_count_passed', { smart_count: run.passed }),
              failed: translate('gabarit.prompts.tests_count_failed', { smart_count: run.failed }),
              skipped: translate('gabarit.prompts.tests_count_skipped', { smart_count: run.skipped }),
            })}
          </Alert>
          {run.cases.length === 0 ? (
            <Typography>{translate('gabarit.prompts.tests_none')}</Typography>
          ) : (
            <Table size="small" aria-label={translate('gabarit.prompts.tests_title')}>
              <TableHead>
                <TableRow>
                  <TableCell>{translate('gabarit.prompts.tests_case')}</TableCell>
                  <TableCell>{translate('gabarit.prompts.tests_outcome')}</TableCell>
                  <TableCell>{translate('gabarit.prompts.tests_failures')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {run.cases.map((c) => (
                  <TableRow key={c.name}>
                    <TableCell>{c.name}</TableCell>
                    <TableCell>
                      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                        {ICONS[outcomeOf(c)]}
                        <span>{translate(`gabarit.prompts.tests_${outcomeOf(c)}`)}</span>
                      </Stack>
                    </TableCell>
                    <TableCell>
                      {caseProblemWords(c, translate, locale).join(
                        translate('gabarit.prompts.case_problems.separator'),
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Box>
      )}
    </Box>
  );
};
