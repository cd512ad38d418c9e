import { Stack } from '@mui/material';
import { EditButton, Show, SimpleShowLayout, TextField, TopToolbar, useGetIdentity, useShowContext } from 'react-admin';
import { RollbackButton } from '../common/lifecycle/RollbackButton';
import type { VersionRecord } from '../common/lifecycle/version-actions';
import { VersionHistory } from '../common/lifecycle/VersionHistory';
import { TryIt } from './TryIt';
import { VersionDiff } from './VersionDiff';

interface RulesetRecord {
  id: string;
  key: string;
  activeVersion: number | null;
  versions: VersionRecord[];
}

const ShowActions = () => {
  const { record } = useShowContext<RulesetRecord>();
  const { identity } = useGetIdentity();
  if (!record) return null;
  const isAnalyst = ((identity?.['roles'] as string[]) ?? []).includes('analyst');
  return (
    <TopToolbar>
      <Stack direction="row" spacing={1}>
        <RollbackButton apiBase={`/api/v1/rulesets/${record.key}`} versions={record.versions} activeVersion={record.activeVersion} />
        {isAnalyst && <EditButton label="gabarit.editors.edit_draft" />}
      </Stack>
    </TopToolbar>
  );
};

const Versions = () => {
  const { record } = useShowContext<RulesetRecord>();
  return record ? <VersionHistory apiBase={`/api/v1/rulesets/${record.key}`} /> : null;
};

/** A rule set: what it is, its versions with their review, a diff between any two, and Try it. */
export const RulesetShow = () => (
  <Show actions={<ShowActions />}>
    <SimpleShowLayout>
      <TextField source="key" />
      <TextField source="name" />
      <TextField source="description" />
      <TextField source="activeVersion" />
      <Versions />
      <VersionDiff />
      <TryIt />
    </SimpleShowLayout>
  </Show>
);
