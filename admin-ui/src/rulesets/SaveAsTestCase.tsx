import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider, useGetIdentity, useNotify, useTranslate } from 'react-admin';
import { useInvalidate } from '../common/use-api-action';
import { problemHeadline, toProblem } from '../common/api-error';
import type { GovernedRecord } from '../common/drafts/use-governed-draft';
import type { GabaritDataProvider } from '../dataProvider';
import { withTestCase, type TestCase } from './test-case';
import { may } from '../layout/access';

interface Props {
  rulesetKey: string;
  facts: Record<string, unknown>;
  events: { type: string }[];
}

/** Keeps the facts just tried, with the decisions they gave, as a test case of the draft (analysts). */
export const SaveAsTestCase = ({ rulesetKey, facts, events }: Props) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<GabaritDataProvider>();
  const invalidate = useInvalidate('rulesets');
  const { identity } = useGetIdentity();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  // The draft is read just before the save and written back with its ETag: a change made by someone else in
  // between is refused by the API (412), never overwritten.
  const keep = useMutation({
    mutationFn: async (caseName: string) => {
      const draft = await dataProvider.getDraft<{ tests?: TestCase[] }, GovernedRecord>('rulesets', rulesetKey);
      const next = withTestCase(draft.content.tests ?? [], caseName, facts, events);
      if ('error' in next) return next;
      const saved = await dataProvider.updateDraft('rulesets', {
        id: rulesetKey,
        data: { tests: next.tests },
        etag: draft.etag,
      });
      return { version: (saved as { draftVersion: number }).draftVersion };
    },
    onSuccess: (outcome) => {
      if ('version' in outcome) invalidate();
    },
  });
  if (!may('writeDrafts', identity?.['roles'] as string[] | undefined)) return null;

  const save = async () => {
    try {
      const outcome = await keep.mutateAsync(name);
      if ('error' in outcome) {
        setError(outcome.error);
        return;
      }
      notify('gabarit.try.case_saved', { type: 'success', messageArgs: { version: outcome.version } });
      setOpen(false);
      setName('');
    } catch (err) {
      notify(problemHeadline(toProblem(err), translate), { type: 'error' });
    }
  };

  return (
    <>
      <Button size="small" sx={{ mt: 1 }} onClick={() => setOpen(true)}>
        {translate('gabarit.try.keep_as_case')}
      </Button>
      {open && (
        <Dialog open onClose={() => setOpen(false)} aria-labelledby="keep-case-title" fullWidth maxWidth="sm">
          <DialogTitle id="keep-case-title">{translate('gabarit.try.keep_as_case')}</DialogTitle>
          <DialogContent>
            <DialogContentText>
              {translate('gabarit.try.keep_as_case_help', { events: events.map((e) => e.type).join(', ') || '—' })}
            </DialogContentText>
            <TextField
              autoFocus
              fullWidth
              required
              margin="normal"
              label={translate('gabarit.try.case_name')}
              value={name}
              error={!!error}
              helperText={error ? translate(error) : undefined}
              onChange={(e) => {
                setName(e.target.value);
                setError(undefined);
              }}
            />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
            <Button variant="contained" disabled={!name.trim() || keep.isPending} onClick={() => void save()}>
              {translate('ra.action.save')}
            </Button>
          </DialogActions>
        </Dialog>
      )}
    </>
  );
};
