import { Alert, Box, Button, CircularProgress, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useGetIdentity, useTranslate } from 'react-admin';
import { problemHeadline, toProblem, type Problem } from '../common/api-error';
import { dataProvider } from '../dataProvider';

interface Completion {
  version: number;
  variant?: string;
  text: string;
  usage: { inputTokens: number; outputTokens: number };
  /** Why the model stopped: `max_tokens` is an answer cut at the version's limit. */
  stopReason?: string | null;
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
        {/* A model can take seconds: a greyed button alone looked like nothing was happening (a console review). */}
        {busy && (
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} role="status">
            <CircularProgress size={18} />
            <Typography variant="body2">{translate('gabarit.prompts.completion_waiting')}</Typography>
          </Stack>
        )}
        {problem && (
          <Alert severity={problem.error === 'llm_not_configured' ? 'info' : 'error'} role="alert">
            {problemHeadline(problem, translate)}
          </Alert>
        )}
        {/* An empty answer is the variant's error for the service; a cut one reads as whole unless said. */}
        {answer && answer.text.trim() === '' && (
          <Alert severity="warning" role="status" sx={{ mb: 1 }}>
            {translate('gabarit.prompts.completion_empty')}
          </Alert>
        )}
        {answer && answer.stopReason === 'max_tokens' && (
          <Alert severity="warning" role="status" sx={{ mb: 1 }}>
            {translate('gabarit.prompts.completion_cut')}
          </Alert>
        )}
        {answer && answer.text.trim() !== '' && (
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
