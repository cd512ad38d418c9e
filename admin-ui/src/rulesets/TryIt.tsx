import { Alert, Box, Button, Chip, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useLocaleState, useShowContext, useTranslate } from 'react-admin';
import { httpClient } from '../dataProvider';
import { parseFacts } from './facts-input';

interface Outcome {
  events: { type: string; params?: Record<string, unknown> }[];
  explanation?: { fr: string; en: string };
  version: number;
}
interface Problem {
  message: string;
  details: { path: string; message: string }[];
}

/** Evaluates the draft or the version in force on facts the analyst types (pre-filled from the first test case). */
export const TryIt = () => {
  const { record } = useShowContext<{ id: string; key: string; activeVersion: number | null; draftVersion: number | null }>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const versions = [record?.draftVersion, record?.activeVersion].filter((v): v is number => typeof v === 'number');
  const [version, setVersion] = useState<number | undefined>(versions[0]);
  const [text, setText] = useState('{}');
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();

  useEffect(() => {
    if (!record || version === undefined) return;
    void httpClient(`/api/v1/rulesets/${record.key}/versions/${version}`).then(({ json }) => {
      const first = (json as { content?: { tests?: { facts: unknown }[] } }).content?.tests?.[0];
      if (first) setText(JSON.stringify(first.facts, null, 2));
    });
  }, [record, version]);

  if (!record || version === undefined) return null;
  const evaluate = async () => {
    setOutcome(undefined);
    setProblem(undefined);
    const parsed = parseFacts(text);
    if ('error' in parsed) {
      setProblem({ message: translate(parsed.error), details: parsed.hint ? [{ path: '/', message: parsed.hint }] : [] });
      return;
    }
    try {
      const { json } = await httpClient(`/api/v1/rulesets/${record.key}/evaluate`, { method: 'POST', body: JSON.stringify({ facts: parsed.facts, version, explain: true }) });
      setOutcome(json as Outcome);
    } catch (err) {
      const body = (err as { body?: Problem }).body;
      setProblem(body ?? { message: (err as Error).message, details: [] });
    }
  };

  return (
    <Box component="section" aria-labelledby="try-it-title" sx={{ mt: 3 }}>
      <Typography id="try-it-title" variant="h2" sx={{ fontSize: '1.25rem', mb: 1 }}>
        {translate('gabarit.try.title')}
      </Typography>
      <Stack direction="row" spacing={2} sx={{ mb: 2 }}>
        <TextField select size="small" label={translate('gabarit.try.version')} value={version} onChange={(e) => setVersion(Number(e.target.value))} sx={{ minWidth: 200 }}>
          {versions.map((v) => (
            <MenuItem key={v} value={v}>
              {translate(v === record.draftVersion ? 'gabarit.try.draft' : 'gabarit.try.active', { version: v })}
            </MenuItem>
          ))}
        </TextField>
        <Button variant="contained" onClick={() => void evaluate()}>
          {translate('gabarit.try.evaluate')}
        </Button>
      </Stack>
      <TextField label={translate('gabarit.try.facts')} multiline minRows={8} maxRows={20} fullWidth value={text} onChange={(e) => setText(e.target.value)} slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace' } } }} />
      {problem && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {problem.message}
          <ul>
            {problem.details.map((d) => (
              <li key={`${d.path}${d.message}`}>
                <code>{d.path}</code> : {d.message}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {outcome && (
        <Alert severity="info" sx={{ mt: 2 }} role="status">
          <Stack direction="row" spacing={1} sx={{ mb: 1 }} aria-label={translate('gabarit.try.events')}>
            {outcome.events.length === 0 ? <Chip label={translate('gabarit.try.no_event')} /> : outcome.events.map((e, i) => <Chip key={i} color="primary" label={e.type} />)}
          </Stack>
          <div>{outcome.explanation?.[locale === 'en' ? 'en' : 'fr']}</div>
        </Alert>
      )}
    </Box>
  );
};
