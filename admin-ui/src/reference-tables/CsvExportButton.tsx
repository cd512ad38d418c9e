import DownloadIcon from '@mui/icons-material/Download';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { problemHeadline, toProblem } from '../common/api-error';
import { downloadFile } from '../common/download';

/**
 * The table's rows as the CSV its import reads back (GET …/csv): to change many rows in a spreadsheet and import
 * them again, where the rows could only be typed out from the grid (a console review).
 */
export const CsvExportButton = ({ tableKey }: { tableKey: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      await downloadFile(`/api/v1/reference-tables/${encodeURIComponent(tableKey)}/csv`, `${tableKey}.csv`);
    } catch (err) {
      notify('gabarit.reference_tables.export_failed', {
        type: 'error',
        messageArgs: { message: problemHeadline(toProblem(err), translate) },
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button startIcon={<DownloadIcon />} onClick={() => void download()} disabled={busy}>
      {translate('gabarit.reference_tables.export_csv')}
    </Button>
  );
};
