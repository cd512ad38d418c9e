import {
  checkCondition,
  isKnownOperator,
  matchesPatternProblem,
  type Condition,
  type ConditionProblem,
} from './condition-model';
import type { FactOption } from './fact-paths';
import { toPointerText } from './json-pointer';
import type { DecisionTable } from './table-model';
import { duplicateIds, treeLines, type TreeNode } from './tree-model';
import type { RuleVocabulary } from './vocabulary';

/** A node's id as the server takes it (ruleset-definition.schema.ts `slug`). */
const NODE_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/**
 * The checks the console can make while the analyst types, each at its JSON Pointer in the definition. The server
 * checks everything again on save (and more: JSON Schema, safe patterns); its answer is shown at the same places.
 */
export function liveChecks(
  format: string,
  definition: unknown,
  facts: FactOption[],
  vocabulary: RuleVocabulary,
): ConditionProblem[] {
  if (definition === null || typeof definition !== 'object') return [{ path: '/', problem: 'not_a_condition' }];
  if (format === 'rules')
    return checkRules(
      definition as { rules?: { conditions: Condition }[]; conditions?: Record<string, Condition> },
      facts,
      vocabulary,
    );
  if (format === 'decisionTable') return checkTable(definition as DecisionTable, vocabulary);
  if (format === 'decisionTree') return checkTree(definition as { root?: TreeNode }, facts, vocabulary);
  return [];
}

function prefixed(problems: ConditionProblem[], prefix: string): ConditionProblem[] {
  return problems.map((p) => ({ ...p, path: `${prefix}${p.path === '/' ? '' : p.path}` }));
}

function checkRules(
  definition: {
    rules?: { conditions: Condition; event?: { type?: string }; priority?: unknown }[];
    conditions?: Record<string, Condition>;
  },
  facts: FactOption[],
  vocabulary: RuleVocabulary,
): ConditionProblem[] {
  const named = Object.keys(definition.conditions ?? {});
  const context = { facts, namedConditions: named, vocabulary };
  const problems: ConditionProblem[] = [];
  (definition.rules ?? []).forEach((rule, i) => {
    problems.push(...prefixed(checkCondition(rule.conditions, context), `/rules/${i}/conditions`));
    if (!rule.event?.type) problems.push({ path: `/rules/${i}/event/type`, problem: 'event_required' });
    // The server refuses the rest on save; said here, as the analyst types « -5 ».
    const { priority } = rule;
    if (
      priority !== undefined &&
      !(Number.isInteger(priority) && (priority as number) >= 1 && (priority as number) <= 1000)
    )
      problems.push({ path: `/rules/${i}/priority`, problem: 'priority_range', args: { min: '1', max: '1000' } });
  });
  for (const name of named)
    problems.push(
      ...prefixed(
        checkCondition(definition.conditions![name], {
          facts,
          namedConditions: named.filter((n) => n !== name),
          vocabulary,
        }),
        `/conditions/${name}`,
      ),
    );
  return problems;
}

function checkTable(table: DecisionTable, vocabulary: RuleVocabulary): ConditionProblem[] {
  const problems: ConditionProblem[] = [];
  const inputIds = new Set((table.inputs ?? []).map((i) => i.id));
  (table.rows ?? []).forEach((row, r) => {
    for (const [id, cell] of Object.entries(row.cells ?? {})) {
      if (!inputIds.has(id))
        problems.push({ path: `/rows/${r}/cells/${id}`, problem: 'unknown_column', args: { column: id } });
      else if (cell && !isKnownOperator(cell.operator, vocabulary))
        problems.push({
          path: `/rows/${r}/cells/${id}/operator`,
          problem: 'unknown_operator',
          args: { operator: cell.operator },
        });
      else if (cell) {
        const pattern = matchesPatternProblem(cell.operator, cell.value);
        if (pattern) problems.push({ path: `/rows/${r}/cells/${id}/value`, problem: pattern });
      }
    }
    if (!row.event?.type) problems.push({ path: `/rows/${r}/event/type`, problem: 'event_required' });
  });
  const rowIds = (table.rows ?? []).map((r) => r.id);
  rowIds.forEach((id, r) => {
    if (rowIds.indexOf(id) !== r) problems.push({ path: `/rows/${r}/id`, problem: 'duplicate_id', args: { id } });
  });
  return problems;
}

function checkTree(
  definition: { root?: TreeNode },
  facts: FactOption[],
  vocabulary: RuleVocabulary,
): ConditionProblem[] {
  if (!definition.root) return [{ path: '/root', problem: 'not_a_condition' }];
  const problems: ConditionProblem[] = [];
  const duplicates = new Set(duplicateIds(definition.root));
  for (const line of treeLines(definition.root)) {
    const at = toPointerText(line.path);
    if (duplicates.has(line.node.id))
      problems.push({ path: `${at}/id`, problem: 'duplicate_id', args: { id: line.node.id } });
    if (line.isLeaf && !line.node.outcome?.type)
      problems.push({ path: `${at}/outcome/type`, problem: 'event_required' });
    // What the server refuses on save, said as it is typed: a new branch starts with these empty (a console review
    // saw five refusals on save, one of them placed on the node above).
    if (typeof line.node.id !== 'string' || !NODE_ID.test(line.node.id))
      problems.push({ path: `${at}/id`, problem: 'node_id_format' });
    for (const field of ['label', 'labelEn'] as const)
      if (typeof line.node[field] === 'string' && line.node[field].trim() === '')
        problems.push({ path: `${at}/${field}`, problem: 'text_required' });
    for (const language of ['fr', 'en'] as const)
      if (typeof line.node.explanation?.[language] === 'string' && line.node.explanation[language].trim() === '')
        problems.push({ path: `${at}/explanation/${language}`, problem: 'text_required' });
    if (line.via?.kind === 'branch') {
      const branchAt = toPointerText(line.path.slice(0, -1));
      const branch = line.path
        .slice(0, -1)
        .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key as string], definition) as {
        when: Condition;
        label?: unknown;
        labelEn?: unknown;
      };
      for (const field of ['label', 'labelEn'] as const)
        if (typeof branch[field] === 'string' && branch[field].trim() === '')
          problems.push({ path: `${branchAt}/${field}`, problem: 'text_required' });
      problems.push(
        ...prefixed(checkCondition(branch.when, { facts, namedConditions: [], vocabulary }), `${branchAt}/when`),
      );
    }
  }
  return problems;
}
