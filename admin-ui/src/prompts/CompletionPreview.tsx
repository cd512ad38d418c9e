import { Alert, Box, Button, Typography } from '@mui/material';
import { useState } from 'react';
import { useGetIdentity, useTranslate } from 'react-admin';
import { problemHeadline, toProblem, type Problem } from '../common/api-error';
import { dataProvider } from '../dataProvider';

interface Completion {
  version: number;
  variant?: string;
  text: string;
  usage: { inputTokens: number; outputTokens: number };
}

/**
 * Asks the configured model to answer with the sample variables (POST complete). The API answers with the
 * version in force (or the subject's experiment variant), not the unsaved draft: the panel says so.
 */
export const CompletionPreview = ({
  promptKey,
  variables,
}: {
  promptKey: string;
  variables: Record<string, unknown> | undefined;
}) => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<Completion | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();
  const ask = async () => {
    setBusy(true);
    setAnswer(undefined);
    setProblem(undefined);
    try {
      const json = await dataProvider.command('prompts', {
        id: promptKey,
        command: 'complete',
        body: { variables, subjectId: `console:${identity?.id ?? 'user'}` },
      });
      setAnswer(json as Completion);
    } catch (err) {
      setProblem(toProblem(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box component="section" aria-labelledby="prompt-completion-title" sx={{ mt: 3 }}>
      <Typography id="prompt-completion-title" variant="h2" sx={{ fontSize: '1.1rem', mb: 1 }}>
        {translate('gabarit.prompts.completion_title')}
      </Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {translate('gabarit.prompts.completion_help')}
      </Typography>
      <Button variant="outlined" disabled={busy || !variables} onClick={() => void ask()}>
        {translate('gabarit.prompts.completion_ask')}
      </Button>
      <Box aria-live="polite" sx={{ mt: 1 }}>
        {problem && (
          <Alert severity={problem.error === 'llm_not_configured' ? 'info' : 'error'} role="alert">
            {problemHeadline(problem, translate)}
          </Alert>
        )}
        {answer && (
          <Alert severity="success" icon={false} role="status">
            <Typography variant="subtitle2">
              {translate('gabarit.prompts.completion_meta', {
                version: answer.version,
                input: answer.usage.inputTokens,
                output: answer.usage.outputTokens,
              })}
              {answer.variant && ` — ${translate('gabarit.prompts.completion_variant', { variant: answer.variant })}`}
            </Typography>
            <Box component="p" sx={{ whiteSpace: 'pre-wrap', m: 0, mt: 1 }}>
              {answer.text}
            </Box>
          </Alert>
        )}
      </Box>
    </Box>
  );
};
