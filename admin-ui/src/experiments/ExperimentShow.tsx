import { Alert, Box, Chip, Stack, Typography } from '@mui/material';
import {
  EditButton,
  FunctionField,
  Labeled,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useGetIdentity,
  useLocaleState,
  useShowContext,
  useTranslate,
} from 'react-admin';
import { formatDateTime } from '../common/dates';
import { usePersonName } from '../common/people';
import type { VersionRecord } from '../common/lifecycle/version-actions';
import { VersionHistory } from '../common/lifecycle/VersionHistory';
import { experimentActions, experimentPhase } from './experiment-form';
import { ExperimentResults } from './ExperimentResults';
import { RunningElsewhereOnPublish } from './RunningElsewhere';
import { StopButton } from './StopButton';
import { ExperimentSettings } from './VersionSettings';
import { RecordHeading } from '../common/PageHeadings';

export interface ExperimentRecord {
  id: string;
  key: string;
  name: string;
  archived: boolean;
  /** Who stopped it, when and why (absent for experiments stopped before 2026-12-07). */
  archival?: { by: string; at: string; comment?: string };
  /** Set when the service stopped it itself: the results say why. */
  halt?: object;
  activeVersion: number | null;
  draftVersion: number | null;
  latestVersion: number;
  scheduled: unknown[];
  versions: VersionRecord[];
  updatedAt: string;
}

const PHASE_COLOURS = { running: 'success', scheduled: 'info', not_started: 'default', stopped: 'default' } as const;

export const PhaseChip = ({ record }: { record: ExperimentRecord }) => {
  const translate = useTranslate();
  const phase = experimentPhase(record);
  return (
    <Chip
      size="small"
      color={PHASE_COLOURS[phase]}
      variant={phase === 'running' ? 'filled' : 'outlined'}
      label={translate(`gabarit.experiments.phase.${phase}`)}
    />
  );
};

const ShowActions = () => {
  const { record } = useShowContext<ExperimentRecord>();
  const { identity } = useGetIdentity();
  if (!record) return null;
  const allowed = experimentActions(record, (identity?.['roles'] as string[]) ?? []);
  return (
    <TopToolbar>
      <Stack direction="row" spacing={1}>
        {allowed.stop && <StopButton experimentKey={record.key} name={record.name} />}
        {/* Without a draft, editing starts one (« Modifier le brouillon » named a draft that did not exist). */}
        {allowed.edit && (
          <EditButton
            label={
              record.versions.some((v) => v.status === 'draft')
                ? 'gabarit.experiments.edit_draft'
                : 'gabarit.lifecycle.create_draft'
            }
          />
        )}
      </Stack>
    </TopToolbar>
  );
};

const Versions = () => {
  const { record } = useShowContext<ExperimentRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {translate('gabarit.experiments.lifecycle_help')}
      </Typography>
      <VersionHistory
        resource="experiments"
        id={record.key}
        reviewDetails={(version, action) =>
          action === 'publish' ? <RunningElsewhereOnPublish experimentKey={record.key} version={version} /> : null
        }
      />
    </Box>
  );
};

const Results = () => {
  const { record } = useShowContext<ExperimentRecord>();
  const translate = useTranslate();
  if (!record) return null;
  const phase = experimentPhase(record);
  // Before it starts there is nothing to read: an empty verdict, chart and guardrails said « figés ».
  if (phase === 'not_started' || phase === 'scheduled')
    return (
      <Box component="section" aria-labelledby="experiment-results-title" sx={{ mt: 3 }}>
        <Typography id="experiment-results-title" variant="h2" sx={{ fontSize: '1.25rem' }}>
          {translate('gabarit.experiments.results.title')}
        </Typography>
        <Typography variant="body2" sx={{ mt: 1 }} data-testid="experiment-not-started">
          {translate(`gabarit.experiments.results.${phase}`)}
        </Typography>
      </Box>
    );
  return <ExperimentResults experimentKey={record.key} updatedAt={record.updatedAt} />;
};

/** Who stopped the experiment, when and why: it was in the audit trail only, which its analysts do not read. */
export const StoppedBy = () => {
  const { record } = useShowContext<ExperimentRecord>();
  const translate = useTranslate();
  const personName = usePersonName();
  const [locale] = useLocaleState();
  // An automatic stop is said beside the results, with its metric.
  if (!record?.archived || !record.archival || record.halt) return null;
  const { by, at, comment } = record.archival;
  return (
    <Alert severity="info" role="note" data-testid="experiment-stopped-by">
      {translate(comment ? 'gabarit.experiments.stopped_by_because' : 'gabarit.experiments.stopped_by', {
        at: formatDateTime(at, locale),
        by: personName(by),
        comment,
      })}
    </Alert>
  );
};

/** An experiment: its state and settings, its versions through review (publishing starts it), Stop, and results. */
export const ExperimentShow = () => (
  <Show actions={<ShowActions />}>
    <RecordHeading />
    <SimpleShowLayout>
      <TextField source="key" />
      <TextField source="name" />
      <FunctionField source="phase" render={(record: ExperimentRecord) => <PhaseChip record={record} />} />
      <StoppedBy />
      <ExperimentSettings />
      <Labeled label="gabarit.versions.title" fullWidth>
        <Versions />
      </Labeled>
      <Results />
    </SimpleShowLayout>
  </Show>
);
