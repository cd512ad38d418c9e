import {
  Box,
  Button,
  CircularProgress,
  MenuItem,
  Stack,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tabs,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useGetIdentity, useShowContext, useTranslate } from 'react-admin';
import type { components } from '../../api/schema.gen';
import { CodeEditor } from '../../common/CodeEditor';
import { toProblem, type Problem, atPlace } from '../../common/api-error';
import { ProblemAlert } from '../../common/ProblemAlert';
import { PersonName } from '../../common/people';
import { dataProvider } from '../../dataProvider';
import { versionNumbers } from '../../common/lifecycle/version-pair';
import type { PromptRecord } from '../prompt-record';
import { VersionPicker } from '../VersionPicker';
import { parseJsonObject } from '../variables';
import { EvaluationCases, EvaluationSummary, type EvaluationRun } from './EvaluationResults';
import { LatestEvaluation } from './LatestEvaluation';
import { may } from '../../layout/access';

type EvaluationSet = components['schemas']['EvaluationSetSummary'];

const NEW_SET = `{
  "name": "regression",
  "cases": [
    {
      "name": "",
      "variables": {},
      "expect": [{ "type": "contains", "value": "" }]
    }
  ]
}`;

/** The version a reviewer looks at first: the newest in review or approved, else the draft, else the newest. */
function versionUnderReview(record: PromptRecord): number | undefined {
  const reviewed = record.versions
    .filter((v) => v.status === 'in_review' || v.status === 'approved')
    .map((v) => v.number)
    .sort((a, b) => b - a)[0];
  return reviewed ?? record.draftVersion ?? versionNumbers(record.versions)[0];
}

/**
 * A version's evaluations (docs/adr/0031): the prompt's evaluation sets, a new set as JSON (the API's refusals at
 * their paths), a run of a set on this version beside the version in force with a token budget, and its results;
 * the "review" tab shows the latest run on the version, as the approval's audit event records it.
 */
