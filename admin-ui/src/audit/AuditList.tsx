import { Alert, Box, Button, Typography, useMediaQuery, type Theme } from '@mui/material';
import { createContext, useContext, useMemo, useState, type MouseEvent } from 'react';
import {
  DataTable,
  DateInput,
  FilterButton,
  Link,
  List,
  SelectInput,
  TextInput,
  TopToolbar,
  useDataProvider,
  useExpanded,
  useGetList,
  useListContext,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import type { ResponseOf } from '../api/types';
import { dayAndTime } from '../common/dates';
import type { GabaritDataProvider } from '../dataProvider';
import { ActorName } from './ActorName';
import { eventActionLabel, KNOWN_ACTIONS, reasonLabel, RESOURCE_TYPES, resourceTypeLabel } from './audit-actions';
import { ActorFilter } from './ActorFilter';
import { endOfDay, reversedRange, startOfDay } from './audit-filters';
import { AuditEventPanel, type AuditEvent } from './AuditEventPanel';
import { ExportButton } from './ExportButton';
import { TranslatedPagination } from '../common/TranslatedPagination';
import { ListHeading } from '../common/PageHeadings';
import { FocusAddedFilter } from '../common/FocusAddedFilter';

type Verification = ResponseOf<'/api/v1/audit/verify', 'get'>;

/** Checks the hash chain on demand and says the result in words; exports what the filters show. */
const AuditActions = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<GabaritDataProvider>();
  const [result, setResult] = useState<Verification | undefined>();
  const verify = async () => setResult((await dataProvider.readPath('audit/verify')) as Verification);
  return (
    // Wrapping: in one row on a phone, « Ajouter un filtre » was pushed off the left edge, out of reach.
    <TopToolbar
      sx={{ alignItems: 'center', alignContent: 'flex-start', gap: 2, flexWrap: 'wrap', justifyContent: 'flex-end' }}
    >
      {result && (
        <Alert severity={result.ok ? 'success' : 'error'} role="status">
          {result.ok
            ? translate('gabarit.audit.chain_ok', { events: result.events })
            : translate('gabarit.audit.chain_broken', {
                seq: result.brokenAt?.seq,
                reason: translate(`gabarit.audit.reasons.${result.brokenAt?.reason}`),
              })}
        </Alert>
      )}
      <FilterButton />
      <ExportButton />
      <Button variant="contained" onClick={() => void verify()}>
        {translate('gabarit.audit.verify')}
      </Button>
    </TopToolbar>
  );
};

// The filters the API supports (audit.contract.ts): exact actor, action, resource type and key, and a date range.
const filters = [
  <ActorFilter key="actor" source="actor" alwaysOn />,
  <SelectInput
    key="action"
    source="action"
    choices={KNOWN_ACTIONS.map((id) => ({ id, name: `gabarit.audit.actions.${id}` }))}
    emptyText="gabarit.audit.all_actions" // a blank first line said nothing (a console review)
    alwaysOn
  />,
  <SelectInput
    key="resourceType"
    source="resourceType"
    choices={RESOURCE_TYPES.map((id) => ({ id, name: `gabarit.audit.resource_types.${id}` }))}
    emptyText="gabarit.audit.all_resource_types"
    alwaysOn
    sx={{ minWidth: 200 }} // « Type de ressource » must not run under the arrow
  />,
  // The API takes the key as written, 128 characters at most: the field says so, rather than a refusal after. In
  // its label: react-admin shows no helper text under a filter.
  <TextInput
    key="resourceKey"
    source="resourceKey"
    label="gabarit.audit.resource_key_filter"
    slotProps={{ htmlInput: { maxLength: 128 } }}
    alwaysOn
  />,
  <DateInput key="from" source="from" parse={startOfDay} />,
  <DateInput key="to" source="to" parse={endOfDay} />,
];

/** Says why a reversed date range finds nothing, beside the empty list. */
const ReversedRangeNote = () => {
  const translate = useTranslate();
  const { filterValues } = useListContext();
  if (!reversedRange(filterValues as Record<string, unknown>)) return null;
  return (
    <Alert severity="warning" role="status" sx={{ mb: 1 }} data-testid="reversed-range">
      {translate('gabarit.audit.reversed_range')}
    </Alert>
  );
};

/**
 * The reference tables that exist, by key: a deleted table's events are not links (its page answers 404). Undefined
 * until read; the API lists at most 500 a page, far more than a deployment keeps.
 */
const ExistingTables = createContext<Set<string> | undefined>(undefined);

