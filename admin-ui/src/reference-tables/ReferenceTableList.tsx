import { DataTable, List, SearchInput } from 'react-admin';
import { CreateForRoles } from '../common/CreateForRoles';
import { LocalDateField } from '../common/LocalDateField';
import { PersonField } from '../common/people';
import { TranslatedPagination } from '../common/TranslatedPagination';
import { RecordLink } from '../common/RecordLink';
import { ListHeading } from '../common/PageHeadings';

/** Reference tables, searched in their key, name and description; sorted by key, name or last change. */
export const ReferenceTableList = () => (
  <List
    pagination={<TranslatedPagination />}
    filters={[<SearchInput key="q" source="q" alwaysOn />]}
    sort={{ field: 'key', order: 'ASC' }}
    actions={<CreateForRoles action="editReferenceTables" />}
  >
    <ListHeading />
    <DataTable bulkActionButtons={false} rowClick="show">
      <DataTable.Col source="key">
        <RecordLink source="key" />
      </DataTable.Col>
      <DataTable.Col source="name" />
      <DataTable.Col source="keyColumn" disableSort />
      <DataTable.NumberCol source="rowCount" disableSort />
      <DataTable.Col source="updatedBy" disableSort>
        <PersonField source="updatedBy" />
      </DataTable.Col>
      <DataTable.Col source="updatedAt">
        <LocalDateField source="updatedAt" showTime />
      </DataTable.Col>
    </DataTable>
  </List>
);
