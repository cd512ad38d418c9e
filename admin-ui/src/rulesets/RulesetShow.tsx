import { Button, Chip, Stack, Tooltip } from '@mui/material';
import { useState } from 'react';
import { ArrayField, DataTable, Show, SimpleShowLayout, TextField, useGetIdentity, useNotify, useRecordContext, useRefresh, useShowContext, useTranslate } from 'react-admin';
import { LocalDateField } from '../common/LocalDateField';
import { httpClient } from '../dataProvider';
import { TryIt } from './TryIt';
import { versionActions, type VersionAction, type VersionRecord } from './version-actions';

/** The lifecycle buttons of one version, as the signed-in user may use them. */
const VersionButtons = () => {
  const version = useRecordContext<VersionRecord & { id: number }>();
  const { record: ruleset } = useShowContext<{ id: string; key: string }>();
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  if (!version || !identity || !ruleset) return null;
  const key = ruleset.key;
  const run = async (action: VersionAction) => {
    const comment = action === 'reject' ? window.prompt(translate('gabarit.lifecycle.reject_reason')) : undefined;
    if (action === 'reject' && !comment) return;
    setBusy(true);
    try {
      await httpClient(`/api/v1/rulesets/${key}/versions/${version.number}/${action}`, { method: 'POST', body: JSON.stringify(comment ? { comment } : {}) });
      notify(`gabarit.lifecycle.done_${action}`, { type: 'success', messageArgs: { version: version.number } });
      refresh();
    } catch (err) {
      notify((err as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack direction="row" spacing={1}>
      {versionActions(version, { id: String(identity.id), roles: (identity['roles'] as string[]) ?? [] }).map(({ action, disabledReason }) => {
        const button = (
          <Button key={action} size="small" variant="outlined" disabled={busy || disabledReason !== undefined} onClick={() => void run(action)}>
            {translate(`gabarit.lifecycle.${action}`)}
          </Button>
        );
        return disabledReason ? (
          <Tooltip key={action} title={translate(disabledReason)}>
            <span>{button}</span>
          </Tooltip>
        ) : (
          button
        );
      })}
    </Stack>
  );
};

/** A rule set: what it is, and its versions with status, authors, approval and publication. */
export const RulesetShow = () => {
  const translate = useTranslate();
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="key" />
        <TextField source="name" />
        <TextField source="description" />
        <TextField source="activeVersion" />
        <ArrayField source="versions">
          <DataTable bulkActionButtons={false} rowClick={false} sort={{ field: 'number', order: 'DESC' }}>
            <DataTable.Col source="number" label="resources.rulesets.fields.version" />
            <DataTable.Col source="status" label="resources.rulesets.fields.status" render={(v: VersionRecord) => <Chip size="small" label={translate(`gabarit.status.${v.status}`)} color={v.status === 'published' ? 'success' : 'default'} />} />
            <DataTable.Col source="authors" label="resources.rulesets.fields.authors" render={(v: VersionRecord) => v.authors.join(', ')} />
            <DataTable.Col source="approvedBy" label="resources.rulesets.fields.approvedBy" />
            <DataTable.Col source="publishedAt" label="resources.rulesets.fields.publishedAt">
              <LocalDateField source="publishedAt" showTime />
            </DataTable.Col>
            <DataTable.Col label="resources.rulesets.fields.actions">
              <VersionButtons />
            </DataTable.Col>
          </DataTable>
        </ArrayField>
        <TryIt />
      </SimpleShowLayout>
    </Show>
  );
};
