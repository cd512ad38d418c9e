import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useEffect } from 'react';
import { useBlocker, useTranslate } from 'react-admin';

/** Asks before leaving a page with unsaved changes: in-console navigation gets a dialog, closing the tab the browser's prompt. */
export const UnsavedChangesGuard = ({ dirty }: { dirty: boolean }) => {
  const translate = useTranslate();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  if (blocker.state !== 'blocked') return null;
  return (
    <Dialog open aria-labelledby="unsaved-title" onClose={() => blocker.reset?.()}>
      <DialogTitle id="unsaved-title">{translate('gabarit.editors.unsaved_title')}</DialogTitle>
      <DialogContent>
        <DialogContentText>{translate('gabarit.editors.unsaved_text')}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button autoFocus variant="contained" onClick={() => blocker.reset?.()}>
          {translate('gabarit.editors.stay')}
        </Button>
        <Button color="error" onClick={() => blocker.proceed?.()}>
          {translate('gabarit.editors.leave')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
