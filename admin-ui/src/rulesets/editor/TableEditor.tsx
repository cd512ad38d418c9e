import AddIcon from '@mui/icons-material/Add';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import {
  Autocomplete,
  Box,
  Button,
  IconButton,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
} from '@mui/material';
import { alpha } from '@mui/material/styles';
import { useLocaleState, useTranslate } from 'react-admin';
import { ANALYSIS_TARGET, findingsUnder, useAnalysisFindings, worst } from '../analysis/analysis-model';
import { FindingList } from '../analysis/FindingList';
import { factLabel, findFact, parseFactLabel, valueTitleOf, type FactOption } from './fact-paths';
import { setAt } from './json-pointer';
import type { ProblemMap } from './problems';
import {
  addInput,
  addRow,
  moveInput,
  moveRow,
  removeInput,
  removeRow,
  setCell,
  type DecisionTable,
} from './table-model';
import { comparesOneValue, valueTypeFor } from './condition-model';
import { useVocabulary } from './vocabulary';
import { ParamsInput } from './ParamsInput';
import { ValueInput } from './ValueInput';
import { OutcomeInput } from './OutcomeInput';

/** The server's hit policies (docs/adr/0026), in the order the selector offers them. */
const HIT_POLICIES: DecisionTable['hitPolicy'][] = ['first', 'collect', 'unique', 'any'];

interface Props {
  definition: DecisionTable;
  onChange: (definition: DecisionTable) => void;
  facts: FactOption[];
  problems: ProblemMap;
}

