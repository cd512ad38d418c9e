import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import EditIcon from '@mui/icons-material/Edit';
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  IconButton,
  MenuItem,
  Stack,
  TextField,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { detailsUnder, toProblem, type Problem } from '../common/api-error';
import { ProblemAlert } from '../common/ProblemAlert';
import type { RequestOf } from '../api/types';
import { COLUMN_TYPES, type ColumnType } from './cells';
import { ChangeComment } from './ChangeComment';
import { sendChange, type LoadedTable } from './useReferenceTable';

type Definition = RequestOf<'/api/v1/reference-tables/{key}/definition', 'put'>;

/** A column as the dialog edits it: `original` is its name when the dialog opened, absent for a new one. */
interface EditedColumn {
  original?: string;
  name: string;
  type: ColumnType;
  required: boolean;
}

/**
 * The table's name, description and columns, changed after its creation: a typo in a column had meant a new table
 * (and its key, never reused). A column renamed keeps its values; the service sends it as `renamedFrom`. While rule
 * sets read the table its columns stay as they are (409 `table_in_use`, said here); the name and description change.
 */
export const EditDefinitionButton = ({
  loaded,
  blocked,
  onSaved,
}: {
  loaded: LoadedTable;
  /** Rows being edited or CSV waiting to be imported: the grid would lose them. */
  blocked: boolean;
  onSaved: (next: LoadedTable) => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const { table } = loaded;
  const initial = () => ({
    name: table.name,
    description: table.description ?? '',
    keyColumn: table.keyColumn,
    columns: table.columns.map((c) => ({
      original: c.name,
      name: c.name,
      type: c.type,
      required: !!c.required,
    })) as EditedColumn[],
    comment: '',
  });
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState(initial);
  const [problem, setProblem] = useState<Problem | undefined>();
  const [saving, setSaving] = useState(false);
  const start = () => {
    setForm(initial());
    setProblem(undefined);
    setOpen(true);
  };
  const setColumn = (i: number, change: Partial<EditedColumn>) =>
    setForm((f) => {
      const columns = f.columns.map((c, j) => (j === i ? { ...c, ...change } : c));
      // The key column follows its renaming.
      const keyColumn = change.name !== undefined && f.columns[i]!.name === f.keyColumn ? change.name : f.keyColumn;
      return { ...f, columns, keyColumn };
    });
  const names = [...new Set(form.columns.map((c) => c.name.trim()).filter((n) => n !== ''))];
  const save = async () => {
    const body: Definition = {
      name: form.name.trim(),
      ...(form.description.trim() !== '' && { description: form.description }),
      keyColumn: form.keyColumn,
      columns: form.columns.map((c) => ({
        name: c.name.trim(),
        type: c.type,
        ...(c.required && { required: true }),
        ...(c.original !== undefined && c.original !== c.name.trim() && { renamedFrom: c.original }),
      })),
      ...(form.comment.trim() !== '' && { comment: form.comment }),
    };
    setSaving(true);
    setProblem(undefined);
    try {
      const next = await sendChange(table.key, 'definition', 'PUT', loaded.etag, body);
      setOpen(false);
      notify('gabarit.reference_tables.definition.saved', { type: 'info', messageArgs: { name: next.table.name } });
      onSaved(next);
    } catch (err) {
      setProblem(toProblem(err));
    } finally {
      setSaving(false);
    }
  };
  // Two columns may bear the name a refusal quotes (« code » twice): the place says which, by position too.
  const columnPlace = (path: string) => {
    const match = /^\/columns\/(\d+)/.exec(path);
    const column = match ? form.columns[Number(match[1])] : undefined;
    return column
      ? translate('gabarit.reference_tables.definition.column_place', { n: Number(match![1]) + 1, name: column.name })
      : '';
  };
  // Each refusal on a column is said on its field as well, as the alert promises (« chacune est indiquée à sa place »).
  const onColumns = detailsUnder(problem, '/columns');
  const fieldProblem = (i: number, field: string) => {
    const messages = [
      ...(onColumns.get(`/${i}/${field}`) ?? []),
      ...(field === 'name' ? (onColumns.get(`/${i}`) ?? []) : []),
    ];
    return messages.length > 0 ? messages.join(' · ') : undefined;
  };
  return (
    <>
      <Button startIcon={<EditIcon />} onClick={start} disabled={blocked}>
        {translate('gabarit.reference_tables.definition.edit')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullScreen={phone} fullWidth maxWidth="md">
        <DialogTitle>{translate('gabarit.reference_tables.definition.title', { name: table.name })}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            {translate('gabarit.reference_tables.definition.explain')}
          </DialogContentText>
          {problem && <ProblemAlert problem={problem} placeOf={columnPlace} onClose={() => setProblem(undefined)} />}
          <Stack spacing={2}>
            <TextField
              label={translate('resources.reference-tables.fields.name')}
              value={form.name}
              required
              onChange={(e) => setForm((f) => ({ ...f, name: e.target.value }))}
              slotProps={{ htmlInput: { maxLength: 200 } }}
            />
            <TextField
              label={translate('resources.reference-tables.fields.description')}
              value={form.description}
              multiline
              minRows={2}
              onChange={(e) => setForm((f) => ({ ...f, description: e.target.value }))}
              slotProps={{ htmlInput: { maxLength: 2000 } }}
            />
            {form.columns.map((column, i) => (
              <Stack
                key={i}
                direction={phone ? 'column' : 'row'}
                spacing={1}
                role="group"
                aria-label={translate('gabarit.reference_tables.definition.column_n', { n: i + 1 })}
                // On a phone each column is a block of four lines: a rule tells one from the next.
                sx={
                  phone
                    ? { alignItems: 'stretch', borderBottom: 1, borderColor: 'divider', pb: 1 }
                    : { alignItems: 'center' }
                }
              >
                <TextField
                  size="small"
                  label={translate('gabarit.reference_tables.column_name')}
                  value={column.name}
                  required
                  error={fieldProblem(i, 'name') !== undefined}
                  helperText={
                    fieldProblem(i, 'name') ??
                    (column.original !== undefined && column.original !== column.name.trim()
                      ? translate('gabarit.reference_tables.definition.renamed_from', { name: column.original })
                      : column.original === undefined
                        ? translate('gabarit.reference_tables.definition.new_column')
                        : ' ')
                  }
                  onChange={(e) => setColumn(i, { name: e.target.value })}
                  sx={{ flex: 2 }}
                />
                <TextField
                  select
                  size="small"
                  label={translate('gabarit.reference_tables.column_type')}
                  value={column.type}
                  error={fieldProblem(i, 'type') !== undefined}
                  helperText={fieldProblem(i, 'type') ?? ' '}
                  onChange={(e) => setColumn(i, { type: e.target.value as ColumnType })}
                  sx={{ flex: 1, minWidth: 140 }}
                >
                  {COLUMN_TYPES.map((type) => (
                    <MenuItem key={type} value={type}>
                      {translate(`gabarit.reference_tables.types.${type}`)}
                    </MenuItem>
                  ))}
                </TextField>
                <FormControlLabel
                  control={
                    <Checkbox
                      checked={column.required}
                      onChange={(e) => setColumn(i, { required: e.target.checked })}
                    />
                  }
                  label={translate('gabarit.reference_tables.required')}
                />
                <IconButton
                  aria-label={translate('gabarit.reference_tables.definition.remove_column', {
                    name: column.name || i + 1,
                  })}
                  disabled={form.columns.length === 1}
                  onClick={() => {
                    // The refusal named columns by position: after a removal it would mark the one that moved up.
                    setProblem(undefined);
                    setForm((f) => ({ ...f, columns: f.columns.filter((_, j) => j !== i) }));
                  }}
                >
                  <DeleteIcon />
                </IconButton>
              </Stack>
            ))}
            <Button
              startIcon={<AddIcon />}
              sx={{ alignSelf: 'flex-start' }}
              onClick={() =>
                setForm((f) => ({ ...f, columns: [...f.columns, { name: '', type: 'string', required: false }] }))
              }
            >
              {translate('gabarit.reference_tables.definition.add_column')}
            </Button>
            <TextField
              select
              label={translate('resources.reference-tables.fields.keyColumn')}
              value={names.includes(form.keyColumn) ? form.keyColumn : ''}
              helperText={translate('gabarit.reference_tables.key_column_help')}
              onChange={(e) => setForm((f) => ({ ...f, keyColumn: e.target.value }))}
            >
              {names.map((name) => (
                <MenuItem key={name} value={name}>
                  {name}
                </MenuItem>
              ))}
            </TextField>
            <ChangeComment value={form.comment} onChange={(comment) => setForm((f) => ({ ...f, comment }))} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button
            variant="contained"
            disabled={saving || form.name.trim() === '' || form.columns.some((c) => c.name.trim() === '')}
            onClick={() => void save()}
          >
            {translate('gabarit.reference_tables.definition.save')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