export const PromptEvaluations = () => {
  const { record } = useShowContext<PromptRecord>();
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const queryClient = useQueryClient();
  const [version, setVersion] = useState<number | undefined>();
  const [tab, setTab] = useState<'evaluations' | 'review'>('evaluations');
  const [setName, setSetName] = useState<string | undefined>();
  const [budget, setBudget] = useState('');
  const [run, setRun] = useState<EvaluationRun | undefined>();
  const [runProblem, setRunProblem] = useState<Problem | undefined>();
  const [running, setRunning] = useState(false);
  const [draftSet, setDraftSet] = useState<string | undefined>();
  const [setProblem, setSetProblem] = useState<Problem | undefined>();
  const [saving, setSaving] = useState(false);
  const key = record?.key;
  const sets = useQuery({
    queryKey: ['prompts', 'evaluation-sets', key],
    queryFn: () => dataProvider.read('prompts', { id: key!, path: 'evaluation-sets' }) as Promise<EvaluationSet[]>,
    enabled: key !== undefined,
  });
  const chosen = version ?? (record ? versionUnderReview(record) : undefined);
  if (!record || chosen === undefined) return null;
  const roles = identity?.['roles'] as string[] | undefined;
  const mayRun = may('runEvaluations', roles);
  const mayCreate = may('createEvaluationSets', roles);
  const setNames = (sets.data ?? []).map((s) => s.name);
  const selectedSet = setName ?? setNames[0];

  const start = async () => {
    if (!selectedSet) return;
    setRunning(true);
    setRun(undefined);
    setRunProblem(undefined);
    try {
      const body = { set: selectedSet, ...(budget.trim() ? { budgetTokens: Number(budget) } : {}) };
      setRun(
        (await dataProvider.command('prompts', {
          id: record.key,
          command: `versions/${chosen}/evaluation-runs`,
          body,
        })) as EvaluationRun,
      );
      void queryClient.invalidateQueries({ queryKey: ['prompts', 'evaluation-runs', key] });
    } catch (err) {
      setRunProblem(toProblem(err));
    } finally {
      setRunning(false);
    }
  };

  const parsedSet = draftSet === undefined ? undefined : parseJsonObject(draftSet);
  const saveSet = async () => {
    if (!parsedSet || !('value' in parsedSet)) return;
    setSaving(true);
    setSetProblem(undefined);
    try {
      await dataProvider.command('prompts', { id: record.key, command: 'evaluation-sets', body: parsedSet.value });
      setDraftSet(undefined);
      setSetName((parsedSet.value as { name?: string }).name);
      await sets.refetch();
    } catch (err) {
      setSetProblem(toProblem(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box component="section" aria-labelledby="prompt-evaluations-title" sx={{ mt: 3 }}>
      <Typography id="prompt-evaluations-title" variant="h2" sx={{ fontSize: '1.25rem', mb: 1 }}>
        {translate('gabarit.evaluations.title')}
      </Typography>
      <VersionPicker
        record={record}
        label="gabarit.evaluations.version"
        value={chosen}
        onChange={(n) => {
          setVersion(n);
          setRun(undefined);
        }}
        sx={{ mb: 1 }}
      />
      <Tabs
        value={tab}
        onChange={(_e, value: 'evaluations' | 'review') => setTab(value)}
        aria-label={translate('gabarit.evaluations.tabs', { version: chosen })}
      >
        <Tab
          value="evaluations"
          label={translate('gabarit.evaluations.tab_evaluations')}
          id="evaluations-tab"
          aria-controls="evaluations-panel"
        />
        <Tab
          value="review"
          label={translate('gabarit.evaluations.tab_review')}
          id="evaluations-review-tab"
          aria-controls="evaluations-review-panel"
        />
      </Tabs>
      {tab === 'review' ? (
        <Box role="tabpanel" id="evaluations-review-panel" aria-labelledby="evaluations-review-tab" sx={{ pt: 2 }}>
          <LatestEvaluation promptKey={record.key} version={chosen} />
        </Box>
      ) : (
        <Box role="tabpanel" id="evaluations-panel" aria-labelledby="evaluations-tab" sx={{ pt: 2 }}>
          <Typography variant="h3" sx={{ fontSize: '1.05rem', mb: 1 }}>
            {translate('gabarit.evaluations.sets_title')}
          </Typography>
          {sets.data && sets.data.length === 0 && <Typography>{translate('gabarit.evaluations.no_sets')}</Typography>}
          {sets.data && sets.data.length > 0 && (
            <Table size="small" aria-label={translate('gabarit.evaluations.sets_title')} sx={{ mb: 2 }}>
              <TableHead>
                <TableRow>
                  <TableCell>{translate('gabarit.evaluations.set_name')}</TableCell>
                  <TableCell>{translate('gabarit.evaluations.set_cases')}</TableCell>
                  <TableCell>{translate('gabarit.evaluations.set_judge')}</TableCell>
                  <TableCell>{translate('gabarit.evaluations.set_created')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {sets.data.map((s) => (
                  <TableRow key={s.name}>
                    <TableCell>{s.name}</TableCell>
                    <TableCell>{s.caseCount}</TableCell>
                    <TableCell>{s.judgePrompt ?? '—'}</TableCell>
                    <TableCell>
                      <PersonName username={s.createdBy} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {mayCreate && draftSet === undefined && (
            <Button variant="outlined" sx={{ mb: 2 }} onClick={() => setDraftSet(NEW_SET)}>
              {translate('gabarit.evaluations.new_set')}
            </Button>
          )}
          {mayCreate && draftSet !== undefined && (
            <Box sx={{ mb: 2 }}>
              <CodeEditor
                label={translate('gabarit.evaluations.set_json')}
                language="json"
                value={draftSet}
                onChange={(text) => {
                  setDraftSet(text);
                  setSetProblem(undefined);
                }}
                errors={[
                  ...(parsedSet && 'error' in parsedSet ? [translate(parsedSet.error)] : []),
                  ...(setProblem?.details ?? []).map((d) => atPlace(translate, d.path, d.message)),
                ]}
                minHeight="220px"
              />
              <Typography variant="caption" component="p">
                {translate('gabarit.evaluations.set_help')}
              </Typography>
              {setProblem && <ProblemAlert problem={setProblem} />}
              <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
                <Button
                  variant="contained"
                  disabled={saving || !parsedSet || !('value' in parsedSet)}
                  onClick={() => void saveSet()}
                >
                  {translate('gabarit.evaluations.save_set')}
                </Button>
                <Button onClick={() => setDraftSet(undefined)}>{translate('ra.action.cancel')}</Button>
              </Stack>
            </Box>
          )}
          {mayRun && setNames.length > 0 && (
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { sm: 'center' } }}>
              <TextField
                select
                size="small"
                label={translate('gabarit.evaluations.set_to_run')}
                value={selectedSet ?? ''}
                onChange={(e) => setSetName(e.target.value)}
                sx={{ width: 240 }}
              >
                {setNames.map((n) => (
                  <MenuItem key={n} value={n}>
                    {n}
                  </MenuItem>
                ))}
              </TextField>
              <TextField
                size="small"
                type="number"
                label={translate('gabarit.evaluations.budget')}
                helperText={translate('gabarit.evaluations.budget_help')}
                value={budget}
                onChange={(e) => setBudget(e.target.value)}
                slotProps={{ htmlInput: { min: 1 } }}
                sx={{ width: 260 }}
              />
              <Button variant="contained" disabled={running} onClick={() => void start()}>
                {translate('gabarit.evaluations.run', { version: chosen })}
              </Button>
              {running && <CircularProgress aria-label={translate('gabarit.evaluations.running')} size={24} />}
            </Stack>
          )}
          {runProblem && <ProblemAlert problem={runProblem} />}
          {run && (
            <Box role="status" aria-label={translate('gabarit.evaluations.results_title')}>
              <Typography variant="h3" sx={{ fontSize: '1.05rem', my: 1 }}>
                {translate('gabarit.evaluations.summary_title', { set: run.set })}
              </Typography>
              <EvaluationSummary run={run} />
              <Typography variant="h3" sx={{ fontSize: '1.05rem', my: 1 }}>
                {translate('gabarit.evaluations.cases_title')}
              </Typography>
              <EvaluationCases run={run} />
            </Box>
          )}
        </Box>
      )}
    </Box>
  );
};
