import DownloadIcon from '@mui/icons-material/Download';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useListContext, useNotify, useTranslate } from 'react-admin';
import { problemHeadline, toProblem } from '../common/api-error';
import { readSession } from '../session';
import { exportUrl, filenameFrom } from './audit-filters';

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
      const token = readSession()?.token;
      const response = await fetch(exportUrl(filterValues as Record<string, unknown>), {
        headers: token ? { Authorization: `Bearer ${token}` } : {},
      });
      if (!response.ok) {
        const body: unknown = await response.json().catch(() => undefined);
        throw Object.assign(new Error(response.statusText), { status: response.status, body });
      }
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = filenameFrom(response.headers.get('content-disposition'), 'gabarit-audit.csv');
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
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
