import AddIcon from '@mui/icons-material/Add';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Box,
  Button,
  Chip,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { ANALYSIS_TARGET, findingsUnder, useAnalysisFindings, worst } from '../analysis/analysis-model';
import { FindingList } from '../analysis/FindingList';
import { ConditionBuilder } from './ConditionBuilder';
import type { Condition } from './condition-model';
import { newLeaf } from './condition-model';
import type { FactOption } from './fact-paths';
import { moveAt, removeAt, setAt } from './json-pointer';
import { NewNamedCondition } from './NewNamedCondition';
import { ParamsInput } from './ParamsInput';
import { countUnder, type ProblemMap } from './problems';
import { ValueInput } from './ValueInput';
import { OutcomeInput } from './OutcomeInput';
import { outcomeWords } from '../../common/outcomes';

interface Rule {
  name?: string;
  priority?: number;
  conditions: Condition;
  event: { type: string; params?: Record<string, unknown> };
  explanation?: { fr?: string; en?: string };
}
export interface RulesDefinition {
  rules: Rule[];
  conditions?: Record<string, Condition>;
}

interface Props {
  definition: RulesDefinition;
  onChange: (definition: RulesDefinition) => void;
  facts: FactOption[];
  problems: ProblemMap;
}

const fieldErrors = (problems: ProblemMap, path: string) => problems.get(path) ?? [];

/** What the server takes as a rule's priority (the greatest is evaluated first). */
const PRIORITY_RANGE = { min: 1, max: 1000, problem: 'priority_range' };

