import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import type { ResponseOf } from '../api/types';
import { LocalDateField } from '../common/LocalDateField';
import { blocksOnPhone, PhoneLabel } from '../common/PhoneLabel';
import { DATE_TIME_OPTIONS, intlLocale } from '../common/dates';
import { usePersonName } from '../common/people';
import { ActorName } from './ActorName';
import { eventActionLabel, reasonLabel, resourceTypeLabel } from './audit-actions';
import { compareSummary, NOTHING, type ComparisonRow } from './summary-diff';
import { formatCell } from '../reference-tables/cells';

/** An audit event as GET /api/v1/audit lists it. */
export type AuditEvent = ResponseOf<'/api/v1/audit', 'get'>[number];

const mono = { fontFamily: 'monospace', wordBreak: 'break-all' } as const;

/** An instant as the API writes it (`2026-12-03T23:29:06.013Z`): shown in words, like every date of the console. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

const Field = ({ label, children }: { label: string; children: ReactNode }) => (
  <>
    <Typography component="dt" variant="body2" sx={{ fontWeight: 'bold' }}>
      {label}
    </Typography>
    <Typography component="dd" variant="body2" sx={{ m: 0 }}>
      {children}
    </Typography>
  </>
);

/**
 * Keys whose values are codes the console words: the status of a version, why a shadow run ended, how a review
 * request came, the language of a receipt.
 */
const CODED_VALUES: Record<string, string> = {
  status: 'gabarit.status',
  endedBy: 'gabarit.shadow.ended_by',
  receivedVia: 'gabarit.receipt.via',
  lang: 'gabarit.audit.languages',
  outcome: 'gabarit.reviews.outcome',
  action: 'gabarit.audit.table_changes', // a table change held for approval: what it would do
};

/** Keys whose values are usernames (`endedBy` is not: it says why a shadow run ended). */
const PERSON_KEYS = new Set(['proposedBy', 'approvedBy', 'createdBy', 'updatedBy', 'submittedBy', 'rejectedBy']);

/** A list of names (the rule sets reading a table) as a reader writes one, not as JSON. */
function listText(text: string, cell: (column: string, value: unknown) => string): string | undefined {
  if (!text.startsWith('[')) return undefined;
  let list: unknown;
  try {
    list = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(list)) return undefined;
  if (list.every((item) => typeof item === 'string')) return list.join(', ');
  // Rows (a reference table's rows changed): one a line, each column named, as the table's pending change shows
  // them (« below : 6000 »); a risk officer read them as JSON.
  const flat = (item: unknown): item is Record<string, unknown> =>
    typeof item === 'object' &&
    item !== null &&
    !Array.isArray(item) &&
    Object.values(item).every((v) => v === null || typeof v !== 'object');
  // A row added has no « before », a row removed no « after »: « — » in its place.
  if (list.length === 0 || !list.every((item) => item === null || flat(item))) return undefined;
  return list
    .map((row: Record<string, unknown> | null) =>
      row === null
        ? '—'
        : Object.entries(row)
            .map(([column, value]) => cell(column, value === null ? '∅' : value))
            .join(' · '),
    )
    .join('\n');
}

/** A summary's or details' keys and values as a reader takes them: keys in words, codes worded, instants as dates. */
function useEventWording() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  // The keys are the API's names: each part is shown in words where the console knows it.
  const keyLabel = (key: string) =>
    key
      .split('.')
      .map((part) => translate(`gabarit.audit.summary_keys.${part}`, { _: part }))
      .join(' › ');
  const personName = usePersonName();
  const codedLabel = (key: string, text: string | undefined) => {
    const last = key.split('.').at(-1)!;
    if (text === 'true' || text === 'false') return translate(`gabarit.audit.${text === 'true' ? 'yes' : 'no'}`);
    // Who proposed or approved: a person, by the name the console shows them by.
    if (text !== undefined && PERSON_KEYS.has(last)) return personName(text);
    const list =
      text === undefined
        ? undefined
        : listText(text, (column, value) =>
            translate('gabarit.reference_tables.pending.cell', {
              column,
              // Numbers as the table shows them (1 000 000): the same rows read 1000000 here.
              value: typeof value === 'number' ? formatCell(value, 'number', locale) : String(value),
            }),
          );
    if (list !== undefined) return list;
    return text !== undefined && Object.hasOwn(CODED_VALUES, last)
      ? translate(`${CODED_VALUES[last]}.${text}`, { _: text })
      : text;
  };
  const value = (text: string | undefined) =>
    text === undefined ? (
      <em>{translate('gabarit.audit.absent')}</em>
    ) : text === NOTHING ? (
      // A value set to nothing (no version in force yet): « null » is JSON, not words (a console review).
      <em>{translate('gabarit.audit.none')}</em>
    ) : INSTANT.test(text) ? (
      <span style={{ whiteSpace: 'nowrap' }}>
        {new Date(text).toLocaleString(intlLocale(locale), DATE_TIME_OPTIONS)}
      </span>
    ) : (
      // Rows a line each, words kept whole (a hash or a code breaks anywhere: it has no words).
      <span
        style={
          text.includes('\n')
            ? { ...mono, whiteSpace: 'pre-line', wordBreak: 'normal', overflowWrap: 'anywhere' }
            : mono
        }
      >
        {text}
      </span>
    );
  return { keyLabel, shown: (key: string, text: string | undefined) => value(codedLabel(key, text)) };
}

