import DeleteIcon from '@mui/icons-material/Delete';
import { Button } from '@mui/material';
import { useState } from 'react';
import { Confirm, useNotify, useRedirect, useTranslate } from 'react-admin';
import { problemHeadline, toProblem } from '../common/api-error';
import { sendChange, type LoadedTable } from './useReferenceTable';

/**
 * Deletes the table with If-Match (the simple-rest delete sends none); its history stays in the audit trail. When
 * published rules read the table the deletion waits for an approver, and the page shows it pending.
 */
export const DeleteTableButton = ({
  tableKey,
  name,
  etag,
  onProposed,
}: {
  tableKey: string;
  name: string;
  etag: string;
  onProposed: (next: LoadedTable) => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const [open, setOpen] = useState(false);
  const remove = async () => {
    setOpen(false);
    try {
      const next = await sendChange(tableKey, '', 'DELETE', etag);
      if (next.table?.pending) {
        notify('gabarit.reference_tables.pending.proposed', { type: 'info' });
        onProposed(next);
        return;
      }
      notify('gabarit.reference_tables.deleted', { type: 'info', messageArgs: { name } });
      redirect('list', 'reference-tables');
    } catch (err) {
      notify(problemHeadline(toProblem(err), translate), { type: 'error' });
    }
  };
  return (
    <>
      <Button color="error" startIcon={<DeleteIcon />} onClick={() => setOpen(true)}>
        {translate('gabarit.reference_tables.delete_table')}
      </Button>
      <Confirm
        isOpen={open}
        title="gabarit.reference_tables.delete_title"
        titleTranslateOptions={{ name }}
        content="gabarit.reference_tables.delete_explain"
        onConfirm={() => void remove()}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
