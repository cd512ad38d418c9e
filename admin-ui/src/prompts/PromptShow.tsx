import { Stack } from '@mui/material';
import { EditButton, FunctionField, Show, SimpleShowLayout, TextField, TopToolbar, useGetIdentity, useShowContext, useTranslate } from 'react-admin';
import { RollbackButton } from '../common/lifecycle/RollbackButton';
import { VersionHistory } from '../common/lifecycle/VersionHistory';
import { PromptDiff } from './PromptDiff';
import { PromptSettings } from './PromptSettings';
import { PromptTests } from './PromptTests';
import type { PromptRecord } from './use-draft';

const ShowActions = () => {
  const { record } = useShowContext<PromptRecord>();
  const { identity } = useGetIdentity();
  if (!record) return null;
  const isAnalyst = ((identity?.['roles'] as string[]) ?? []).includes('analyst');
  return (
    <TopToolbar>
      <Stack direction="row" spacing={1}>
        <RollbackButton apiBase={`/api/v1/prompts/${record.key}`} versions={record.versions} activeVersion={record.activeVersion} />
        {isAnalyst && <EditButton label="gabarit.prompts.edit_draft" />}
      </Stack>
    </TopToolbar>
  );
};

const Versions = () => {
  const { record } = useShowContext<PromptRecord>();
  return record ? <VersionHistory apiBase={`/api/v1/prompts/${record.key}`} /> : null;
};

/** A prompt: what it is and its model settings, its versions with their review, a diff between any two, and its tests. */
export const PromptShow = () => {
  const translate = useTranslate();
  return (
    <Show actions={<ShowActions />}>
      <SimpleShowLayout>
        <TextField source="key" />
        <TextField source="name" />
        <FunctionField source="pilot" render={(record: PromptRecord) => translate(`gabarit.pilots.${record.pilot}`, { _: record.pilot })} />
        <TextField source="activeVersion" emptyText="—" />
        <TextField source="draftVersion" emptyText="—" />
        <PromptSettings />
        <Versions />
        <PromptDiff />
        <PromptTests />
      </SimpleShowLayout>
    </Show>
  );
};
