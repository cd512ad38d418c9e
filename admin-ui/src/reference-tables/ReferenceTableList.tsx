import { CreateButton, DataTable, List, SearchInput, TopToolbar, useGetIdentity } from 'react-admin';
import { LocalDateField } from '../common/LocalDateField';
import { canEditTables } from './permissions';

/** Create is offered to the roles the API lets create (analyst, admin); everyone signed in may read. */
const Actions = () => {
  const { identity } = useGetIdentity();
  return <TopToolbar>{canEditTables(identity?.['roles'] as string[] | undefined) && <CreateButton />}</TopToolbar>;
};

/** Reference tables, searchable by key or name; the API sorts by key only. */
export const ReferenceTableList = () => (
  <List filters={[<SearchInput key="q" source="q" alwaysOn />]} sort={{ field: 'key', order: 'ASC' }} actions={<Actions />}>
    <DataTable bulkActionButtons={false} rowClick="show">
      <DataTable.Col source="key" />
      <DataTable.Col source="name" disableSort />
      <DataTable.Col source="keyColumn" disableSort />
      <DataTable.NumberCol source="rowCount" disableSort />
      <DataTable.Col source="updatedBy" disableSort />
      <DataTable.Col source="updatedAt" disableSort>
        <LocalDateField source="updatedAt" showTime />
      </DataTable.Col>
    </DataTable>
  </List>
);
