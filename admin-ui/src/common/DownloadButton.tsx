import DownloadIcon from '@mui/icons-material/Download';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { problemHeadline, toProblem } from './api-error';
import { downloadFile } from './download';
import { visuallyHidden } from './visually-hidden';

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
  const [saved, setSaved] = useState('');
  const download = async () => {
    if (busy) return;
    setBusy(true);
    setSaved('');
    try {
      const name = await downloadFile(url, fallbackName);
      setSaved(translate('gabarit.download.saved', { name }));
    } catch (err) {
      notify(failed, { type: 'error', messageArgs: { message: problemHeadline(toProblem(err), translate) } });
    } finally {
      setBusy(false);
    }
  };
  // Busy, not disabled: a disabled button loses the focus, which fell to the page's top while the file came, and
  // stayed there; the file's arrival is said to screen readers too (a console review).
  return (
    <>
      <Button startIcon={<DownloadIcon />} onClick={() => void download()} aria-disabled={busy} aria-busy={busy}>
        {translate(label)}
      </Button>
      <span role="status" style={visuallyHidden}>
        {saved}
      </span>
    </>
  );
};