/** The rules of a `rules` rule set, each with its condition builder, event and explanation; then the named conditions. */
export const RulesEditor = ({ definition, onChange, facts, problems }: Props) => {
  const translate = useTranslate();
  const named = Object.keys(definition.conditions ?? {});
  const findings = useAnalysisFindings();
  const set = (path: (string | number)[], value: unknown) => onChange(setAt(definition, path, value));
  const text = (path: (string | number)[], label: string, value: string | undefined, multiline = false) => {
    const errors = fieldErrors(problems, `/${path.join('/')}`);
    return (
      <TextField
        size="small"
        fullWidth={multiline}
        multiline={multiline}
        sx={multiline ? undefined : { flex: 1 }}
        label={label}
        value={value ?? ''}
        error={errors.length > 0}
        helperText={errors.join(' ') || undefined}
        onChange={(e) => set(path, e.target.value)}
      />
    );
  };
  return (
    <Box>
      <Typography variant="h3" sx={{ fontSize: '1.1rem', my: 1 }}>
        {translate('gabarit.editors.rules')}
      </Typography>
      {definition.rules.map((rule, i) => {
        const issues = countUnder(problems, `/rules/${i}`);
        const ruleFindings = findingsUnder(findings, `/rules/${i}`);
        const severity = worst(ruleFindings);
        const forRule = (action: string) =>
          translate('gabarit.action_for', {
            action: translate(action),
            what: translate('gabarit.editors.rule_named', { name: rule.name || i + 1 }),
          });
        return (
          <Box
            key={i}
            {...{ [ANALYSIS_TARGET]: `/rules/${i}` }}
            tabIndex={-1}
            sx={{
              ...(severity && { borderLeft: 4, borderColor: `${severity}.main` }),
              '&:focus': { outline: 2, outlineColor: 'primary.main' },
            }}
          >
            <Accordion disableGutters slotProps={{ transition: { unmountOnExit: true } }}>
              <AccordionSummary
                expandIcon={<ExpandMoreIcon />}
                aria-controls={`rule-${i}-content`}
                id={`rule-${i}-header`}
              >
                {/* Wraps on a phone: the decision in words is long, and it pushed the name and the chevron off. */}
                <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1, minWidth: 0 }}>
                  <Typography sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
                    {rule.name || translate('gabarit.editors.unnamed_rule', { n: i + 1 })}
                  </Typography>
                  {/* The decision in words (the code is in the field below, and in the chip's title). */}
                  <Chip
                    size="small"
                    variant="outlined"
                    label={rule.event?.type ? outcomeWords(rule.event.type, translate) : '—'}
                    title={rule.event?.type}
                    sx={{ maxWidth: '100%' }}
                  />
                  {issues > 0 && (
                    <Chip
                      size="small"
                      color="error"
                      label={translate('gabarit.editors.problem_count', { smart_count: issues })}
                    />
                  )}
                </Stack>
              </AccordionSummary>
              <AccordionDetails>
                <Stack spacing={2}>
                  <Stack direction="row" spacing={1}>
                    {text(['rules', i, 'name'], translate('gabarit.editors.rule_name'), rule.name)}
                    {/* Emptied, it says so and holds Save: Number('') had saved a priority of 0 without a word. */}
                    <ValueInput
                      width={130}
                      type="integer"
                      label={translate('gabarit.editors.priority')}
                      value={rule.priority ?? 1}
                      range={PRIORITY_RANGE}
                      errors={fieldErrors(problems, `/rules/${i}/priority`)}
                      onChange={(priority) => set(['rules', i, 'priority'], priority)}
                    />
                    <OutcomeInput
                      label={translate('gabarit.editors.event_type')}
                      value={rule.event?.type}
                      used={definition.rules.map((r) => r.event?.type ?? '')}
                      errors={fieldErrors(problems, `/rules/${i}/event/type`)}
                      onChange={(type) => set(['rules', i, 'event', 'type'], type)}
                    />
                  </Stack>
                  <ParamsInput
                    value={rule.event?.params}
                    errors={fieldErrors(problems, `/rules/${i}/event/params`)}
                    onChange={(params) =>
                      set(['rules', i, 'event'], { type: rule.event?.type ?? '', ...(params ? { params } : {}) })
                    }
                  />
                  <ConditionBuilder
                    root={rule.conditions}
                    onChange={(c) => set(['rules', i, 'conditions'], c)}
                    facts={facts}
                    namedConditions={named}
                    problems={problems}
                    prefix={`/rules/${i}/conditions`}
                  />
                  {text(
                    ['rules', i, 'explanation', 'fr'],
                    translate('gabarit.editors.explanation_fr'),
                    rule.explanation?.fr,
                    true,
                  )}
                  {text(
                    ['rules', i, 'explanation', 'en'],
                    translate('gabarit.editors.explanation_en'),
                    rule.explanation?.en,
                    true,
                  )}
                  <Stack direction="row" spacing={1}>
                    <Button
                      size="small"
                      aria-label={forRule('gabarit.editors.move_up')}
                      disabled={i === 0}
                      onClick={() => onChange(moveAt(definition, ['rules', i], -1))}
                    >
                      {translate('gabarit.editors.move_up')}
                    </Button>
                    <Button
                      size="small"
                      aria-label={forRule('gabarit.editors.move_down')}
                      disabled={i === definition.rules.length - 1}
                      onClick={() => onChange(moveAt(definition, ['rules', i], 1))}
                    >
                      {translate('gabarit.editors.move_down')}
                    </Button>
                    <Button
                      size="small"
                      color="error"
                      aria-label={forRule('gabarit.editors.remove_rule')}
                      onClick={() => onChange(removeAt(definition, ['rules', i]))}
                    >
                      {translate('gabarit.editors.remove_rule')}
                    </Button>
                  </Stack>
                </Stack>
              </AccordionDetails>
            </Accordion>
            {ruleFindings.length > 0 && (
              <Box sx={{ px: 2, py: 1 }}>
                <FindingList findings={ruleFindings} />
              </Box>
            )}
          </Box>
        );
      })}
      <Button
        startIcon={<AddIcon />}
        sx={{ mt: 1 }}
        onClick={() =>
          set(
            ['rules'],
            [
              ...definition.rules,
              { name: '', conditions: { all: [newLeaf(facts)] }, event: { type: '' }, explanation: { fr: '', en: '' } },
            ],
          )
        }
      >
        {translate('gabarit.editors.add_rule')}
      </Button>
      <Typography variant="h3" sx={{ fontSize: '1.1rem', mt: 3, mb: 1 }}>
        {translate('gabarit.editors.named_conditions')}
      </Typography>
      {named.map((name) => (
        <Accordion key={name} disableGutters slotProps={{ transition: { unmountOnExit: true } }}>
          <AccordionSummary expandIcon={<ExpandMoreIcon />}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <Typography sx={{ fontFamily: 'monospace' }}>{name}</Typography>
              {countUnder(problems, `/conditions/${name}`) > 0 && (
                <Chip
                  size="small"
                  color="error"
                  label={translate('gabarit.editors.problem_count', {
                    smart_count: countUnder(problems, `/conditions/${name}`),
                  })}
                />
              )}
            </Stack>
          </AccordionSummary>
          <AccordionDetails>
            <ConditionBuilder
              root={definition.conditions![name]!}
              onChange={(c) => set(['conditions', name], c)}
              facts={facts}
              namedConditions={named.filter((n) => n !== name)}
              problems={problems}
              prefix={`/conditions/${name}`}
            />
          </AccordionDetails>
        </Accordion>
      ))}
      <NewNamedCondition taken={named} onAdd={(name) => set(['conditions', name], { all: [newLeaf(facts)] })} />
    </Box>
  );
};
