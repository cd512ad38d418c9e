import { Chip } from '@mui/material';
import { CreateButton, DataTable, List, SearchInput, SelectInput, TopToolbar, useGetIdentity, useTranslate } from 'react-admin';

const PILOTS = ['chatbot', 'invoices', 'enrolment'];

const ListActions = () => {
  const { identity } = useGetIdentity();
  return <TopToolbar>{((identity?.['roles'] as string[]) ?? []).includes('analyst') && <CreateButton />}</TopToolbar>;
};

/** Prompts with filters by pilot and text (key or name). */
export const PromptList = () => {
  const translate = useTranslate();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="pilot" source="pilot" choices={PILOTS.map((id) => ({ id, name: `gabarit.pilots.${id}` }))} alwaysOn />,
  ];
  return (
    <List filters={filters} sort={{ field: 'key', order: 'ASC' }} actions={<ListActions />}>
      <DataTable bulkActionButtons={false} rowClick="show">
        <DataTable.Col source="key" />
        <DataTable.Col source="name" />
        <DataTable.Col source="pilot" render={(record: { pilot: string }) => <Chip size="small" label={translate(`gabarit.pilots.${record.pilot}`, { _: record.pilot })} />} />
        <DataTable.Col source="activeVersion" />
        <DataTable.Col source="draftVersion" />
      </DataTable>
    </List>
  );
};
