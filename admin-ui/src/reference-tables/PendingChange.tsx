import {
  Alert,
  AlertTitle,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@mui/material';
import { Fragment, useState } from 'react';
import { useGetIdentity, useLocaleState, useNotify, useRedirect, useTranslate } from 'react-admin';
import { problemHeadline, toProblem } from '../common/api-error';
import { formatDateTime } from '../common/dates';
import { usePersonName } from '../common/people';
import { CommentField } from '../common/lifecycle/CommentField';
import { rowsAsBlocksOnPhone } from '../common/phone-table';
import { formatCell, type Column } from './cells';
import { sendChange, type LoadedTable, type PendingChange as Pending } from './useReferenceTable';
import { may } from '../layout/access';

type Decision = 'approve' | 'reject';

/**
 * A row as a reviewer reads it: each column's value, in the user's number format; "—" for no row. Beside the other
 * side of a changed row, the values that differ are highlighted: in a row of eight columns, the one rate that
 * changed had to be found by reading both lines word by word.
 */
const RowText = ({
  row,
  other,
  columns,
}: {
  row: Pending['changes'][number]['before'];
  other: Pending['changes'][number]['before'];
  columns: Column[];
}) => {
  const [locale] = useLocaleState();
  const translate = useTranslate();
  if (!row) return <>—</>;
  const text = (c: Column) => {
    const value = row[c.name];
    if (c.type === 'boolean' && typeof value === 'boolean')
      return translate(`gabarit.reference_tables.${value ? 'yes' : 'no'}`);
    return formatCell(value, c.type, locale) || '∅';
  };
  return (
    <>
      {columns.map((c, i) => {
        const said = translate('gabarit.reference_tables.pending.cell', { column: c.name, value: text(c) });
        // A date is not broken at its hyphens (« 2026-01- / 02 »).
        const cell =
          c.type === 'date' ? (
            <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
              {said}
            </Box>
          ) : (
            said
          );
        return (
          <Fragment key={c.name}>
            {i > 0 && ' · '}
            {other && differs(row[c.name], other[c.name]) ? (
              <Box component="mark" sx={{ bgcolor: '#ffe08a', color: 'inherit', fontWeight: 700, px: 0.25 }}>
                {cell}
              </Box>
            ) : (
              cell
            )}
          </Fragment>
        );
      })}
    </>
  );
};

/** A cell's column name, said in the cell on a phone, where the table's header row is not shown. */
const PhoneLabel = ({ label }: { label: string }) => {
  const translate = useTranslate();
  return (
    <Box component="span" sx={{ display: { xs: 'inline', sm: 'none' }, fontWeight: 600 }}>
      {translate('gabarit.reference_tables.pending.cell', { column: label, value: '' })}
    </Box>
  );
};

/** Whether a column's value differs between the rows before and after (absent and null alike). */
const differs = (a: unknown, b: unknown) => JSON.stringify(a ?? null) !== JSON.stringify(b ?? null);

/** Asks for the reviewer's comment: optional to approve, required to reject (the author learns why). */
const DecisionDialog = ({
  decision,
  withdrawing,
  deleting,
  onCancel,
  onConfirm,
}: {
  decision: Decision;
  withdrawing: boolean;
  /** The change deletes the table: approving it replaces no rows, it removes them all. */
  deleting: boolean;
  onCancel: () => void;
  onConfirm: (comment: string) => void;
}) => {
  const translate = useTranslate();
  const [comment, setComment] = useState('');
  const required = decision === 'reject';
  const title = decision === 'approve' ? 'approve' : withdrawing ? 'withdraw' : 'reject';
  return (
    <Dialog open onClose={onCancel} aria-labelledby="pending-decision-title" fullWidth maxWidth="sm">
      <DialogTitle id="pending-decision-title">
        {translate(`gabarit.reference_tables.pending.dialog_${title}`)}
      </DialogTitle>
      <DialogContent>
        <DialogContentText>
          {translate(
            `gabarit.reference_tables.pending.explain_${title}${title === 'approve' && deleting ? '_deleted' : ''}`,
          )}
        </DialogContentText>
        <CommentField value={comment} onChange={setComment} required={required} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>{translate('ra.action.cancel')}</Button>
        <Button
          variant="contained"
          disabled={required && comment.trim() === ''}
          onClick={() => onConfirm(comment.trim())}
        >
          {translate(`gabarit.reference_tables.pending.${title}`)}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/**
 * A change to a table that published rule sets read, held for review: who proposed what (the rows it adds, removes
 * or changes, before and after), which rule sets read the table, and the reviewer's buttons. Approving needs an
 * approver other than the author (four eyes); the author may withdraw the change.
 */
export const PendingChange = ({
  loaded,
  onDecided,
  reload,
}: {
  loaded: LoadedTable;
  onDecided: (next: LoadedTable) => void;
  /** Reads the table again: after a 412, the change on screen is no longer the one pending. */
  reload: () => Promise<void>;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const redirect = useRedirect();
  const personName = usePersonName();
  const { identity } = useGetIdentity();
  const [decision, setDecision] = useState<Decision | undefined>();
  const [busy, setBusy] = useState(false);
  const pending = loaded.table.pending!;
  const roles = (identity?.['roles'] as string[] | undefined) ?? [];
  const isAuthor = identity?.id === pending.proposedBy;
  const reviewer = may('approveTableChange', roles) && !isAuthor;
  const hidden = pending.counts.added + pending.counts.removed + pending.counts.changed - pending.changes.length;

  const decide = async (comment: string) => {
    const verb = decision!;
    setDecision(undefined);
    setBusy(true);
    try {
      const next = await sendChange(
        loaded.table.key,
        `pending/${verb}`,
        'POST',
        loaded.etag,
        comment ? { comment } : {},
      );
      if (verb === 'approve' && pending.deleted) {
        notify('gabarit.reference_tables.deleted', { type: 'info', messageArgs: { name: loaded.table.name } });
        redirect('list', 'reference-tables');
        return;
      }
      notify(
        `gabarit.reference_tables.pending.${verb === 'approve' ? 'approved' : isAuthor ? 'withdrawn' : 'rejected'}`,
        { type: 'success' },
      );
      onDecided(next);
    } catch (err) {
      const problem = toProblem(err);
      // Withdrawn, decided or replaced meanwhile: said of the table (not of « ce brouillon »), and the page shows
      // what is pending now instead of the change that is gone, its buttons still active.
      if (problem.status === 412) {
        notify('gabarit.reference_tables.pending.stale', { type: 'warning' });
        await reload();
      } else notify(problemHeadline(problem, translate), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Alert severity="warning" sx={{ mt: 2 }} data-testid="pending-change">
      <AlertTitle>
        {translate('gabarit.reference_tables.pending.title', {
          who: personName(pending.proposedBy),
          when: formatDateTime(pending.proposedAt, locale),
        })}
      </AlertTitle>
      <Box component="p" sx={{ m: 0 }}>
        {translate(`gabarit.reference_tables.pending.action_${pending.action}`)}{' '}
        {/* A deletion takes every row: « la table compterait 3 lignes » (its rows today) read as if it kept them. */}
        {pending.action === 'deleted'
          ? translate('gabarit.reference_tables.pending.deleted_rows', { smart_count: pending.counts.removed })
          : translate('gabarit.reference_tables.pending.counts', {
              added: translate('gabarit.reference_tables.pending.added', { smart_count: pending.counts.added }),
              removed: translate('gabarit.reference_tables.pending.removed', {
                smart_count: pending.counts.removed,
              }),
              changed: translate('gabarit.reference_tables.pending.changed', {
                smart_count: pending.counts.changed,
              }),
              rows: translate('gabarit.reference_tables.pending.rows', { smart_count: pending.rowCount }),
            })}
      </Box>
      <Box component="p" sx={{ mb: 1 }}>
        {translate('gabarit.reference_tables.pending.readers', {
          readers: pending.readers.join(', '),
          smart_count: pending.readers.length,
        })}
      </Box>
      {pending.comment && (
        <Box component="p">{translate('gabarit.reference_tables.pending.comment', { comment: pending.comment })}</Box>
      )}
      {pending.changes.length > 0 && (
        <Table
          size="small"
          aria-label={translate('gabarit.reference_tables.pending.changes_label')}
          // On a phone each row is a block, each cell labelled in it: three columns in the alert's width put
          // « Après » and its highlights out of sight, to the right.
          sx={{
            ...rowsAsBlocksOnPhone,
            '& thead': { display: { xs: 'none', sm: 'table-header-group' } },
            '& td': { borderBottom: { xs: 'none', sm: undefined } },
            // Both by breakpoint, so that the colour comes after the shorthand in the phone's rule.
            '& tr > td:last-of-type': {
              borderBottom: { xs: '1px solid', sm: undefined },
              borderBottomColor: { xs: 'divider', sm: undefined },
            },
          }}
        >
          <TableHead>
            <TableRow>
              <TableCell>{translate('gabarit.reference_tables.pending.key')}</TableCell>
              <TableCell>{translate('gabarit.reference_tables.pending.before')}</TableCell>
              <TableCell>{translate('gabarit.reference_tables.pending.after')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {pending.changes.map((change) => (
              <TableRow key={change.key}>
                <TableCell>
                  <PhoneLabel label={translate('gabarit.reference_tables.pending.key')} />
                  {change.key}
                </TableCell>
                <TableCell>
                  <PhoneLabel label={translate('gabarit.reference_tables.pending.before')} />
                  <RowText row={change.before} other={change.after} columns={loaded.table.columns} />
                </TableCell>
                <TableCell>
                  <PhoneLabel label={translate('gabarit.reference_tables.pending.after')} />
                  <RowText row={change.after} other={change.before} columns={loaded.table.columns} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {pending.changes.some((change) => change.before && change.after) && (
        <Box component="p" sx={{ mt: 0.5, mb: 0 }}>
          {translate('gabarit.reference_tables.pending.highlighted')}
        </Box>
      )}
      {hidden > 0 && (
        <Box component="p">{translate('gabarit.reference_tables.pending.more', { smart_count: hidden })}</Box>
      )}
      <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
        {reviewer && (
          <Button variant="contained" disabled={busy} onClick={() => setDecision('approve')}>
            {translate('gabarit.reference_tables.pending.approve')}
          </Button>
        )}
        {(reviewer || isAuthor) && (
          <Button variant="outlined" color="error" disabled={busy} onClick={() => setDecision('reject')}>
            {translate(`gabarit.reference_tables.pending.${isAuthor ? 'withdraw' : 'reject'}`)}
          </Button>
        )}
      </Stack>
      {!reviewer && !isAuthor && (
        <Box component="p">{translate('gabarit.reference_tables.pending.awaiting_approver')}</Box>
      )}
      {isAuthor && <Box component="p">{translate('gabarit.reference_tables.pending.four_eyes')}</Box>}
      {decision && (
        <DecisionDialog
          decision={decision}
          withdrawing={isAuthor}
          deleting={pending.action === 'deleted'}
          onCancel={() => setDecision(undefined)}
          onConfirm={(c) => void decide(c)}
        />
      )}
    </Alert>
  );
};
