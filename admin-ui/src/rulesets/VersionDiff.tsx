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
import { toProblem, type Problem } from '../common/api-error';
import { ProblemAlert } from '../common/ProblemAlert';
import { httpClient } from '../dataProvider';
import { wordChange, type RulesetChange } from './diff-wording';

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
  const numbers = (record?.versions ?? []).map((v) => v.number).sort((a, b) => b - a);
  const [from, setFrom] = useState<number | ''>(record?.activeVersion ?? numbers[1] ?? '');
  const [to, setTo] = useState<number | ''>(record?.draftVersion ?? numbers[0] ?? '');
  const [changes, setChanges] = useState<RulesetChange[] | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();
  if (!record || numbers.length < 2) return null;
  const compare = async () => {
    setProblem(undefined);
    try {
      setChanges(
        (
          (await httpClient(`/api/v1/rulesets/${record.key}/diff?from=${from}&to=${to}`)).json as {
            changes: RulesetChange[];
          }
        ).changes,
      );
    } catch (err) {
      setProblem(toProblem(err));
    }
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
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        {picker(translate('gabarit.diff.from'), from, setFrom)}
        {picker(translate('gabarit.diff.to'), to, setTo)}
        <Button variant="outlined" disabled={from === '' || to === ''} onClick={() => void compare()}>
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
                primary={wordChange(c, translate)}
                slotProps={{ primary: { sx: { wordBreak: 'break-word' } } }}
              />
            </ListItem>
          ))}
        </List>
      )}
    </Box>
  );
};
