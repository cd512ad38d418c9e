import { Chip, Typography } from '@mui/material';
import { CreateButton, DataTable, List, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { LocalDateField } from '../common/LocalDateField';
import { RolesField } from './RolesField';
import { TranslatedPagination } from '../common/TranslatedPagination';
import { RecordLink } from '../common/RecordLink';
import { ListHeading } from '../common/PageHeadings';

const Actions = () => (
  <TopToolbar>
    <CreateButton />
  </TopToolbar>
);

/** Who may sign in to the console, with their roles; a row opens the account to change it. */
export const UserList = () => (
  <List pagination={<TranslatedPagination />} sort={{ field: 'username', order: 'ASC' }} actions={<Actions />}>
    <ListHeading />
    <DataTable bulkActionButtons={false} rowClick="edit">
      <DataTable.Col source="username">
        <RecordLink source="username" type="edit" />
      </DataTable.Col>
      <DataTable.Col source="displayName" />
      <DataTable.Col source="roles" disableSort>
        <RolesField />
      </DataTable.Col>
      <DataTable.Col source="disabled" disableSort>
        <StateFlag source="disabled" />
      </DataTable.Col>
      <DataTable.Col source="locked" disableSort>
        <StateFlag source="locked" />
      </DataTable.Col>
      <DataTable.Col source="lastLoginAt">
        <LocalDateField source="lastLoginAt" showTime />
      </DataTable.Col>
    </DataTable>
  </List>
);

/**
 * « Désactivé » or « Verrouillé » in words where it holds, « Non » in grey otherwise. react-admin's ✓/✕ icons were
 * hidden from screen readers (the cell read as empty), and a red-looking ✕ for « not disabled » read as an error.
 */
const StateFlag = ({ source }: { source: 'disabled' | 'locked' }) => {
  const record = useRecordContext<{ disabled?: boolean; locked?: boolean }>();
  const translate = useTranslate();
  if (!record) return null;
  return record[source] ? (
    <Chip size="small" color="warning" label={translate(`resources.users.fields.${source}`)} />
  ) : (
    <Typography variant="body2" color="text.secondary">
      {translate('ra.boolean.false')}
    </Typography>
  );
};
