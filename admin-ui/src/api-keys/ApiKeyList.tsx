import { Box, Chip, Stack, Typography } from '@mui/material';
import {
  CreateButton,
  DataTable,
  DeleteButton,
  List,
  SearchInput,
  TopToolbar,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import { formatDay } from '../common/dates';
import { LocalDateField } from '../common/LocalDateField';
import { PersonField } from '../common/people';
import { TranslatedPagination } from '../common/TranslatedPagination';
import { ListHeading } from '../common/PageHeadings';

interface ApiKeyRecord {
  name: string;
  scopes: string[];
  revoked: boolean;
  revokedAt?: string;
  expiresAt?: string;
  expired?: boolean;
}

/**
 * Whether the key works, and until when, beside the button that revokes it: at 1 024 pixels the expiry, the
 * revocation date and « Révoquer » each had a column of their own, and the last ones were off the screen.
 */
const KeyState = ({ record }: { record: ApiKeyRecord }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const day = (instant: string) => formatDay(instant, locale);
  if (record.revoked)
    return (
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Chip size="small" label={translate('gabarit.api_keys.state_revoked')} />
        {record.revokedAt && (
          <Typography variant="body2">
            {translate('gabarit.api_keys.on_day', { day: day(record.revokedAt) })}
          </Typography>
        )}
      </Stack>
    );
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      {record.expired ? (
        <Chip size="small" color="warning" label={translate('gabarit.api_keys.expired')} />
      ) : (
        <Chip size="small" color="success" variant="outlined" label={translate('gabarit.api_keys.state_active')} />
      )}
      <Typography variant="body2">
        {record.expiresAt
          ? translate(record.expired ? 'gabarit.api_keys.expired_on' : 'gabarit.api_keys.expires_on', {
              day: day(record.expiresAt),
            })
          : translate('gabarit.api_keys.no_expiry')}
      </Typography>
      {/* A revoked key stays revoked: revoking it again would change nothing, so it is offered on others only. */}
      <RevokeButton record={record} />
    </Stack>
  );
};

const Actions = () => (
  <TopToolbar>
    <CreateButton />
  </TopToolbar>
);

/** Keys without their secrets, found by name or scope; revoking an active key asks for confirmation. */
export const ApiKeyList = () => (
  <List
    pagination={<TranslatedPagination />}
    sort={{ field: 'createdAt', order: 'DESC' }}
    actions={<Actions />}
    filters={[<SearchInput key="q" source="q" alwaysOn />]}
  >
    <Box sx={{ overflowX: 'auto' }}>
      <ListHeading />
      <DataTable bulkActionButtons={false} rowClick={false}>
        {/* The scopes under the name: what the key may do is read with which key it is. */}
        <DataTable.Col
          source="name"
          render={(record: ApiKeyRecord) => (
            <>
              <Typography variant="body2">{record.name}</Typography>
              <Typography variant="caption" component="div" sx={{ overflowWrap: 'anywhere' }}>
                {record.scopes.join(', ')}
              </Typography>
            </>
          )}
        />
        <DataTable.Col
          source="state"
          label="resources.api-keys.fields.state"
          disableSort
          render={(record: ApiKeyRecord) => <KeyState record={record} />}
        />
        <DataTable.Col source="createdAt">
          <LocalDateField source="createdAt" showTime />
          <Typography variant="caption" component="div">
            <PersonField source="createdBy" />
          </Typography>
        </DataTable.Col>
        <DataTable.Col source="lastUsedAt">
          <LocalDateField source="lastUsedAt" showTime />
        </DataTable.Col>
      </DataTable>
    </Box>
  </List>
);

/** « Révoquer », named for the key it revokes: a screen reader going down the column hears which. */
const RevokeButton = ({ record }: { record: ApiKeyRecord }) => {
  const translate = useTranslate();
  return (
    <DeleteButton
      label="gabarit.api_keys.revoke"
      aria-label={translate('gabarit.api_keys.revoke_named', { name: record.name })}
      mutationMode="pessimistic"
      // The key stays listed, as revoked: react-admin's « Élément supprimé » said otherwise.
      successMessage="gabarit.api_keys.revoked_notice"
    />
  );
};
