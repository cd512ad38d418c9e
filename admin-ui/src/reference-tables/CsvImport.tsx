import {
  Alert,
  Box,
  Button,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  Radio,
  RadioGroup,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useId, useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { problemHeadline, toProblem, type Problem } from '../common/api-error';
import { csvLineProblems } from './api-paths';
import type { Column } from './cells';
import { decodeCsv, looksLikeText } from './csv-file';
import { useCellMessage } from './GridCell';
import { StaleAlert } from './StaleAlert';
import { sendChange, type LoadedTable } from './useReferenceTable';
import { ChangeComment } from './ChangeComment';

interface Props {
  tableKey: string;
  columns: Column[];
  etag: string;
  /** Unsaved grid edits would be overwritten by the import: the user saves or cancels them first. */
  blocked: boolean;
  onImported: (next: LoadedTable) => void;
  reload: () => Promise<void>;
  /** Whether CSV text waits to be imported: leaving the page then asks first (it went without a word). */
  onPendingChange?: (pending: boolean) => void;
}

/** CSV import from a file or pasted text; all or nothing: any bad line is listed and no row is imported. */
export const CsvImport = ({ tableKey, columns, etag, blocked, onImported, reload, onPendingChange }: Props) => {
  const translate = useTranslate();
  const notify = useNotify();
  const say = useCellMessage();
  const fileId = useId();
  const [csv, setCsv] = useState('');
  const pending = csv.trim() !== '';
  useEffect(() => onPendingChange?.(pending), [pending, onPendingChange]);
  const [mode, setMode] = useState<'replace' | 'merge'>('replace');
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<Problem | undefined>();
  const [busy, setBusy] = useState(false);

  const [notText, setNotText] = useState<string | undefined>();
  const readFile = async (file: File | undefined) => {
    if (!file) return;
    const bytes = await file.arrayBuffer();
    setNotText(looksLikeText(bytes) ? undefined : file.name);
    setCsv(looksLikeText(bytes) ? decodeCsv(bytes) : '');
  };
  const send = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      const next = await sendChange(tableKey, 'import', 'POST', etag, {
        csv,
        mode,
        ...(comment.trim() && { comment: comment.trim() }),
      });
      if (next.table.pending) notify('gabarit.reference_tables.pending.proposed', { type: 'info' });
      else
        notify('gabarit.reference_tables.imported', {
          type: 'success',
          messageArgs: { smart_count: next.table.rowCount },
        });
      setCsv('');
      setComment('');
      onImported(next);
    } catch (err) {
      setProblem(toProblem(err));
    } finally {
      setBusy(false);
    }
  };

  const lines = problem && problem.status === 400 ? csvLineProblems(problem) : [];
  return (
    <Box component="section" aria-labelledby={`${fileId}-title`} sx={{ mt: 3 }}>
      <Typography variant="h6" component="h2" id={`${fileId}-title`}>
        {translate('gabarit.reference_tables.import_title')}
      </Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {translate('gabarit.reference_tables.import_help', { header: columns.map((c) => c.name).join(';') })}
      </Typography>
      <Stack spacing={2} sx={{ maxWidth: 900 }}>
        <Box>
          <label htmlFor={fileId}>
            <Typography variant="body2" component="span" sx={{ mr: 1 }}>
              {translate('gabarit.reference_tables.csv_file')}
            </Typography>
          </label>
          <input
            id={fileId}
            type="file"
            accept=".csv,text/csv,text/plain"
            onChange={(e) => void readFile(e.target.files?.[0])}
          />
        </Box>
        <TextField
          label={translate('gabarit.reference_tables.csv_text')}
          multiline
          minRows={4}
          maxRows={16}
          value={csv}
          onChange={(e) => setCsv(e.target.value)}
          slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace' } } }}
        />
        <Box>
          <FormLabel id={`${fileId}-mode`}>{translate('gabarit.reference_tables.import_mode')}</FormLabel>
          <RadioGroup
            row
            aria-labelledby={`${fileId}-mode`}
            aria-describedby={`${fileId}-mode-help`}
            value={mode}
            onChange={(e) => setMode(e.target.value as 'replace' | 'merge')}
          >
            <FormControlLabel
              value="replace"
              control={<Radio />}
              label={translate('gabarit.reference_tables.mode_replace')}
            />
            <FormControlLabel
              value="merge"
              control={<Radio />}
              label={translate('gabarit.reference_tables.mode_merge')}
            />
          </RadioGroup>
          <FormHelperText id={`${fileId}-mode-help`}>
            {translate(`gabarit.reference_tables.mode_${mode}_help`)}
          </FormHelperText>
        </Box>
        <ChangeComment value={comment} onChange={setComment} />
        {notText !== undefined && (
          <Alert severity="error" role="alert">
            {translate('gabarit.reference_tables.not_text_file', { file: notText })}
          </Alert>
        )}
        {blocked && <Alert severity="info">{translate('gabarit.reference_tables.import_blocked')}</Alert>}
        <Box>
          <Button variant="contained" onClick={() => void send()} disabled={busy || blocked || csv.trim() === ''}>
            {translate('gabarit.reference_tables.import')}
          </Button>
        </Box>
      </Stack>
      {problem?.status === 412 && <StaleAlert onReload={reload} />}
      {problem && problem.status !== 412 && (
        <Alert severity="error" role="alert" sx={{ my: 2 }}>
          {problemHeadline(problem, translate)}
          {problem.error !== 'invalid_csv' &&
            ` ${translate('gabarit.reference_tables.nothing_imported', { smart_count: lines.length })}`}
        </Alert>
      )}
      {lines.length > 0 && (
        <Table size="small" aria-label={translate('gabarit.reference_tables.import_problems')} sx={{ maxWidth: 900 }}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('gabarit.reference_tables.line')}</TableCell>
              <TableCell>{translate('gabarit.reference_tables.column')}</TableCell>
              <TableCell>{translate('gabarit.reference_tables.message')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {lines.map((line, i) => (
              <TableRow key={i}>
                <TableCell>{line.line ?? translate('gabarit.reference_tables.whole_file')}</TableCell>
                <TableCell>{line.column ?? '—'}</TableCell>
                <TableCell lang={line.lang}>{say(line.message)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
};
