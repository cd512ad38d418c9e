import DownloadIcon from '@mui/icons-material/Download';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import { problemHeadline, toProblem } from '../../common/api-error';
import type { GabaritDataProvider } from '../../dataProvider';

/** Saves a file the browser holds (a Blob) under a name, as a download. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/** Downloads a decision-table version as a DMN 1.3 file (docs/adr/0027-dmn-exchange.md). */
export const ExportDmnButton = ({ rulesetKey, version }: { rulesetKey: string; version: number }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<GabaritDataProvider>();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const { blob, filename } = await dataProvider.download('rulesets', {
        id: rulesetKey,
        path: `versions/${version}/dmn`,
        accept: 'application/xml',
      });
      saveBlob(blob, filename ?? `${rulesetKey}-v${version}.dmn`);
    } catch (err) {
      notify(problemHeadline(toProblem(err), translate), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      startIcon={<DownloadIcon />}
      disabled={busy}
      onClick={() => void download()}
      sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
    >
      {translate('gabarit.dmn.export')}
    </Button>
  );
};
