import { FunctionField, Show, SimpleShowLayout, TextField, useTranslate } from 'react-admin';
import { GovernedShowActions, GovernedVersions } from '../common/lifecycle/GovernedShow';
import { PromptEvaluations } from './evaluation/PromptEvaluations';
import { PromptDiff } from './PromptDiff';
import { PromptSettings } from './PromptSettings';
import { PromptTests } from './PromptTests';
import type { PromptRecord } from './prompt-record';

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
        <GovernedVersions resource="prompts" />
        <PromptDiff />
        <PromptTests />
        <PromptEvaluations />
      </SimpleShowLayout>
    </Show>
  );
};
