import DownloadIcon from '@mui/icons-material/Download';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useListContext, useNotify, useTranslate } from 'react-admin';
import { problemHeadline, toProblem } from '../common/api-error';
import { downloadFile } from '../common/download';
import { exportUrl } from './audit-filters';

/**
 * Downloads GET /api/v1/audit/export with the list's filters. The endpoint needs the bearer token, so the file is
 * fetched here and saved from a Blob, under the name the server gives.
 */
export const ExportButton = () => {
  const { filterValues } = useListContext();
  const translate = useTranslate();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      await downloadFile(exportUrl(filterValues as Record<string, unknown>), 'gabarit-audit.csv');
    } catch (err) {
      notify('gabarit.audit.export_failed', {
        type: 'error',
        messageArgs: { message: problemHeadline(toProblem(err), translate) },
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button startIcon={<DownloadIcon />} onClick={() => void download()} disabled={busy}>
      {translate('gabarit.audit.export')}
    </Button>
  );
};
