import { BooleanInput, DataTable, List, SearchInput } from 'react-admin';
import { CreateForRoles } from '../common/CreateForRoles';
import { LocalDateField } from '../common/LocalDateField';
import { PhaseChip, type ExperimentRecord } from './ExperimentShow';
import { TranslatedPagination } from '../common/TranslatedPagination';
import { RecordLink } from '../common/RecordLink';
import { ListHeading } from '../common/PageHeadings';

/**
 * Experiments with their state; analysts create new ones here. A stopped experiment is archived, and the API
 * lists archived ones apart: the switch shows them, whose results stay readable.
 */
export const ExperimentList = () => (
  <List
    pagination={<TranslatedPagination />}
    filters={[<SearchInput key="q" source="q" alwaysOn />, <BooleanInput key="archived" source="archived" alwaysOn />]}
    filterDefaultValues={{ archived: false }}
    sort={{ field: 'key', order: 'ASC' }}
    actions={<CreateForRoles />}
  >
    <ListHeading />
    <DataTable bulkActionButtons={false} rowClick="show">
      <DataTable.Col source="key">
        <RecordLink source="key" />
      </DataTable.Col>
      <DataTable.Col source="name" />
      <DataTable.Col source="phase" disableSort render={(record: ExperimentRecord) => <PhaseChip record={record} />} />
      <DataTable.Col source="activeVersion" disableSort />
      <DataTable.Col source="draftVersion" disableSort />
      <DataTable.Col source="updatedAt">
        <LocalDateField source="updatedAt" showTime />
      </DataTable.Col>
    </DataTable>
  </List>
);
