import { CreateButton, DataTable, List, SearchInput, TopToolbar, useGetIdentity } from 'react-admin';
import { LocalDateField } from '../common/LocalDateField';
import { PhaseChip, type ExperimentRecord } from './ExperimentShow';

const ListActions = () => {
  const { identity } = useGetIdentity();
  const isAnalyst = ((identity?.['roles'] as string[]) ?? []).includes('analyst');
  return <TopToolbar>{isAnalyst && <CreateButton />}</TopToolbar>;
};

/** Experiments with their state; analysts create new ones here. */
export const ExperimentList = () => (
  <List filters={[<SearchInput key="q" source="q" alwaysOn />]} sort={{ field: 'key', order: 'ASC' }} actions={<ListActions />}>
    <DataTable bulkActionButtons={false} rowClick="show">
      <DataTable.Col source="key" />
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