/** The audit trail, newest first and filterable; a row opens the whole event with its before/after. */
export const AuditList = () => {
  const translate = useTranslate();
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const { data: tables } = useGetList('reference-tables', {
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'key', order: 'ASC' },
  });
  const existingTables = useMemo(() => (tables ? new Set(tables.map((t) => String(t.id))) : undefined), [tables]);
  return (
    <ExistingTables.Provider value={existingTables}>
      <List
        pagination={<TranslatedPagination />}
        actions={<AuditActions />}
        filters={filters}
        sort={{ field: 'seq', order: 'DESC' }}
      >
        <ListHeading />
        <FocusAddedFilter />
        <ReversedRangeNote />
        {phone ? (
          <PhoneTable />
        ) : (
          <DataTable bulkActionButtons={false} rowClick="expand" expand={<AuditEventPanel />}>
            <DataTable.Col source="seq" render={(event: AuditEvent) => <DetailToggle event={event} />} />
            <DataTable.Col source="at" render={(event: AuditEvent) => <AtCell at={event.at} />} />
            <DataTable.Col
              source="actor"
              disableSort
              render={(event: AuditEvent) => <ActorName actor={event.actor} action={event.action} />}
            />
            <DataTable.Col
              source="action"
              disableSort
              render={(event: AuditEvent) => eventActionLabel(event, translate)}
            />
            {/* The resource's kind, key and version in one column: in three, the reason ran off a 1 024-pixel screen. */}
            <DataTable.Col
              source="resourceKey"
              disableSort
              render={(event: AuditEvent) => <ResourceCell event={event} />}
            />
            <DataTable.Col
              source="reason"
              disableSort
              // A file path has no space to break at: it breaks anywhere rather than running off the screen.
              cellSx={() => ({ overflowWrap: 'anywhere', minWidth: 160 })}
              render={(event: AuditEvent) => reasonLabel(event, translate)}
            />
          </DataTable>
        )}
      </List>
    </ExistingTables.Provider>
  );
};

/**
 * On a phone, each event in one column, its fields one under the other: in six columns only the number, date and
 * actor fit, and an opened event was cut at the screen's edge inside a table scrolling sideways (a console review).
 */
const PhoneTable = () => {
  const translate = useTranslate();
  return (
    <DataTable bulkActionButtons={false} rowClick="expand" expand={<AuditEventPanel />}>
      <DataTable.Col
        source="seq"
        label="gabarit.audit.event_column"
        render={(event: AuditEvent) => (
          <Box sx={{ overflowWrap: 'anywhere' }}>
            <Box sx={{ display: 'flex', gap: 1, alignItems: 'baseline' }}>
              <DetailToggle event={event} />
              <AtCell at={event.at} inline />
            </Box>
            <Typography variant="body2" sx={{ fontWeight: 'medium' }}>
              {eventActionLabel(event, translate)}
            </Typography>
            <Typography variant="body2" component="div">
              <ActorName actor={event.actor} action={event.action} />
            </Typography>
            <ResourceCell event={event} />
            {event.reason && (
              <Typography variant="caption" component="div">
                {reasonLabel(event, translate)}
              </Typography>
            )}
          </Box>
        )}
      />
    </DataTable>
  );
};

/** The day, then the time under it: on one line, the date column took the width the reason needed. */
const AtCell = ({ at, inline = false }: { at: string; inline?: boolean }) => {
  const [locale] = useLocaleState();
  const { day, time } = dayAndTime(at, locale);
  if (inline)
    return (
      <Typography variant="caption" component="span">
        {day}, {time}
      </Typography>
    );
  return (
    <>
      <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
        {day}
      </Box>
      <Typography variant="caption" component="div" sx={{ whiteSpace: 'nowrap' }}>
        {time}
      </Typography>
    </>
  );
};

/** The console page of each kind of resource that has one, every signed-in role may open. */
const PAGES: Record<string, (key: string) => string> = {
  ruleset: (key) => `/rulesets/${encodeURIComponent(key)}/show`,
  prompt: (key) => `/prompts/${encodeURIComponent(key)}/show`,
  experiment: (key) => `/experiments/${encodeURIComponent(key)}/show`,
  reference_table: (key) => `/reference-tables/${encodeURIComponent(key)}/show`,
  decision: (key) => `/decisions/${encodeURIComponent(key)}/receipt`,
};

/**
 * The resource's kind, key and version; the key leads to the resource's page, so that a risk officer reading who
 * read a decision's receipt opens that decision from the trail instead of copying its reference. A deleted table
 * has no page left, from any of its events.
 */
const ResourceCell = ({ event }: { event: AuditEvent }) => {
  const translate = useTranslate();
  const existingTables = useContext(ExistingTables);
  const key = event.resourceKey;
  const gone = event.resourceType === 'reference_table' && !existingTables?.has(key ?? '');
  const page = key !== undefined && !gone ? PAGES[event.resourceType]?.(key) : undefined;
  return (
    <>
      <Typography variant="caption" component="div">
        {resourceTypeLabel(event.resourceType, translate)}
      </Typography>
      <Box component="span" sx={{ overflowWrap: 'anywhere' }}>
        {page ? (
          // The row's own click opens its detail: following the link does only that.
          <Link to={page} onClick={(click: MouseEvent) => click.stopPropagation()}>
            {event.resourceKey}
          </Link>
        ) : (
          event.resourceKey
        )}
      </Box>
      {event.version !== undefined && event.version !== null && (
        <Typography variant="caption" component="div">
          {translate('gabarit.lifecycle.version_n', { version: event.version })}
        </Typography>
      )}
    </>
  );
};

/**
 * The event's number, as a button that opens and closes its detail: the row's own expand arrow takes no focus
 * (react-admin's), so a keyboard user could not reach the before and after.
 */
const DetailToggle = ({ event }: { event: AuditEvent }) => {
  const translate = useTranslate();
  const [expanded, toggle] = useExpanded('audit', event.id);
  return (
    <Button
      size="small"
      aria-expanded={expanded}
      aria-label={translate('gabarit.audit.show_detail_of', { seq: event.seq })}
      onClick={(click) => {
        click.stopPropagation(); // the row's click would toggle it back
        toggle();
      }}
      sx={{ minWidth: 0, p: 0, fontWeight: 'normal' }}
    >
      {event.seq}
    </Button>
  );
};
