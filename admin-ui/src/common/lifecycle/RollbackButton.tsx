import UndoIcon from '@mui/icons-material/Undo';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  MenuItem,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { useGetIdentity, useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../dates';
import { useApiAction } from '../use-api-action';
import { rollbackCandidates, scheduledFrom, type VersionRecord } from './version-actions';
import { may } from '../../layout/access';

interface Props {
  /** The governed resource (`rulesets`) and the key of the one shown. */
  resource: string;
  id: string;
  versions: VersionRecord[];
  activeVersion: number | null;
}

/**
 * Puts a version that was in force before back in force, with the reason the audit trail keeps (approvers only). A
 * rollback does not withdraw a publication scheduled for later: on its date, that version replaces the one put
 * back. The dialog says so before the approver confirms, so it is withdrawn first if it must not apply.
 */
export const RollbackButton = ({ resource, id, versions, activeVersion }: Props) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const rollback = useApiAction(resource);
  const { identity } = useGetIdentity();
  const [open, setOpen] = useState(false);
  const candidates = rollbackCandidates(versions, activeVersion);
  const [target, setTarget] = useState<number | ''>('');
  const [comment, setComment] = useState('');
  const scheduled = versions.flatMap((v) => {
    const at = scheduledFrom(v);
    return at === undefined ? [] : [{ version: v.number, at }];
  });
  if (!identity || !may('rollBack', identity['roles'] as string[] | undefined) || candidates.length === 0) return null;
  const confirm = async () => {
    if (
      await rollback.run({
        id,
        command: 'rollback',
        // The version in force this page shows: a publication meanwhile refuses the rollback rather than undo it.
        body: { version: target, comment: comment.trim(), ...(activeVersion !== null && { from: activeVersion }) },
        success: 'gabarit.lifecycle.done_rollback',
        messageArgs: { version: target },
      })
    )
      setOpen(false);
  };
  return (
    <>
      <Button variant="outlined" startIcon={<UndoIcon />} onClick={() => setOpen(true)}>
        {translate('gabarit.lifecycle.rollback')}
      </Button>
      {open && (
        <Dialog open onClose={() => setOpen(false)} aria-labelledby="rollback-title" fullWidth maxWidth="sm">
          <DialogTitle id="rollback-title">{translate('gabarit.lifecycle.rollback')}</DialogTitle>
          <DialogContent>
            <DialogContentText>{translate('gabarit.lifecycle.explain_rollback')}</DialogContentText>
            {scheduled.map(({ version, at }) => (
              <Alert key={version} severity="warning" sx={{ mt: 2 }}>
                {translate('gabarit.lifecycle.rollback_scheduled', { version, at: formatDateTime(at, locale) })}
              </Alert>
            ))}
            <TextField
              select
              fullWidth
              margin="normal"
              required
              label={translate('gabarit.lifecycle.rollback_to')}
              value={target}
              onChange={(e) => setTarget(Number(e.target.value))}
            >
              {candidates.map((v, i) => (
                <MenuItem key={v.number} value={v.number}>
                  {translate(
                    i === 0 && activeVersion !== null
                      ? 'gabarit.lifecycle.rollback_choice_previous'
                      : 'gabarit.lifecycle.rollback_choice',
                    { version: v.number, at: formatDateTime(v.lastInForce, locale) },
                  )}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              fullWidth
              multiline
              minRows={2}
              margin="normal"
              required
              label={translate('gabarit.lifecycle.comment_required')}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
            <Button
              variant="contained"
              disabled={rollback.busy || target === '' || !comment.trim()}
              onClick={() => void confirm()}
            >
              {translate('gabarit.lifecycle.rollback')}
            </Button>
          </DialogActions>
        </Dialog>
      )}
    </>
  );
};
