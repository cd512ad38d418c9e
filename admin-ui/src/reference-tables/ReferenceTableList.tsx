import { DataTable, List, SearchInput } from 'react-admin';
import { CreateForRoles } from '../common/CreateForRoles';
import { LocalDateField } from '../common/LocalDateField';
import { PersonField } from '../common/people';

/** Reference tables, searchable by key or name; the API sorts by key only. */
export const ReferenceTableList = () => (
  <List
    filters={[<SearchInput key="q" source="q" alwaysOn />]}
    sort={{ field: 'key', order: 'ASC' }}
    actions={<CreateForRoles action="editReferenceTables" />}
  >
    <DataTable bulkActionButtons={false} rowClick="show">
      <DataTable.Col source="key" />
      <DataTable.Col source="name" disableSort />
      <DataTable.Col source="keyColumn" disableSort />
      <DataTable.NumberCol source="rowCount" disableSort />
      <DataTable.Col source="updatedBy" disableSort>
        <PersonField source="updatedBy" />
      </DataTable.Col>
      <DataTable.Col source="updatedAt" disableSort>
        <LocalDateField source="updatedAt" showTime />
      </DataTable.Col>
    </DataTable>
  </List>
);
