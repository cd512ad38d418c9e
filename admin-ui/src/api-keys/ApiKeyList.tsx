import { Chip } from '@mui/material';
import { CreateButton, DataTable, DeleteButton, List, TopToolbar, useTranslate } from 'react-admin';
import { LocalDateField } from '../common/LocalDateField';
import { PersonField } from '../common/people';

interface ApiKeyRecord {
  name: string;
  revoked: boolean;
  expiresAt?: string;
  expired?: boolean;
}

const Expiry = ({ record }: { record: ApiKeyRecord }) => {
  const translate = useTranslate();
  if (!record.expiresAt) return null;
  return (
    <>
      <LocalDateField source="expiresAt" record={record} />
      {record.expired && !record.revoked && (
        <Chip size="small" color="warning" sx={{ ml: 1 }} label={translate('gabarit.api_keys.expired')} />
      )}
    </>
  );
};

const Actions = () => (
  <TopToolbar>
    <CreateButton />
  </TopToolbar>
);

/** Keys without their secrets; revoking an active key asks for confirmation. */
export const ApiKeyList = () => (
  <List sort={{ field: 'createdAt', order: 'DESC' }} actions={<Actions />}>
    <DataTable bulkActionButtons={false} rowClick={false}>
      <DataTable.Col source="name" />
      <DataTable.Col source="scopes" disableSort render={(record: { scopes: string[] }) => record.scopes.join(', ')} />
      <DataTable.Col source="createdBy" disableSort>
        <PersonField source="createdBy" />
      </DataTable.Col>
      <DataTable.Col source="createdAt">
        <LocalDateField source="createdAt" showTime />
      </DataTable.Col>
      <DataTable.Col source="lastUsedAt">
        <LocalDateField source="lastUsedAt" showTime />
      </DataTable.Col>
      {/* A key without an expiry date leaves the cell empty; one past it says so. */}
      <DataTable.Col source="expiresAt" disableSort render={(record: ApiKeyRecord) => <Expiry record={record} />} />
      {/* When a key was revoked is what a reviewer asks next; an active key leaves the cell empty. */}
      <DataTable.Col source="revokedAt" disableSort>
        <LocalDateField source="revokedAt" showTime />
      </DataTable.Col>
      {/* A revoked key stays revoked: revoking it again would change nothing, so it is not offered. */}
      <DataTable.Col render={(record: ApiKeyRecord) => (record.revoked ? null : <RevokeButton record={record} />)} />
    </DataTable>
  </List>
);

/** « Révoquer », named for the key it revokes: a screen reader going down the column hears which. */
const RevokeButton = ({ record }: { record: ApiKeyRecord }) => {
  const translate = useTranslate();
  return (
    <DeleteButton
      label="gabarit.api_keys.revoke"
      aria-label={translate('gabarit.api_keys.revoke_named', { name: record.name })}
      mutationMode="pessimistic"
    />
  );
};
