import { Button } from '@mui/material';
import { useState } from 'react';
import { useGetIdentity, useRedirect, useTranslate } from 'react-admin';
import { useApiAction } from '../common/use-api-action';
import { TransitionDialog, type TransitionInput } from '../common/lifecycle/TransitionDialog';

/** Submits the saved draft for review from the editor, then shows the rule set with its versions. */
export const SubmitDraftButton = ({ rulesetKey, version }: { rulesetKey: string; version: number }) => {
  const translate = useTranslate();
  const action = useApiAction('rulesets');
  const redirect = useRedirect();
  const { identity } = useGetIdentity();
  const [asking, setAsking] = useState(false);
  if (!((identity?.['roles'] as string[]) ?? []).includes('analyst')) return null;
  const submit = async (input: TransitionInput) => {
    setAsking(false);
    if (
      await action.run({
        id: rulesetKey,
        command: `versions/${version}/submit`,
        body: input,
        success: 'gabarit.lifecycle.done_submit',
        messageArgs: { version },
      })
    )
      redirect('show', 'rulesets', rulesetKey);
  };
  return (
    <>
      <Button variant="contained" sx={{ mt: 2 }} onClick={() => setAsking(true)}>
        {translate('gabarit.editors.submit_draft', { version })}
      </Button>
      {asking && (
        <TransitionDialog
          action="submit"
          version={version}
          onCancel={() => setAsking(false)}
          onConfirm={(input) => void submit(input)}
        />
      )}
    </>
  );
};
