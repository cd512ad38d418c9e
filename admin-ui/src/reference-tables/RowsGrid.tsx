import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import {
  Alert,
  Box,
  Button,
  IconButton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TablePagination,
  TableRow,
  Typography,
} from '@mui/material';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useLocaleState, useNotify, useTranslate } from 'react-admin';
import { ProblemAlert } from '../common/ProblemAlert';
import { toProblem, type Problem } from '../common/api-error';
import { cellProblemsFrom } from './api-paths';
import { cellId, gridToRows, rowsToGrid, type CellProblems, type Column, type GridRow } from './cells';
import { GridCell } from './GridCell';
import { StaleAlert } from './StaleAlert';
import { sendChange, type LoadedTable } from './useReferenceTable';
import { ChangeComment } from './ChangeComment';
import { visuallyHidden } from '../common/visually-hidden';

interface Props {
  loaded: LoadedTable;
  editable: boolean;
  onSaved: (next: LoadedTable) => void;
  onDirtyChange: (dirty: boolean) => void;
  reload: () => Promise<void>;
}

/** The column's name with its type and role in words (not only a style), for the header and screen readers. */
const ColumnHeader = ({ column, isKey }: { column: Column; isKey: boolean }) => {
  const translate = useTranslate();
  const notes = [
    translate(`gabarit.reference_tables.types.${column.type}`),
    ...(isKey ? [translate('gabarit.reference_tables.key_column')] : []),
    ...(column.required && !isKey ? [translate('gabarit.reference_tables.required')] : []),
  ];
  return (
    <>
      <Typography variant="subtitle2" component="span" sx={{ display: 'block' }}>
        {column.name}
      </Typography>
      <Typography variant="caption" component="span">
        {notes.join(', ')}
      </Typography>
    </>
  );
};

/**
 * The rows of a table in an editable grid: typed cells, rows added and deleted, saved at once with If-Match.
 * The API's problems land on their cells; a 412 says someone else changed the table and offers to reload it.
 */
const ADD_ROW_ID = 'reference-table-add-row';

