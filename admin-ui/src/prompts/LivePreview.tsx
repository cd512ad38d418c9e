import { Alert, Box, LinearProgress, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { problemHeadline, toProblem, type Problem } from '../common/api-error';
import { dataProvider } from '../dataProvider';
import type { ResponseOf } from '../api/types';

export type Rendered = ResponseOf<'/api/v1/prompts/{key}/preview', 'post'>;

const DEBOUNCE_MS = 400;

/**
 * Renders the content being edited with the sample variables, a moment after typing stops (POST preview:
 * nothing is saved). A newer request wins: an answer for older text is dropped.
 */
export function usePreview(
  promptKey: string | undefined,
  content: Record<string, unknown>,
  variables: Record<string, unknown> | undefined,
) {
  const [state, setState] = useState<{ rendered?: Rendered; problem?: Problem; pending: boolean }>({ pending: false });
  const body = promptKey && variables ? JSON.stringify({ ...content, variables }) : undefined;
  useEffect(() => {
    if (!body || !promptKey) return;
    let current = true;
    setState((s) => ({ ...s, pending: true }));
    const timer = setTimeout(() => {
      dataProvider
        .command('prompts', { id: promptKey, command: 'preview', body: JSON.parse(body) as object })
        .then((json) => current && setState({ rendered: json as Rendered, pending: false }))
        .catch((err: unknown) => current && setState({ problem: toProblem(err), pending: false }));
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [promptKey, body]);
  return state;
}

/** The rendered system prompt and message, or why they could not be rendered (details sit on their fields). */
export const LivePreview = ({
  rendered,
  problem,
  pending,
}: {
  rendered?: Rendered;
  problem?: Problem;
  pending: boolean;
}) => {
  const translate = useTranslate();
  return (
    <Box component="section" aria-labelledby="prompt-preview-title" sx={{ mt: 3 }}>
      <Typography id="prompt-preview-title" variant="h2" sx={{ fontSize: '1.1rem', mb: 1 }}>
        {translate('gabarit.prompts.preview_title')}
      </Typography>
      <Box sx={{ height: 4 }}>
        {pending && <LinearProgress aria-label={translate('gabarit.prompts.preview_pending')} />}
      </Box>
      <Box role="status" aria-live="polite" data-testid="prompt-preview">
        {problem ? (
          <Alert severity="warning">
            {problemHeadline(problem, translate)}{' '}
            {problem.details.length > 0 && translate('gabarit.prompts.preview_see_fields')}
          </Alert>
        ) : rendered ? (
          <>
            <Typography variant="body2" sx={{ mb: 1 }}>
              {translate('gabarit.prompts.preview_meta', { model: rendered.model, maxTokens: rendered.maxTokens })}
            </Typography>
            {rendered.system !== null && (
              <PreviewText label={translate('gabarit.prompts.preview_system')} text={rendered.system} />
            )}
            <PreviewText label={translate('gabarit.prompts.preview_text')} text={rendered.text} />
          </>
        ) : null}
      </Box>
    </Box>
  );
};

const PreviewText = ({ label, text }: { label: string; text: string }) => (
  <Box component="figure" sx={{ m: 0, mb: 2 }}>
    <Typography component="figcaption" variant="subtitle2">
      {label}
    </Typography>
    {/* It scrolls past 360 px: a tab stop lets keyboard users scroll it (axe: scrollable-region-focusable). */}
    <Box
      component="pre"
      tabIndex={0}
      sx={{
        m: 0,
        p: 1.5,
        bgcolor: 'grey.100',
        color: 'text.primary',
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-word',
        fontSize: '0.85rem',
        maxHeight: 360,
        overflow: 'auto',
      }}
    >
      {text}
    </Box>
  </Box>
);
