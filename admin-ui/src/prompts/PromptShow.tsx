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
        action === 'approve' || action === 'publish' ? <ReviewedEvaluation version={version} /> : null
      }
      statusNote={statusNote}
    />
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
