import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useEffect } from 'react';
import { useBlocker, useTranslate } from 'react-admin';

/**
 * Asks before leaving a page with unsaved changes: in-console navigation gets a dialog, closing the tab the browser's
 * prompt. `kept`: the page keeps its unsaved work in the browser and offers it back (the editors of rule sets,
 * prompts and experiments); otherwise the dialog says the changes will be lost (a reference table's grid promised
 * to keep edits it lost: a console review).
 */
export const UnsavedChangesGuard = ({ dirty, kept = true }: { dirty: boolean; kept?: boolean }) => {
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
        <DialogContentText>
          {translate(kept ? 'gabarit.editors.unsaved_text' : 'gabarit.editors.unsaved_text_lost')}
        </DialogContentText>
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
