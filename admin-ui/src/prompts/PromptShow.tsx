import { Alert } from '@mui/material';
import { FunctionField, Show, SimpleShowLayout, TextField, useShowContext, useTranslate } from 'react-admin';
import { GovernedShowActions, GovernedVersions } from '../common/lifecycle/GovernedShow';
import { LatestEvaluation } from './evaluation/LatestEvaluation';
import { PromptEvaluations } from './evaluation/PromptEvaluations';
import { PromptDiff } from './PromptDiff';
import { PromptSettings } from './PromptSettings';
import { PromptTests } from './PromptTests';
import type { PromptRecord } from './prompt-record';
import { servedNote, type ServedVersion } from './served-note';
import { useResourceRead } from '../common/use-resource-read';
import { RecordHeading } from '../common/PageHeadings';

/**
 * The prompt's versions, each saying whether a running experiment still serves it: a version « retirée » from the
 * prompt may still answer people as an experiment's control or variant.
 */
const PromptVersions = () => {
  const translate = useTranslate();
  const { record } = useShowContext<PromptRecord>();
  const served = useResourceRead<ServedVersion[]>('prompts', record?.key, 'experiments', record?.updatedAt);
  const statusNote = (version: number) => servedNote(served.data ?? [], version, translate);
  return (
    <GovernedVersions
      resource="prompts"
      reviewDetails={(version, action) =>
        action === 'approve' || action === 'publish' ? (
          <>
            {action === 'publish' && <ServedByExperiments served={served.data ?? []} />}
            <ReviewedEvaluation version={version} />
          </>
        ) : null
      }
      statusNote={statusNote}
    />
  );
};

/**
 * In the publish dialog, when experiments serve the prompt: their subjects keep getting the versions compared,
 * so the version published reaches them only once those experiments end.
 */
export const ServedByExperiments = ({ served }: { served: readonly ServedVersion[] }) => {
  const translate = useTranslate();
  const experiments = [...new Set(served.map((s) => s.experiment))];
  if (experiments.length === 0) return null;
  return (
    <Alert severity="info" sx={{ mb: 2 }}>
      {translate('gabarit.prompts.publish_under_experiment', {
        smart_count: experiments.length,
        experiments: experiments.map((e) => translate('gabarit.prompts.quoted', { name: e })).join(', '),
      })}
    </Alert>
  );
};

/** In the approve and publish dialogs: the version's latest evaluation run, as the approval event will record it. */
const ReviewedEvaluation = ({ version }: { version: number }) => {
  const { record } = useShowContext<PromptRecord>();
  return record ? <LatestEvaluation promptKey={record.key} version={version} /> : null;
};

/** A prompt: what it is and its model settings, its versions with their review, a diff between any two, its tests and evaluations. */
export const PromptShow = () => {
  const translate = useTranslate();
  return (
    <Show actions={<GovernedShowActions resource="prompts" editLabel="gabarit.prompts.edit_draft" />}>
      <RecordHeading />
      <SimpleShowLayout>
        <TextField source="key" />
        <TextField source="name" />
        <FunctionField
          source="pilot"
          render={(record: PromptRecord) => translate(`gabarit.pilots.${record.pilot}`, { _: record.pilot })}
        />
        <TextField source="activeVersion" emptyText="—" />
        <TextField source="draftVersion" emptyText="—" />
        <PromptSettings />
        <PromptVersions />
        <PromptDiff />
        <PromptTests />
        <PromptEvaluations />
      </SimpleShowLayout>
    </Show>
  );
};
