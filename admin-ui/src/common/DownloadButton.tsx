import DownloadIcon from '@mui/icons-material/Download';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { problemHeadline, toProblem } from './api-error';
import { downloadFile } from './download';

/**
 * A button that saves a file the API serves behind the bearer token (downloadFile), busy while it comes, and says
 * why it failed (`failed`: a message taking the API's headline as `message`).
 */
export const DownloadButton = ({
  url,
  fallbackName,
  label,
  failed,
}: {
  url: string;
  fallbackName: string;
  label: string;
  failed: string;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      await downloadFile(url, fallbackName);
    } catch (err) {
      notify(failed, { type: 'error', messageArgs: { message: problemHeadline(toProblem(err), translate) } });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button startIcon={<DownloadIcon />} onClick={() => void download()} disabled={busy}>
      {translate(label)}
    </Button>
  );
};