/** A decision table as an editable grid: one column per input, one row per rule, in the order the hit policy reads them. */
export const TableEditor = ({ definition: table, onChange, facts, problems }: Props) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { operators } = useVocabulary();
  const findings = useAnalysisFindings();
  // What the analysis says of the table as a whole (gaps), of no one row.
  const tableFindings = findings.filter((f) => !/^\/rows\/\d+(\/|$)/.test(f.path));
  const errors = (path: string) => problems.get(path) ?? [];
  const text = (path: (string | number)[], label: string, value: string | undefined) => {
    const e = errors(`/${path.join('/')}`);
    return (
      <TextField
        size="small"
        fullWidth
        label={label}
        value={value ?? ''}
        error={e.length > 0}
        helperText={e.join(' ') || undefined}
        onChange={(ev) => onChange(setAt(table, path, ev.target.value))}
      />
    );
  };
  return (
    <Box>
      {/* Wraps on a phone: in one row, the add buttons ran 70 px past a 390 px screen and the page scrolled sideways. */}
      <Stack direction="row" sx={{ alignItems: 'flex-start', mb: 2, flexWrap: 'wrap', gap: 2 }}>
        <TextField
          select
          size="small"
          label={translate('gabarit.editors.hit_policy')}
          value={table.hitPolicy}
          onChange={(e) => onChange({ ...table, hitPolicy: e.target.value as DecisionTable['hitPolicy'] })}
          error={errors('/hitPolicy').length > 0}
          helperText={
            errors('/hitPolicy').join(' ') ||
            (HIT_POLICIES.includes(table.hitPolicy)
              ? translate(`gabarit.editors.hit_${table.hitPolicy}_help`)
              : undefined)
          }
          sx={{ minWidth: { xs: '100%', sm: 280 }, maxWidth: 440 }}
        >
          {HIT_POLICIES.map((policy) => (
            <MenuItem key={policy} value={policy}>
              {translate(`gabarit.editors.hit_${policy}`)}
            </MenuItem>
          ))}
        </TextField>
        <Button
          startIcon={<AddIcon />}
          onClick={() => onChange(addInput(table, { fact: facts[0]?.fact ?? '', label: '' }))}
        >
          {translate('gabarit.editors.add_column')}
        </Button>
        <Button startIcon={<AddIcon />} onClick={() => onChange(addRow(table))}>
          {translate('gabarit.editors.add_row')}
        </Button>
      </Stack>
      {tableFindings.length > 0 && (
        <Box {...{ [ANALYSIS_TARGET]: '/rows' }} tabIndex={-1} sx={{ mb: 2, '&:focus': { outline: 2 } }}>
          <FindingList findings={tableFindings} />
        </Box>
      )}
      {/* At most a screen tall, its header kept in view: the sideways scrollbar of a wide table was at the bottom of
          a table several screens tall, and a row's buttons out of reach on its right (a console review). */}
      <Box sx={{ overflow: 'auto', maxHeight: '75vh' }}>
        <Table size="small" stickyHeader aria-label={translate('gabarit.formats.decisionTable')}>
          <TableHead>
            <TableRow>
              <TableCell scope="col">{translate('gabarit.editors.row_id')}</TableCell>
              {table.inputs.map((input, c) => (
                <TableCell key={input.id} scope="col" sx={{ minWidth: 260, verticalAlign: 'top' }}>
                  <Stack spacing={1}>
                    {text(['inputs', c, 'label'], translate('gabarit.editors.column_label'), input.label)}
                    <Autocomplete
                      freeSolo
                      size="small"
                      options={facts.map((f) => f.label)}
                      value={factLabel(input.fact, input.path)}
                      onInputChange={(_, value) => {
                        const { fact, path } = parseFactLabel(value, facts);
                        const { path: _old, ...rest } = input;
                        onChange(setAt(table, ['inputs', c], { ...rest, fact, ...(path ? { path } : {}) }));
                      }}
                      renderInput={(params) => (
                        <TextField
                          {...params}
                          label={translate('gabarit.editors.fact')}
                          error={errors(`/inputs/${c}/fact`).length > 0}
                          helperText={errors(`/inputs/${c}/fact`).join(' ') || undefined}
                        />
                      )}
                    />
                    <Stack direction="row">
                      <IconButton
                        size="small"
                        aria-label={translate('gabarit.editors.move_left')}
                        disabled={c === 0}
                        onClick={() => onChange(moveInput(table, c, -1))}
                      >
                        <ChevronLeftIcon />
                      </IconButton>
                      <IconButton
                        size="small"
                        aria-label={translate('gabarit.editors.move_right')}
                        disabled={c === table.inputs.length - 1}
                        onClick={() => onChange(moveInput(table, c, 1))}
                      >
                        <ChevronRightIcon />
                      </IconButton>
                      <IconButton
                        size="small"
                        aria-label={translate('gabarit.editors.remove_column')}
                        onClick={() => onChange(removeInput(table, c))}
                      >
                        <DeleteIcon />
                      </IconButton>
                    </Stack>
                  </Stack>
                </TableCell>
              ))}
              <TableCell scope="col" sx={{ minWidth: 200 }}>
                {translate('gabarit.editors.outcome')}
              </TableCell>
              <TableCell scope="col" sx={{ minWidth: 280 }}>
                {translate('gabarit.editors.explanation')}
              </TableCell>
              <TableCell scope="col">{translate('gabarit.versions.actions')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {table.rows.map((row, r) => {
              const rowFindings = findingsUnder(findings, `/rows/${r}`);
              const severity = worst(rowFindings);
              const forRow = (action: string) =>
                translate('gabarit.action_for', {
                  action: translate(action),
                  what: translate('gabarit.editors.row_named', { name: row.id || r + 1 }),
                });
              return (
                <TableRow
                  key={r}
                  {...{ [ANALYSIS_TARGET]: `/rows/${r}` }}
                  tabIndex={-1}
                  sx={{
                    ...(severity && {
                      bgcolor: (theme) => alpha(theme.palette[severity].main, 0.08),
                      boxShadow: (theme) => `inset 4px 0 0 ${theme.palette[severity].main}`,
                    }),
                    '&:focus': { outline: 2, outlineColor: 'primary.main' },
                  }}
                >
                  <TableCell sx={{ verticalAlign: 'top', minWidth: severity ? 240 : 140 }}>
                    {text(['rows', r, 'id'], translate('gabarit.editors.row_id'), row.id)}
                    <FindingList findings={findingsUnder(rowFindings, `/rows/${r}`, [`/rows/${r}/cells`])} />
                  </TableCell>
                  {table.inputs.map((input) => {
                    const cell = row.cells[input.id];
                    const option = findFact(facts, input.fact, input.path);
                    const type = option?.type;
                    const cellPath = `/rows/${r}/cells/${input.id}`;
                    return (
                      <TableCell
                        key={input.id}
                        sx={{ verticalAlign: 'top', '&:focus': { outline: 2, outlineColor: 'primary.main' } }}
                        {...{ [ANALYSIS_TARGET]: cellPath }}
                        tabIndex={-1}
                      >
                        <Stack spacing={1}>
                          <TextField
                            select
                            size="small"
                            label={translate('gabarit.editors.operator')}
                            value={cell?.operator ?? ''}
                            // An empty cell is « (toute valeur) », written: the empty choice drew a blank box.
                            slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
                            error={errors(`${cellPath}/operator`).length > 0}
                            helperText={errors(`${cellPath}/operator`).join(' ') || undefined}
                            onChange={(e) =>
                              onChange(
                                setCell(
                                  table,
                                  r,
                                  input.id,
                                  e.target.value ? { operator: e.target.value, value: cell?.value ?? '' } : undefined,
                                ),
                              )
                            }
                          >
                            <MenuItem value="">{translate('gabarit.editors.any_value')}</MenuItem>
                            {operators.map((op) => (
                              <MenuItem key={op} value={op}>
                                {translate(`gabarit.editors.operators.${op}`, { _: op })}
                              </MenuItem>
                            ))}
                          </TextField>
                          {cell && (
                            <ValueInput
                              label={translate('gabarit.editors.value')}
                              value={cell.value}
                              type={valueTypeFor(type, cell.operator)}
                              allowed={comparesOneValue(cell.operator) ? option?.enum : undefined}
                              wordsFor={(value) => valueTitleOf(option, value, locale)}
                              errors={errors(`${cellPath}/value`)}
                              onChange={(value) => onChange(setCell(table, r, input.id, { ...cell, value }))}
                            />
                          )}
                          <FindingList findings={findingsUnder(rowFindings, cellPath)} />
                        </Stack>
                      </TableCell>
                    );
                  })}
                  <TableCell sx={{ verticalAlign: 'top' }}>
                    <Stack spacing={1}>
                      <OutcomeInput
                        label={translate('gabarit.editors.event_type')}
                        value={row.event.type}
                        used={table.rows.map((other) => other.event.type)}
                        errors={errors(`/rows/${r}/event/type`)}
                        onChange={(type) => onChange(setAt(table, ['rows', r, 'event', 'type'], type))}
                      />
                      <ParamsInput
                        value={row.event.params}
                        errors={errors(`/rows/${r}/event/params`)}
                        onChange={(params) =>
                          onChange(
                            setAt(table, ['rows', r, 'event'], { type: row.event.type, ...(params ? { params } : {}) }),
                          )
                        }
                      />
                    </Stack>
                  </TableCell>
                  <TableCell sx={{ verticalAlign: 'top' }}>
                    <Stack spacing={1}>
                      {text(
                        ['rows', r, 'explanation', 'fr'],
                        translate('gabarit.editors.explanation_fr'),
                        row.explanation?.fr,
                      )}
                      {text(
                        ['rows', r, 'explanation', 'en'],
                        translate('gabarit.editors.explanation_en'),
                        row.explanation?.en,
                      )}
                    </Stack>
                  </TableCell>
                  <TableCell sx={{ verticalAlign: 'top', whiteSpace: 'nowrap' }}>
                    <IconButton
                      size="small"
                      aria-label={forRow('gabarit.editors.move_up')}
                      disabled={r === 0}
                      onClick={() => onChange(moveRow(table, r, -1))}
                    >
                      <ArrowUpwardIcon />
                    </IconButton>
                    <IconButton
                      size="small"
                      aria-label={forRow('gabarit.editors.move_down')}
                      disabled={r === table.rows.length - 1}
                      onClick={() => onChange(moveRow(table, r, 1))}
                    >
                      <ArrowDownwardIcon />
                    </IconButton>
                    <IconButton
                      size="small"
                      aria-label={forRow('gabarit.editors.remove_row')}
                      onClick={() => onChange(removeRow(table, r))}
                    >
                      <DeleteIcon />
                    </IconButton>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </Box>
    </Box>
  );
};
