import {
  Alert,
  Box,
  Button,
  List,
  ListItem,
  ListItemText,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useShowContext, useTranslate } from 'react-admin';
import { toProblem } from '../common/api-error';
import { defaultPair, versionNumbers } from '../common/lifecycle/version-pair';
import { ProblemAlert } from '../common/ProblemAlert';
import { useResourceRead } from '../common/use-resource-read';
import { textChange, wordChange, type RulesetChange, type TextPart } from './diff-wording';

/** A readable diff between any two versions (or the draft), per rule, row or node, as the API words it. */
export const VersionDiff = () => {
  const { record } = useShowContext<{
    id: string;
    key: string;
    versions: { number: number }[];
    draftVersion: number | null;
    activeVersion: number | null;
  }>();
  const translate = useTranslate();
  const numbers = versionNumbers(record?.versions ?? []);
  // Until the user picks, the pair follows the record: it may be read again after a draft is saved, and the
  // first read may be stale (cached from before the save).
  const [picked, setPicked] = useState<{ from: number; to: number } | undefined>();
  const pair = picked ?? (record ? defaultPair(record) : null);
  const from = pair?.from ?? '';
  const to = pair?.to ?? '';
  // The pair compared last: the diff is read when the user asks, not as they pick.
  const [compared, setCompared] = useState<{ from: number; to: number } | undefined>();
  const diff = useResourceRead<{ changes: RulesetChange[] }>(
    'rulesets',
    record?.key,
    compared && `diff?from=${compared.from}&to=${compared.to}`,
  );
  const changes = diff.data?.changes;
  const problem = diff.error ? toProblem(diff.error) : undefined;
  if (!record || numbers.length < 2) return null;
  const compare = () => {
    if (from === '' || to === '') return;
    // The same pair again reads it again (a draft saved since changes it).
    if (compared?.from === from && compared.to === to) void diff.refetch();
    else setCompared({ from, to });
  };
  const picker = (label: string, value: number | '', set: (n: number) => void) => (
    <TextField
      select
      size="small"
      label={label}
      value={value}
      onChange={(e) => set(Number(e.target.value))}
      sx={{ minWidth: 160 }}
    >
      {numbers.map((n) => (
        <MenuItem key={n} value={n}>
          {translate('gabarit.lifecycle.version_n', { version: n })}
        </MenuItem>
      ))}
    </TextField>
  );
  return (
    <Box component="section" aria-labelledby="diff-title" sx={{ mt: 3 }}>
      <Typography id="diff-title" variant="h2" sx={{ fontSize: '1.25rem', mb: 1 }}>
        {translate('gabarit.diff.title')}
      </Typography>
      {/* On a phone the button goes under the pickers: in one row it ran off the card's edge. */}
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        {picker(translate('gabarit.diff.from'), from, (n) => setPicked({ from: n, to: to === '' ? n : to }))}
        {picker(translate('gabarit.diff.to'), to, (n) => setPicked({ from: from === '' ? n : from, to: n }))}
        {/* The pickers grow; the button keeps its label whole. */}
        <Button variant="outlined" disabled={from === '' || to === ''} onClick={compare} sx={{ flexShrink: 0 }}>
          {translate('gabarit.diff.compare')}
        </Button>
      </Stack>
      {problem && <ProblemAlert problem={problem} />}
      {changes && changes.length === 0 && (
        <Alert severity="info" sx={{ mt: 2 }}>
          {translate('gabarit.diff.same')}
        </Alert>
      )}
      {changes && changes.length > 0 && (
        <List dense aria-label={translate('gabarit.diff.title')}>
          {changes.map((c, i) => (
            <ListItem key={i} divider>
              <ListItemText
                primary={<ChangeWords change={c} />}
                slotProps={{ primary: { sx: { wordBreak: 'break-word' } } }}
              />
            </ListItem>
          ))}
        </List>
      )}
    </Box>
  );
};

/** A change in words; a long text changed in place, as its changed words only (struck out, then added). */
const ChangeWords = ({ change }: { change: RulesetChange }) => {
  const translate = useTranslate();
  const text = textChange(change, translate);
  if (!text) return <>{wordChange(change, translate)}</>;
  return (
    <>
      {text.heading}{' '}
      <Box component="span" sx={{ fontFamily: 'monospace', fontSize: '0.85rem' }}>
        {text.parts.map((part, i) => (
          <TextPartView key={i} part={part} />
        ))}
      </Box>
    </>
  );
};

const TextPartView = ({ part }: { part: TextPart }) => {
  const translate = useTranslate();
  if (part.kind === 'same') return <>{part.text}</>;
  // Struck and coloured, and named for screen readers, which read neither.
  const removed = part.kind === 'removed';
  return (
    <Box
      component={removed ? 'del' : 'ins'}
      aria-label={translate(removed ? 'gabarit.diff.text_removed' : 'gabarit.diff.text_added', { text: part.text })}
      sx={{
        bgcolor: removed ? 'error.light' : 'success.dark', // white on success.light was 2.8:1, under WCAG AA's 4.5
        color: removed ? 'error.contrastText' : 'success.contrastText',
        px: 0.25,
        textDecoration: removed ? 'line-through' : 'none',
      }}
    >
      {part.text}
    </Box>
  );
};
