import { Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useGetIdentity, useRedirect, useTranslate } from 'react-admin';
import { useApiAction } from '../common/use-api-action';
import { TransitionDialog, type TransitionInput } from '../common/lifecycle/TransitionDialog';
import { may } from '../layout/access';

/**
 * Submits the saved draft for review from the editor, then shows the rule set with its versions. Errors of the
 * static analysis block it, as the API would refuse it (400 analysis_errors): the button says why it is disabled.
 */
export const SubmitDraftButton = ({
  rulesetKey,
  version,
  revision,
  analysisErrors = 0,
}: {
  rulesetKey: string;
  version: number;
  /** The draft's revision the editor shows: if someone saved it again since, the API refuses (draft_changed). */
  revision: number | undefined;
  analysisErrors?: number;
}) => {
  const translate = useTranslate();
  const action = useApiAction('rulesets');
  const redirect = useRedirect();
  const { identity } = useGetIdentity();
  const [asking, setAsking] = useState(false);
  if (!may('submitVersion', identity?.['roles'] as string[] | undefined)) return null;
  const submit = async (input: TransitionInput) => {
    setAsking(false);
    if (
      await action.run({
        id: rulesetKey,
        command: `versions/${version}/submit`,
        body: revision === undefined ? input : { ...input, revision },
        success: 'gabarit.lifecycle.done_submit',
        messageArgs: { version },
      })
    )
      redirect('show', 'rulesets', rulesetKey);
  };
  return (
    <>
      <Stack direction="row" spacing={2} sx={{ mt: 2, alignItems: 'center' }}>
        <Button
          variant="contained"
          disabled={analysisErrors > 0}
          aria-describedby={analysisErrors > 0 ? 'submit-blocked' : undefined}
          onClick={() => setAsking(true)}
        >
          {translate('gabarit.editors.submit_draft', { version })}
        </Button>
        {/* A disabled button takes no focus or hover: the reason is written beside it. */}
        {analysisErrors > 0 && (
          <Typography id="submit-blocked" color="error" variant="body2">
            {translate('gabarit.analysis.submit_blocked', { smart_count: analysisErrors })}
          </Typography>
        )}
      </Stack>
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
