import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import {
  Autocomplete,
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  IconButton,
  MenuItem,
  Paper,
  Stack,
  TextField,
  Tooltip,
} from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import {
  addChild,
  kindOf,
  newLeaf,
  removeNode,
  splitOperator,
  switchGroup,
  toggleNot,
  valueTypeFor,
  comparesOneValue,
  type Condition,
  type Leaf,
} from './condition-model';
import { factLabel, findFact, parseFactLabel, titleOf, valueTitleOf, type FactOption } from './fact-paths';
import { getAt, setAt, toPointerText, type Pointer } from './json-pointer';
import type { ProblemMap } from './problems';
import { useVocabulary } from './vocabulary';
import { ValueInput } from './ValueInput';
import { wordedOptions } from '../../common/worded-options';

interface Shared {
  root: Condition;
  onChange: (root: Condition) => void;
  facts: FactOption[];
  namedConditions: string[];
  problems: ProblemMap;
  /** Pointer of the condition root in the definition, to find the problems placed on each field. */
  prefix: string;
}

const at = (shared: Shared, path: Pointer, field?: string) =>
  shared.problems.get(`${shared.prefix}${toPointerText(path)}${field ? `/${field}` : ''}`) ?? [];

const LeafRow = ({ shared, path }: { shared: Shared; path: Pointer }) => {
  const translate = useTranslate();
  const { operators } = useVocabulary();
  const leaf = getAt(shared.root, path) as Leaf;
  const update = (patch: Partial<Leaf>) => {
    const next: Leaf = { ...leaf, ...patch };
    if (patch.path === undefined && 'path' in patch) delete next.path;
    shared.onChange(setAt(shared.root, path, next));
  };
  const option = findFact(shared.facts, leaf.fact, leaf.path);
  const [locale] = useLocaleState();
  const byLabel = new Map(shared.facts.map((f) => [f.label, f]));
  const { decorators, base } = splitOperator(leaf.operator ?? '');
  const negated = decorators.includes('not');
  const withDecorators = (nextBase: string, not: boolean) =>
    [...decorators.filter((d) => d !== 'not'), ...(not ? ['not'] : []), nextBase].join(':');
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start', flexWrap: 'wrap', rowGap: 1 }}>
      <Autocomplete
        freeSolo
        size="small"
        options={shared.facts.map((f) => f.label)}
        // Listed with the field's name in words where the schema gives one (« Total avec taxes — invoice.total »),
        // and found by either: the box itself keeps the path, which is what the rule stores.
        {...wordedOptions(
          (label) => titleOf(byLabel.get(label), locale),
          (label, title) => `${title} — ${label}`,
        )}
        value={factLabel(leaf.fact, leaf.path)}
        onInputChange={(_, text, reason) => {
          if (reason === 'reset' && text === factLabel(leaf.fact, leaf.path)) return;
          const { fact, path: factPath } = parseFactLabel(text, shared.facts);
          update({ fact, path: factPath });
        }}
        sx={{ minWidth: 240, flex: 2 }}
        renderInput={(params) => {
          const errors = [...at(shared, path, 'fact'), ...at(shared, path, 'path')];
          return (
            <TextField
              {...params}
              label={translate('gabarit.editors.fact')}
              error={errors.length > 0}
              helperText={errors.join(' ') || undefined}
            />
          );
        }}
      />
      <FormControlLabel
        control={
          <Checkbox
            size="small"
            checked={negated}
            onChange={(e) => update({ operator: withDecorators(base, e.target.checked) })}
          />
        }
        label={translate('gabarit.editors.negate')}
      />
      <TextField
        select
        size="small"
        label={translate('gabarit.editors.operator')}
        value={operators.includes(base) ? base : ''}
        onChange={(e) => update({ operator: withDecorators(e.target.value, negated) })}
        error={at(shared, path, 'operator').length > 0}
        helperText={at(shared, path, 'operator').join(' ') || undefined}
        sx={{ minWidth: 200 }}
      >
        {operators.map((op) => (
          <MenuItem key={op} value={op}>
            {translate(`gabarit.editors.operators.${op}`, { _: op })}
          </MenuItem>
        ))}
      </TextField>
      <ValueInput
        label={translate('gabarit.editors.value')}
        value={leaf.value}
        type={valueTypeFor(option?.type, leaf.operator)}
        allowed={comparesOneValue(leaf.operator) ? option?.enum : undefined}
        wordsFor={(value) => valueTitleOf(option, value, locale)}
        errors={at(shared, path, 'value')}
        onChange={(value) => update({ value })}
      />
      <Tooltip title={translate('gabarit.editors.remove_condition')}>
        <IconButton
          aria-label={translate('gabarit.action_for', {
            action: translate('gabarit.editors.remove_condition'),
            what: translate('gabarit.editors.condition_on', { fact: factLabel(leaf.fact, leaf.path) || '—' }),
          })}
          onClick={() => shared.onChange(removeNode(shared.root, path))}
        >
          <DeleteIcon />
        </IconButton>
      </Tooltip>
    </Stack>
  );
};

