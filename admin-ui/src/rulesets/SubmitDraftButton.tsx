import { Button } from '@mui/material';
import { useState } from 'react';
import { useGetIdentity, useNotify, useRedirect, useTranslate } from 'react-admin';
import { problemHeadline, toProblem } from '../common/api-error';
import { TransitionDialog, type TransitionInput } from '../common/lifecycle/TransitionDialog';
import { httpClient } from '../dataProvider';

/** Submits the saved draft for review from the editor, then shows the rule set with its versions. */
export const SubmitDraftButton = ({ rulesetKey, version }: { rulesetKey: string; version: number }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const { identity } = useGetIdentity();
  const [asking, setAsking] = useState(false);
  if (!((identity?.['roles'] as string[]) ?? []).includes('analyst')) return null;
  const submit = async (input: TransitionInput) => {
    setAsking(false);
    try {
      await httpClient(`/api/v1/rulesets/${rulesetKey}/versions/${version}/submit`, { method: 'POST', body: JSON.stringify(input) });
      notify('gabarit.lifecycle.done_submit', { type: 'success', messageArgs: { version } });
      redirect('show', 'rulesets', rulesetKey);
    } catch (err) {
      notify(problemHeadline(toProblem(err), translate), { type: 'error' });
    }
  };
  return (
    <>
      <Button variant="contained" sx={{ mt: 2 }} onClick={() => setAsking(true)}>
        {translate('gabarit.editors.submit_draft', { version })}
      </Button>
      {asking && <TransitionDialog action="submit" version={version} onCancel={() => setAsking(false)} onConfirm={(input) => void submit(input)} />}
    </>
  );
};
