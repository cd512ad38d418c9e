import { Chip } from '@mui/material';
import {
  CreateButton,
  DataTable,
  FilterButton,
  List,
  SearchInput,
  SelectInput,
  TopToolbar,
  useGetIdentity,
  useTranslate,
} from 'react-admin';
import { ImportDmnButton } from './dmn/ImportDmnButton';
import { may } from '../layout/access';
import { TranslatedPagination } from '../common/TranslatedPagination';
import { pilotChoices } from '../common/pilots';
import { RecordLink } from '../common/RecordLink';
import { ListHeading } from '../common/PageHeadings';
import { FocusAddedFilter } from '../common/FocusAddedFilter';

/** The list's top bar: its filters, and for analysts Create and Import DMN. */
const RulesetListActions = () => {
  const { identity } = useGetIdentity();
  const isAnalyst = may('writeDrafts', identity?.['roles'] as string[] | undefined);
  return (
    <TopToolbar>
      <FilterButton />
      {isAnalyst && <CreateButton />}
      <ImportDmnButton />
    </TopToolbar>
  );
};

/** Rule sets with filters by pilot, status and text; analysts create one or import a DMN table. */
export const RulesetList = () => {
  const translate = useTranslate();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="pilot" source="pilot" choices={pilotChoices()} alwaysOn />,
    <SelectInput
      key="status"
      source="status"
      choices={['draft', 'in_review', 'approved', 'published'].map((id) => ({ id, name: `gabarit.status.${id}` }))}
    />,
  ];
  return (
    <List
      pagination={<TranslatedPagination />}
      filters={filters}
      sort={{ field: 'key', order: 'ASC' }}
      actions={<RulesetListActions />}
    >
      <ListHeading />
      <FocusAddedFilter />
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
        {/* Only the columns the API sorts on take a click: the others answered 400 (docs/adr/0004). */}
        <DataTable.Col
          source="format"
          disableSort
          render={(record: { format: string }) => translate(`gabarit.formats.${record.format}`)}
        />
        <DataTable.Col source="activeVersion" disableSort />
        <DataTable.Col source="draftVersion" disableSort />
      </DataTable>
    </List>
  );
};
