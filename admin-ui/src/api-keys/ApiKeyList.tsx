import { CreateButton, DataTable, DeleteButton, List, TopToolbar } from 'react-admin';
import { LocalDateField } from '../common/LocalDateField';

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
      <DataTable.Col source="createdBy" disableSort />
      <DataTable.Col source="createdAt">
        <LocalDateField source="createdAt" showTime />
      </DataTable.Col>
      <DataTable.Col source="lastUsedAt">
        <LocalDateField source="lastUsedAt" showTime />
      </DataTable.Col>
      {/* When a key was revoked is what a reviewer asks next; an active key leaves the cell empty. */}
      <DataTable.Col source="revokedAt" disableSort>
        <LocalDateField source="revokedAt" showTime />
      </DataTable.Col>
      {/* A revoked key stays revoked: revoking it again would change nothing, so it is not offered. */}
      <DataTable.Col
        render={(record: { revoked: boolean }) =>
          record.revoked ? null : <DeleteButton label="gabarit.api_keys.revoke" mutationMode="pessimistic" />
        }
      />
    </DataTable>
  </List>
);