const NamedRef = ({ shared, path }: { shared: Shared; path: Pointer }) => {
  const translate = useTranslate();
  const node = getAt(shared.root, path) as { condition: string };
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
      <TextField
        select
        size="small"
        label={translate('gabarit.editors.named_condition')}
        value={shared.namedConditions.includes(node.condition) ? node.condition : ''}
        onChange={(e) => shared.onChange(setAt(shared.root, [...path, 'condition'], e.target.value))}
        error={at(shared, path, 'condition').length > 0}
        helperText={at(shared, path, 'condition').join(' ') || undefined}
        sx={{ minWidth: 280 }}
      >
        {shared.namedConditions.map((name) => (
          <MenuItem key={name} value={name}>
            {name}
          </MenuItem>
        ))}
      </TextField>
      <IconButton
        aria-label={translate('gabarit.action_for', {
          action: translate('gabarit.editors.remove_condition'),
          what: translate('gabarit.editors.condition_named', { name: node.condition || '—' }),
        })}
        onClick={() => shared.onChange(removeNode(shared.root, path))}
      >
        <DeleteIcon />
      </IconButton>
    </Stack>
  );
};

const Node = ({ shared, path }: { shared: Shared; path: Pointer }) => {
  const translate = useTranslate();
  const node = getAt(shared.root, path);
  const kind = kindOf(node);
  if (kind === 'leaf') return <LeafRow shared={shared} path={path} />;
  if (kind === 'condition') return <NamedRef shared={shared} path={path} />;
  if (kind === 'not') {
    return (
      <Paper
        variant="outlined"
        sx={{ p: 1, borderStyle: 'dashed' }}
        role="group"
        aria-label={translate('gabarit.editors.not_group')}
      >
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
          <strong>{translate('gabarit.editors.not_group')}</strong>
          <Button size="small" onClick={() => shared.onChange(toggleNot(shared.root, path))}>
            {translate('gabarit.editors.unwrap_not')}
          </Button>
        </Stack>
        <Node shared={shared} path={[...path, 'not']} />
      </Paper>
    );
  }
  if (kind !== 'all' && kind !== 'any')
    return (
      <Box sx={{ color: 'error.main' }}>
        {at(shared, path).join(' ') || translate('gabarit.editors.problems.not_a_condition')}
      </Box>
    );
  const children = (node as Record<string, Condition[]>)[kind] ?? [];
  const groupErrors = at(shared, path, kind);
  return (
    <Paper
      variant="outlined"
      sx={{ p: { xs: 1, sm: 1.5 }, borderLeft: 4, borderLeftColor: kind === 'all' ? 'primary.main' : 'secondary.main' }}
      role="group"
      aria-label={translate(`gabarit.editors.group_${kind}`)}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap' }}>
        <TextField
          select
          size="small"
          label={translate('gabarit.editors.group')}
          value={kind}
          onChange={(e) => shared.onChange(switchGroup(shared.root, path, e.target.value as 'all' | 'any'))}
          sx={{ minWidth: 260 }}
        >
          <MenuItem value="all">{translate('gabarit.editors.group_all')}</MenuItem>
          <MenuItem value="any">{translate('gabarit.editors.group_any')}</MenuItem>
        </TextField>
        <Button
          size="small"
          startIcon={<AddIcon />}
          onClick={() => shared.onChange(addChild(shared.root, path, newLeaf(shared.facts)))}
        >
          {translate('gabarit.editors.add_condition')}
        </Button>
        <Button
          size="small"
          startIcon={<AddIcon />}
          onClick={() => shared.onChange(addChild(shared.root, path, { all: [newLeaf(shared.facts)] }))}
        >
          {translate('gabarit.editors.add_group')}
        </Button>
        {shared.namedConditions.length > 0 && (
          <Button
            size="small"
            startIcon={<AddIcon />}
            onClick={() => shared.onChange(addChild(shared.root, path, { condition: shared.namedConditions[0]! }))}
          >
            {translate('gabarit.editors.add_named')}
          </Button>
        )}
        <Button size="small" onClick={() => shared.onChange(toggleNot(shared.root, path))}>
          {translate('gabarit.editors.wrap_not')}
        </Button>
        {path.length > 0 && (
          <Button size="small" color="error" onClick={() => shared.onChange(removeNode(shared.root, path))}>
            {translate('gabarit.editors.remove_group')}
          </Button>
        )}
      </Stack>
      {groupErrors.length > 0 && <Box sx={{ color: 'error.main', mb: 1 }}>{groupErrors.join(' ')}</Box>}
      <Stack spacing={1} sx={{ pl: { xs: 0.5, sm: 2 } }}>
        {children.map((_, i) => (
          <Node key={i} shared={shared} path={[...path, kind, i]} />
        ))}
      </Stack>
    </Paper>
  );
};

/** Nested all/any/not groups of conditions on facts picked from the input schema, edited in place. */
export const ConditionBuilder = (props: Shared) => <Node shared={props} path={[]} />;
