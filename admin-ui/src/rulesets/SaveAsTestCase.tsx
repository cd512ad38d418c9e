import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { useGetIdentity, useNotify, useTranslate } from 'react-admin';
import { useInvalidate } from '../common/use-api-action';
import { problemHeadline, toProblem } from '../common/api-error';
import { httpClient } from '../dataProvider';
import { withTestCase, type TestCase } from './test-case';

interface Props {
  rulesetKey: string;
  facts: Record<string, unknown>;
  events: { type: string }[];
}

/** Keeps the facts just tried, with the decisions they gave, as a test case of the draft (analysts). */
export const SaveAsTestCase = ({ rulesetKey, facts, events }: Props) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useInvalidate('rulesets');
  const { identity } = useGetIdentity();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  if (!((identity?.['roles'] as string[]) ?? []).includes('analyst')) return null;

  const save = async () => {
    try {
      const { json, headers } = await httpClient(`/api/v1/rulesets/${rulesetKey}`);
      const record = json as { draftVersion: number | null; activeVersion: number | null; latestVersion: number };
      const source = record.draftVersion ?? record.activeVersion ?? record.latestVersion;
      const content = (
        (await httpClient(`/api/v1/rulesets/${rulesetKey}/versions/${source}`)).json as {
          content: { tests?: TestCase[] };
        }
      ).content;
      const next = withTestCase(content.tests ?? [], name, facts, events);
      if ('error' in next) {
        setError(next.error);
        return;
      }
      const saved = await httpClient(`/api/v1/rulesets/${rulesetKey}/draft`, {
        method: 'PUT',
        headers: new Headers({ 'If-Match': headers.get('etag') ?? '', 'Content-Type': 'application/json' }),
        body: JSON.stringify({ tests: next.tests }),
      });
      notify('gabarit.try.case_saved', {
        type: 'success',
        messageArgs: { version: (saved.json as { draftVersion: number }).draftVersion },
      });
      setOpen(false);
      setName('');
      refresh();
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
            <Button variant="contained" disabled={!name.trim()} onClick={() => void save()}>
              {translate('ra.action.save')}
            </Button>
          </DialogActions>
        </Dialog>
      )}
    </>
  );
};