/** An event's details (a receipt's language, a request's channel and due date) as labelled rows, not JSON. */
const DetailRows = ({ details }: { details: unknown }) => {
  const translate = useTranslate();
  const { keyLabel, shown } = useEventWording();
  const rows = compareSummary(undefined, details);
  return (
    <Table size="small" aria-label={translate('resources.audit.fields.details')}>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.key}>
            <TableCell component="th" scope="row">
              {row.key ? keyLabel(row.key) : translate('gabarit.audit.whole_value')}
            </TableCell>
            <TableCell>{shown(row.key, row.after)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** Before and after side by side; a changed key says so in words and in bold, not only by its background. */
const Comparison = ({ rows }: { rows: ComparisonRow[] }) => {
  const translate = useTranslate();
  const { keyLabel, shown } = useEventWording();
  return (
    // On a phone each key a block, before, after and change a line each under their names: in four columns a
    // content checksum stood four characters a line, and the change column was off the screen (a console review).
    <Table size="small" aria-label={translate('gabarit.audit.comparison')} sx={blocksOnPhone}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('gabarit.audit.comparison_key')}</TableCell>
          <TableCell>{translate('gabarit.audit.before')}</TableCell>
          <TableCell>{translate('gabarit.audit.after')}</TableCell>
          <TableCell>{translate('gabarit.audit.change')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => {
          const moved = row.change !== 'unchanged';
          return (
            <TableRow key={row.key} sx={moved ? { backgroundColor: 'action.hover' } : undefined}>
              <TableCell sx={{ fontWeight: moved ? 'bold' : undefined }}>
                {row.key ? keyLabel(row.key) : translate('gabarit.audit.whole_value')}
              </TableCell>
              <TableCell sx={{ overflowWrap: 'anywhere' }}>
                <PhoneLabel>{translate('gabarit.audit.before')}</PhoneLabel>
                {shown(row.key, row.before)}
              </TableCell>
              <TableCell sx={{ overflowWrap: 'anywhere' }}>
                <PhoneLabel>{translate('gabarit.audit.after')}</PhoneLabel>
                {shown(row.key, row.after)}
              </TableCell>
              <TableCell sx={{ fontWeight: moved ? 'bold' : undefined }}>
                <PhoneLabel>{translate('gabarit.audit.change')}</PhoneLabel>
                {translate(`gabarit.audit.changes.${row.change}`)}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
};

/** The whole event under its row: every field, the before/after comparison, and its place in the hash chain. */
export const AuditEventPanel = () => {
  const event = useRecordContext<AuditEvent>();
  const translate = useTranslate();
  if (!event) return null;
  const label = (field: string) => translate(`resources.audit.fields.${field}`);
  const rows = compareSummary(event.summary?.before, event.summary?.after);
  return (
    <Box
      component="section"
      aria-label={translate('gabarit.audit.detail_title', { seq: event.seq })}
      sx={{
        p: { xs: 1, sm: 2 },
        // Within a table cell, the comparison's four columns widened the row past a phone's screen however its box
        // scrolled: a width the cell cannot grow past lets the box scroll instead.
        maxWidth: { xs: 'calc(100vw - 64px)', sm: 'none' },
      }}
    >
      <Typography variant="h6" component="h3" sx={{ mb: 1, overflowWrap: 'anywhere' }}>
        {translate('gabarit.audit.detail_title', { seq: event.seq })} — {eventActionLabel(event, translate)}
      </Typography>
      <Box
        component="dl"
        sx={{
          display: 'grid',
          // On a phone a label above its value: beside it, identifiers and hashes ran off the screen.
          gridTemplateColumns: { xs: 'minmax(0, 1fr)', sm: 'max-content minmax(0, 1fr)' },
          columnGap: 2,
          rowGap: 0.5,
          m: 0,
          mb: 2,
          '& dd': { overflowWrap: 'anywhere', mb: { xs: 1, sm: 0 } },
        }}
      >
        <Field label={label('id')}>
          <span style={mono}>{event.id}</span>
        </Field>
        <Field label={label('at')}>
          <LocalDateField source="at" showTime />
        </Field>
        <Field label={label('actor')}>
          <ActorName actor={event.actor} action={event.action} showId />
        </Field>
        <Field label={label('action')}>
          {eventActionLabel(event, translate)} (<code>{event.action}</code>)
        </Field>
        <Field label={label('resourceType')}>{resourceTypeLabel(event.resourceType, translate)}</Field>
        {event.resourceKey !== undefined && <Field label={label('resourceKey')}>{event.resourceKey}</Field>}
        {event.version !== undefined && <Field label={label('version')}>{event.version}</Field>}
        {event.reason && <Field label={label('reason')}>{reasonLabel(event, translate)}</Field>}
        {event.details && (
          <Field label={label('details')}>
            <DetailRows details={event.details} />
          </Field>
        )}
        <Field label={label('hash')}>
          <span style={mono}>{event.hash}</span>
        </Field>
        <Field label={label('prevHash')}>
          <span style={mono}>{event.prevHash}</span>
        </Field>
      </Box>
      <Typography variant="subtitle1" component="h4">
        {translate('gabarit.audit.comparison')}
      </Typography>
      {rows.length > 0 ? (
        // Four columns of before and after scroll sideways in their own box, not the page's.
        <Box sx={{ overflowX: 'auto' }}>
          <Comparison rows={rows} />
        </Box>
      ) : (
        <Typography variant="body2">{translate('gabarit.audit.no_summary')}</Typography>
      )}
    </Box>
  );
};
