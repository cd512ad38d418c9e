import { Alert, Box, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { useShowContext, useTranslate } from 'react-admin';
import { problemHeadline, toProblem } from '../common/api-error';
import { useResourceRead } from '../common/use-resource-read';
import { defaultPair } from '../common/lifecycle/version-pair';
import { diffLines, settingText, type PromptDiff as Diff } from './diff-lines';
import type { PromptRecord } from './prompt-record';
import { VersionPicker } from './VersionPicker';

/** What changed between any two versions: template and system lines (+/− and a word, not colour alone), and settings before → after. */
export const PromptDiff = () => {
  const { record } = useShowContext<PromptRecord>();
  const translate = useTranslate();
  // Until the user picks, the pair follows the record (a draft saved elsewhere shows up on the next read).
  const [picked, setPicked] = useState<{ from: number; to: number } | undefined>();
  const pair = picked ?? (record ? defaultPair(record) : null);
  const from = pair?.from;
  const to = pair?.to;
  const read = useResourceRead<Diff>(
    'prompts',
    record?.key,
    from === undefined || to === undefined ? undefined : `diff?from=${from}&to=${to}`,
    record?.updatedAt, // a draft saved since refetches the diff
  );
  const diff = read.data;
  const problem = read.error ? toProblem(read.error) : undefined;
  if (!record || from === undefined || to === undefined) return null;
  const empty = diff && diff.template.length + diff.system.length + diff.settings.length === 0;
  return (
    <Box component="section" aria-labelledby="prompt-diff-title" sx={{ mt: 3 }}>
      <Typography id="prompt-diff-title" variant="h2" sx={{ fontSize: '1.25rem', mb: 1 }}>
        {translate('gabarit.prompts.diff_title')}
      </Typography>
      <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'center' }}>
        <VersionPicker
          record={record}
          label="gabarit.prompts.diff_from"
          value={from}
          onChange={(n) => setPicked({ from: n, to })}
        />
        <VersionPicker
          record={record}
          label="gabarit.prompts.diff_to"
          value={to}
          onChange={(n) => setPicked({ from, to: n })}
        />
      </Stack>
      {problem && <Alert severity="error">{problemHeadline(problem, translate)}</Alert>}
      {empty && <Typography>{translate('gabarit.prompts.diff_none')}</Typography>}
      {diff &&
        (['template', 'system'] as const).map(
          (field) => diff[field].length > 0 && <LineDiff key={field} field={field} diff={diff} />,
        )}
      {diff && diff.settings.length > 0 && (
        // A setting's value (a JSON schema) may be one long line: it wraps, and the table scrolls in its own box.
        <Box sx={{ overflowX: 'auto', mt: 2 }}>
          <Table
            size="small"
            aria-label={translate('gabarit.prompts.diff_settings')}
            sx={{ '& code': { overflowWrap: 'anywhere' } }}
          >
            <TableHead>
              <TableRow>
                <TableCell>{translate('gabarit.prompts.diff_setting')}</TableCell>
                <TableCell>{translate('gabarit.prompts.diff_before')}</TableCell>
                <TableCell>{translate('gabarit.prompts.diff_after')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {diff.settings.map((s) => (
                <TableRow key={s.path}>
                  <TableCell>
                    {settingWords(s.path, translate)}{' '}
                    <Typography component="code" variant="caption" sx={{ color: 'text.secondary' }}>
                      {s.path}
                    </Typography>
                  </TableCell>
                  <TableCell>
                    <code>{settingText(s.before) ?? translate('gabarit.prompts.diff_absent')}</code>
                  </TableCell>
                  <TableCell>
                    → <code>{settingText(s.after) ?? translate('gabarit.prompts.diff_absent')}</code>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </Box>
  );
};

/**
 * A setting's place in words, the pointer kept beside it for whoever reads the JSON: `/maxTokens` reads « Nombre
 * maximal de jetons », `/tests/0/expect/contains/0` « Cas de test › n° 1 › attendu › contient › n° 1 » (lists
 * counted from 1, as a reader counts).
 */
function settingWords(path: string, translate: (key: string, options?: object) => string): string {
  const parts = path.split('/').slice(1);
  // After `properties` or a case's `variables` comes a variable's own name, kept as written (« title »).
  const named = (i: number) => i > 0 && (parts[i - 1] === 'properties' || parts[i - 1] === 'variables');
  return parts
    .map((part, i) =>
      /^\d+$/.test(part)
        ? translate('gabarit.prompts.diff_item', { n: Number(part) + 1 })
        : i === 0
          ? translate(`resources.prompts.fields.${part}`, { _: part }).replace(/ \(.*\)$/, '')
          : named(i)
            ? part
            : // The schema's and a test case's keywords in words.
              translate(`gabarit.prompts.diff_parts.${part}`, { _: part }),
    )
    .join(' › ');
}

const LineDiff = ({ field, diff }: { field: 'template' | 'system'; diff: Diff }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ mb: 2 }}>
      <Typography variant="subtitle2">
        {translate(`resources.prompts.fields.${field}`)}{' '}
        <Typography component="span" variant="caption">
          ({translate('gabarit.prompts.diff_legend')})
        </Typography>
      </Typography>
      <Box
        component="ul"
        aria-label={translate(`resources.prompts.fields.${field}`)}
        sx={{
          listStyle: 'none',
          m: 0,
          p: 0,
          fontFamily: 'monospace',
          fontSize: '0.85rem',
          border: 1,
          borderColor: 'divider',
          borderRadius: 1,
        }}
      >
        {diffLines(diff[field]).map((line, i) => (
          <Box
            component="li"
            key={i}
            sx={{
              display: 'flex',
              gap: 1,
              px: 1,
              backgroundColor: line.kind === 'added' ? '#e6f4ea' : '#fdecea',
              color: 'text.primary',
            }}
          >
            <span aria-hidden="true" style={{ fontWeight: 700, width: '1em' }}>
              {line.marker}
            </span>
            <span
              className="visually-hidden"
              style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}
            >
              {translate(`gabarit.prompts.diff_${line.kind}`)}
            </span>
            <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{line.text || ' '}</span>
          </Box>
        ))}
      </Box>
    </Box>
  );
};