export const RowsGrid = ({ loaded, editable, onSaved, onDirtyChange, reload }: Props) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const { table, etag } = loaded;
  const initial = useMemo(() => rowsToGrid(table.rows, table.columns, locale), [table, locale]);
  const [grid, setGrid] = useState<GridRow[]>(initial);
  const [nextUid, setNextUid] = useState(initial.length);
  const [dirty, setDirty] = useState(false);
  const [cells, setCells] = useState<CellProblems>(new Map());
  const [problem, setProblem] = useState<Problem | undefined>();
  const [saving, setSaving] = useState(false);
  // Why the rows change: what an approver reads beside them when published rule sets read the table.
  const [comment, setComment] = useState('');
  const [page, setPage] = useState(0);
  const [perPage, setPerPage] = useState(25);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const change = (next: GridRow[]) => {
    setGrid(next);
    setDirty(true);
  };
  const editCell = (uid: number, column: string, text: string) => {
    change(grid.map((row) => (row.uid === uid ? { ...row, cells: { ...row.cells, [column]: text } } : row)));
    if (cells.has(cellId(uid, column))) setCells(new Map([...cells].filter(([id]) => id !== cellId(uid, column))));
  };
  // The cell a new row's first column should take the focus in, once drawn: the keyboard had stayed on the button.
  const focusCell = useRef<string | null>(null);
  useEffect(() => {
    if (focusCell.current === null) return;
    document.getElementById(focusCell.current)?.focus();
    focusCell.current = null;
  });
  const addRow = () => {
    change([...grid, { uid: nextUid, cells: Object.fromEntries(table.columns.map((c) => [c.name, ''])) }]);
    if (table.columns[0]) focusCell.current = `cell-${nextUid}-${table.columns[0].name}`;
    setNextUid(nextUid + 1);
    setPage(Math.floor(grid.length / perPage));
  };
  // Removed, a row's button went with the focus, to the page's body: the keyboard goes on from the row that takes
  // its place (or the one before it), and the removal is said.
  const [announced, setAnnounced] = useState('');
  const deleteRow = (uid: number, rowNumber: number) => {
    const at = grid.findIndex((row) => row.uid === uid);
    const next = grid.filter((row) => row.uid !== uid);
    change(next);
    const successor = next[at] ?? next[at - 1];
    focusCell.current = successor ? `delete-${successor.uid}` : ADD_ROW_ID;
    // Its key said too: removing the next row at the same place would otherwise say the same words, which a screen
    // reader does not announce again.
    const key = grid[at]?.cells[table.keyColumn] || '—';
    setAnnounced(translate('gabarit.reference_tables.row_deleted', { row: rowNumber, key }));
  };
  const cancel = () => {
    setGrid(initial);
    setDirty(false);
    setCells(new Map());
    setProblem(undefined);
    focusCell.current = ADD_ROW_ID; // « Annuler » is disabled once done, which had left the focus nowhere
  };
  const showFirstProblem = (found: CellProblems) => {
    const index = grid.findIndex((row) => table.columns.some((c) => found.has(cellId(row.uid, c.name))));
    if (index >= 0) setPage(Math.floor(index / perPage));
  };

  const save = async () => {
    const { rows, problems } = gridToRows(grid, table.columns, locale);
    setProblem(undefined);
    setCells(problems);
    if (problems.size > 0) return showFirstProblem(problems);
    setSaving(true);
    try {
      const next = await sendChange(table.key, 'rows', 'PUT', etag, {
        rows,
        ...(comment.trim() && { comment: comment.trim() }),
      });
      if (next.table.pending) notify('gabarit.reference_tables.pending.proposed', { type: 'info' });
      else
        notify('gabarit.reference_tables.saved', {
          type: 'success',
          messageArgs: { smart_count: next.table.rowCount },
        });
      onSaved(next);
    } catch (err) {
      const found = toProblem(err);
      const placed = cellProblemsFrom(found, grid);
      setCells(placed.cells);
      setProblem({ ...found, details: placed.other });
      showFirstProblem(placed.cells);
    } finally {
      setSaving(false);
    }
  };

  // The page asked for, within the rows there are: after a cancel or a removal the grid may have fewer pages, and
  // a page past its end showed no row under « 376-400 sur 400 ».
  const shownPage = Math.min(page, Math.max(0, Math.ceil(grid.length / perPage) - 1));
  const visible = grid.slice(shownPage * perPage, (shownPage + 1) * perPage);
  const readOnlyText = (column: Column, text: string) =>
    column.type === 'boolean' && text !== ''
      ? translate(text === 'true' ? 'gabarit.reference_tables.yes' : 'gabarit.reference_tables.no')
      : text;
  return (
    <Box>
      {problem?.status === 412 && <StaleAlert onReload={reload} />}
      {problem && problem.status !== 412 && (
        <ProblemAlert problem={problem}>
          {cells.size > 0 && translate('gabarit.reference_tables.cells_to_fix', { smart_count: cells.size })}
        </ProblemAlert>
      )}
      {!problem && cells.size > 0 && (
        <Alert severity="error" role="alert" sx={{ my: 1 }}>
          {translate('gabarit.reference_tables.cells_unreadable', { smart_count: cells.size })}
        </Alert>
      )}
      {/* Read only, a wide table scrolls sideways with nothing in it to focus: the box itself takes the keyboard. */}
      <Box
        sx={{ overflowX: 'auto' }}
        {...(!editable && {
          tabIndex: 0,
          role: 'region',
          'aria-label': translate('gabarit.reference_tables.rows_title'),
        })}
      >
        <Table size="small" aria-label={translate('gabarit.reference_tables.rows_title')}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('gabarit.reference_tables.row_number')}</TableCell>
              {table.columns.map((column) => (
                <TableCell key={column.name}>
                  <ColumnHeader column={column} isKey={column.name === table.keyColumn} />
                </TableCell>
              ))}
              {editable && <TableCell>{translate('gabarit.reference_tables.row_actions')}</TableCell>}
            </TableRow>
          </TableHead>
          <TableBody>
            {visible.map((row, i) => {
              const rowNumber = shownPage * perPage + i + 1;
              return (
                <TableRow key={row.uid}>
                  <TableCell>{rowNumber}</TableCell>
                  {table.columns.map((column) => (
                    // A date is read whole: broken at its hyphen (« 2015- / 11-02 ») it read as two values.
                    <TableCell
                      key={column.name}
                      sx={{ verticalAlign: 'top', ...(column.type === 'date' && { whiteSpace: 'nowrap' }) }}
                    >
                      {editable ? (
                        <GridCell
                          id={`cell-${row.uid}-${column.name}`}
                          column={column}
                          rowNumber={rowNumber}
                          text={row.cells[column.name] ?? ''}
                          messages={cells.get(cellId(row.uid, column.name)) ?? []}
                          onChange={(text) => editCell(row.uid, column.name, text)}
                        />
                      ) : (
                        readOnlyText(column, row.cells[column.name] ?? '')
                      )}
                    </TableCell>
                  ))}
                  {editable && (
                    <TableCell>
                      <IconButton
                        id={`delete-${row.uid}`}
                        onClick={() => deleteRow(row.uid, rowNumber)}
                        aria-label={translate('gabarit.reference_tables.delete_row', { row: rowNumber })}
                      >
                        <DeleteIcon />
                      </IconButton>
                    </TableCell>
                  )}
                </TableRow>
              );
            })}
            {grid.length === 0 && (
              <TableRow>
                <TableCell colSpan={table.columns.length + 2}>
                  {translate('gabarit.reference_tables.no_rows')}
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </Box>
      <TablePagination
        component="div"
        count={grid.length}
        page={shownPage}
        rowsPerPage={perPage}
        rowsPerPageOptions={[10, 25, 50, 100]}
        onPageChange={(_e, next) => setPage(next)}
        onRowsPerPageChange={(e) => {
          setPerPage(Number(e.target.value));
          setPage(0);
        }}
        labelRowsPerPage={translate('ra.navigation.page_rows_per_page')}
        labelDisplayedRows={({ from, to, count }) =>
          translate('ra.navigation.page_range_info', { offsetBegin: from, offsetEnd: to, total: count })
        }
        getItemAriaLabel={(type) => translate(`ra.navigation.${type}`)}
      />
      <Box role="status" aria-live="polite" sx={visuallyHidden}>
        {announced}
      </Box>
      {editable && dirty && <ChangeComment value={comment} onChange={setComment} />}
      {editable && (
        <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
          <Button id={ADD_ROW_ID} startIcon={<AddIcon />} onClick={addRow}>
            {translate('gabarit.reference_tables.add_row')}
          </Button>
          <Button variant="contained" onClick={() => void save()} disabled={!dirty || saving}>
            {translate('gabarit.reference_tables.save_rows')}
          </Button>
          <Button onClick={cancel} disabled={!dirty || saving}>
            {translate('gabarit.reference_tables.cancel_changes')}
          </Button>
        </Stack>
      )}
    </Box>
  );
};
