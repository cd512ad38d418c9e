import { Alert } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/dates';
import { usePersonName } from '../common/people';
import type { TableView } from './useReferenceTable';

/**
 * The last held change a reviewer rejected, with why: its author had no way to learn it (analysts do not read the
 * audit trail, and the table simply showed no pending change), though the reason is required so that they do.
 * Shown until another change is proposed or made.
 */
export const LastRejection = ({ rejected }: { rejected: NonNullable<TableView['lastRejected']> }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const personName = usePersonName();
  return (
    <Alert severity="info" sx={{ mt: 2 }} data-testid="last-rejection">
      {translate('gabarit.reference_tables.last_rejected', {
        who: personName(rejected.proposedBy),
        proposed: formatDateTime(rejected.proposedAt, locale),
        reviewer: personName(rejected.rejectedBy),
        at: formatDateTime(rejected.rejectedAt, locale),
        comment: rejected.comment,
      })}
    </Alert>
  );
};
