import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { CommentField } from '../common/lifecycle/CommentField';
import { useApiAction } from '../common/use-api-action';

/** Stops (archives) an experiment after the approver confirms, with an optional reason kept in the audit trail. */
export const StopButton = ({ experimentKey, name }: { experimentKey: string; name: string }) => {
  const translate = useTranslate();
  const action = useApiAction('experiments');
  const busy = action.busy;
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState('');
  const stop = async () => {
    if (
      await action.run({
        id: experimentKey,
        command: 'stop',
        body: comment.trim() ? { comment: comment.trim() } : {},
        success: 'gabarit.experiments.stop.done',
      })
    )
      setOpen(false);
  };
  return (
    <>
      <Button variant="outlined" color="error" onClick={() => setOpen(true)}>
        {translate('gabarit.experiments.stop.button')}
      </Button>
      {open && (
        <Dialog open onClose={() => setOpen(false)} aria-labelledby="stop-experiment-title" fullWidth maxWidth="sm">
          <DialogTitle id="stop-experiment-title">{translate('gabarit.experiments.stop.title', { name })}</DialogTitle>
          <DialogContent>
            <DialogContentText>{translate('gabarit.experiments.stop.explain')}</DialogContentText>
            <CommentField value={comment} onChange={setComment} />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
            <Button variant="contained" color="error" disabled={busy} onClick={() => void stop()}>
              {translate('gabarit.experiments.stop.button')}
            </Button>
          </DialogActions>
        </Dialog>
      )}
    </>
  );
};
