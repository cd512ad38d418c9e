import UploadIcon from '@mui/icons-material/Upload';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useGetIdentity, useNotify, useRedirect, useTranslate } from 'react-admin';
import { problemHeadline, toProblem, type Problem } from '../../common/api-error';
import { ProblemAlert } from '../../common/ProblemAlert';
import type { GabaritDataProvider } from '../../dataProvider';
import { may } from '../../layout/access';
import { PILOTS } from '../../common/pilots';

/** A chosen file's text (FileReader: every browser the console supports has it). */
type Translate = (key: string, options?: object) => string;

/** Where in the DMN file a refusal points, in words: the rule and its entry, or the input column. */
export function dmnPlace(path: string, translate: Translate): string | undefined {
  const entry = /\/rule\/(\d+)\/(input|output)Entry\/(\d+)/.exec(path);
  if (entry)
    return translate(`gabarit.dmn.place_${entry[2]}_entry`, {
      rule: Number(entry[1]) + 1,
      entry: Number(entry[3]) + 1,
    });
  const input = /\/input\/(\d+)/.exec(path);
  if (input) return translate('gabarit.dmn.place_input', { input: Number(input[1]) + 1 });
  return undefined;
}

/** The API's refusal of a file: its headline, then each part of the file it could not map, by place and reason. */
const ImportProblem = ({ problem }: { problem: Problem }) => {
  const translate = useTranslate();
  if (problem.error !== 'dmn_unmappable' || problem.details.length === 0) return <ProblemAlert problem={problem} />;
  return (
    <Alert severity="error" role="alert" sx={{ my: 2 }}>
      {problemHeadline(problem, translate)} {translate('gabarit.dmn.unmappable')}
      <Box component="ul" sx={{ m: 0, mt: 0.5, pl: 2.5 }}>
        {problem.details.map((d) => (
          <li key={`${d.path}|${d.message}`}>
            <Box component="span" sx={{ fontWeight: 600 }}>
              {dmnPlace(d.path, translate) ?? d.path}
            </Box>{' '}
            — <span lang={d.lang}>{d.message}</span>
            <Box component="code" sx={{ display: 'block', fontSize: '0.75rem', color: 'text.secondary' }}>
              {d.path}
            </Box>
          </li>
        ))}
      </Box>
    </Alert>
  );
};

/**
 * Imports a DMN file's decision table as the first draft of a new rule set (analysts), then opens it in the
 * editor. A file the service cannot map is refused whole: each cell it names is listed with its reason.
 */
export const ImportDmnButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const dataProvider = useDataProvider<GabaritDataProvider>();
  const { identity } = useGetIdentity();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | undefined>();
  const [key, setKey] = useState('');
  const [pilot, setPilot] = useState('invoices');
  const [problem, setProblem] = useState<Problem | undefined>();
  const [busy, setBusy] = useState(false);
  if (!may('writeDrafts', identity?.['roles'] as string[] | undefined)) return null;

  const importFile = async () => {
    if (!file) return;
    setBusy(true);
    setProblem(undefined);
    try {
      const query = new URLSearchParams({ key, pilot });
      await dataProvider.postText(`rulesets/import/dmn?${query}`, {
        // The file as it is: read as text here, Latin-1 bytes would arrive as U+FFFD, which the service cannot
        // tell from what the analyst wrote. Sent unchanged, they are refused as not UTF-8.
        body: file,
        contentType: 'application/xml',
      });
      notify('gabarit.dmn.imported', { type: 'success', messageArgs: { key } });
      setOpen(false);
      redirect('edit', 'rulesets', key);
    } catch (err) {
      setProblem(toProblem(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button size="small" startIcon={<UploadIcon />} onClick={() => setOpen(true)}>
        {translate('gabarit.dmn.import')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="md" fullWidth aria-labelledby="dmn-import-title">
        <DialogTitle id="dmn-import-title">{translate('gabarit.dmn.import_title')}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 2 }}>
            {translate('gabarit.dmn.import_help')}
          </Typography>
          <Stack spacing={2}>
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              <Button component="label" variant="outlined">
                {translate('gabarit.dmn.choose_file')}
                <input
                  hidden
                  type="file"
                  accept=".dmn,.xml,application/xml,text/xml"
                  aria-label={translate('gabarit.dmn.file')}
                  onChange={(e) => {
                    setFile(e.target.files?.[0]);
                    setProblem(undefined);
                  }}
                />
              </Button>
              <Typography>{file?.name ?? translate('gabarit.dmn.no_file')}</Typography>
            </Stack>
            <TextField
              size="small"
              required
              label={translate('resources.rulesets.fields.key')}
              helperText={translate('gabarit.editors.key_help')}
              value={key}
              onChange={(e) => setKey(e.target.value)}
            />
            <TextField
              select
              size="small"
              required
              label={translate('resources.rulesets.fields.pilot')}
              value={pilot}
              onChange={(e) => setPilot(e.target.value)}
            >
              {PILOTS.map((id) => (
                <MenuItem key={id} value={id}>
                  {translate(`gabarit.pilots.${id}`)}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
          {problem && <ImportProblem problem={problem} />}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" disabled={!file || !key || busy} onClick={() => void importFile()}>
            {translate('gabarit.dmn.import_button')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
