import { Chip } from '@mui/material';
import { DataTable, List, SearchInput, SelectInput, useTranslate } from 'react-admin';
import { CreateForRoles } from '../common/CreateForRoles';
import { TranslatedPagination } from '../common/TranslatedPagination';
import { pilotChoices } from '../common/pilots';
import { RecordLink } from '../common/RecordLink';
import { ListHeading } from '../common/PageHeadings';

/** Prompts with filters by pilot and text (key or name). */
export const PromptList = () => {
  const translate = useTranslate();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="pilot" source="pilot" choices={pilotChoices('chatbot')} alwaysOn />,
  ];
  return (
    <List
      pagination={<TranslatedPagination />}
      filters={filters}
      sort={{ field: 'key', order: 'ASC' }}
      actions={<CreateForRoles />}
    >
      <ListHeading />
      <DataTable bulkActionButtons={false} rowClick="show">
        <DataTable.Col source="key">
          <RecordLink source="key" />
        </DataTable.Col>
        <DataTable.Col source="name" />
        <DataTable.Col
          source="pilot"
          render={(record: { pilot: string }) => (
            <Chip size="small" label={translate(`gabarit.pilots.${record.pilot}`, { _: record.pilot })} />
          )}
        />
        <DataTable.Col source="activeVersion" disableSort />
        <DataTable.Col source="draftVersion" disableSort />
      </DataTable>
    </List>
  );
};
