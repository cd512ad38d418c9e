import { BooleanField, CreateButton, DataTable, List, TopToolbar } from 'react-admin';
import { LocalDateField } from '../common/LocalDateField';
import { RolesField } from './RolesField';

const Actions = () => (
  <TopToolbar>
    <CreateButton />
  </TopToolbar>
);

/** Who may sign in to the console, with their roles; a row opens the account to change it. */
export const UserList = () => (
  <List sort={{ field: 'username', order: 'ASC' }} actions={<Actions />}>
    <DataTable bulkActionButtons={false} rowClick="edit">
      <DataTable.Col source="username" />
      <DataTable.Col source="displayName" />
      <DataTable.Col source="roles" disableSort>
        <RolesField />
      </DataTable.Col>
      <DataTable.Col source="disabled" disableSort>
        <BooleanField source="disabled" />
      </DataTable.Col>
      <DataTable.Col source="locked" disableSort>
        <BooleanField source="locked" />
      </DataTable.Col>
      <DataTable.Col source="lastLoginAt">
        <LocalDateField source="lastLoginAt" showTime />
      </DataTable.Col>
    </DataTable>
  </List>
);
