import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { CommentField } from './CommentField';
import type { VersionAction } from './version-actions';

export interface TransitionInput {
  comment?: string;
  effectiveFrom?: string;
}

interface Props {
  action: VersionAction;
  version: number;
  onCancel: () => void;
  onConfirm: (input: TransitionInput) => void;
  /** What the reviewer should see before deciding (a prompt's latest evaluation run). */
  children?: ReactNode;
  /** The i18n key of what the action does, when the resource's differs from a version's (an experiment's start). */
  explainKey?: string;
}

/**
 * Asks what a transition needs: a comment (required to reject or unschedule, so others know why) and, to publish,
 * an optional effective date.
 */
export const TransitionDialog = ({ action, version, onCancel, onConfirm, children, explainKey }: Props) => {
  const translate = useTranslate();
  const [comment, setComment] = useState('');
  const [effectiveFrom, setEffectiveFrom] = useState('');
  // A rejection tells the authors what to correct; a withdrawn schedule tells the trail why the date was dropped.
  const commentRequired = action === 'reject' || action === 'unschedule';
  const canConfirm = !commentRequired || comment.trim().length > 0;
  const confirm = () => {
    if (!canConfirm) return;
    onConfirm({
      ...(comment.trim() ? { comment: comment.trim() } : {}),
      // datetime-local has no zone: it is the user's local time, sent as an instant.
      ...(effectiveFrom ? { effectiveFrom: new Date(effectiveFrom).toISOString() } : {}),
    });
  };
  return (
    <Dialog open onClose={onCancel} aria-labelledby="transition-title" fullWidth maxWidth="sm">
      <DialogTitle id="transition-title">{translate(`gabarit.lifecycle.dialog_${action}`, { version })}</DialogTitle>
      <DialogContent>
        <DialogContentText>{translate(explainKey ?? `gabarit.lifecycle.explain_${action}`)}</DialogContentText>
        {children}
        <CommentField value={comment} onChange={setComment} required={commentRequired} />
        {action === 'publish' && (
          <TextField
            fullWidth
            margin="normal"
            type="datetime-local"
            label={translate('gabarit.lifecycle.effective_from')}
            helperText={translate('gabarit.lifecycle.effective_from_help')}
            value={effectiveFrom}
            onChange={(e) => setEffectiveFrom(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={!canConfirm} onClick={confirm}>
          {translate(`gabarit.lifecycle.${action}`)}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
