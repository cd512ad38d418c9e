import type { RuleProperties, TopLevelCondition } from 'json-rules-engine';
import type { HitPolicyCheck } from './hit-policy.js';

type Json = Record<string, unknown>;
export type Condition = Json;

/** Per-rule text for the person concerned, in both languages; a tree rule also carries its path. */
export interface RuleExplanation {
  fr?: string;
  en?: string;
  path?: string[];
  /** The same path in English, from each node's or branch's `labelEn` (its French `label` where none). */
  pathEn?: string[];
}

/** A version compiled once: json-rules-engine rules plus what the explanation needs. */
export interface CompiledRules {
  rules: RuleProperties[];
  namedConditions: Record<string, TopLevelCondition>;
  explanations: Map<string, RuleExplanation>;
  /** Decision tables with hit policy `first` stop at the first row that matches. */
  stopAtFirstSuccess: boolean;
  /** Decision tables with hit policy `unique` or `any`: every row is evaluated, then the policy is checked. */
  hitPolicyCheck?: HitPolicyCheck;
}

/** `rules`: the rules as written; json-rules-engine gets exactly what the analyst wrote. */
export function compileRules(definition: Json): CompiledRules {
  const rules = (definition['rules'] as Json[]).map(
    ({ explanation: _e, description: _d, ...rule }) => rule as unknown as RuleProperties,
  );
  const explanations = new Map(
    (definition['rules'] as Json[]).map((rule) => [
      String(rule['name']),
      (rule['explanation'] ?? {}) as RuleExplanation,
    ]),
  );
  return {
    rules,
    namedConditions: (definition['conditions'] ?? {}) as Record<string, TopLevelCondition>,
    explanations,
    stopAtFirstSuccess: false,
  };
}

/**
 * `decisionTable`: one rule per row, its cells ANDed on the columns' facts. Rows keep table order through
 * descending priorities (events come out in table order); with hit policy `first` the run stops after the
 * first row that matches. `unique` and `any` compile as `collect` (every row evaluated, so json-rules-engine
 * and the compiled evaluator still run the same rules); `applyHitPolicy` checks the outcome (docs/adr/0026).
 */
export function compileDecisionTable(definition: Json): CompiledRules {
  const inputs = new Map((definition['inputs'] as Json[]).map((input) => [String(input['id']), input]));
  const rows = definition['rows'] as Json[];
  const first = definition['hitPolicy'] === 'first';
  const rules = rows.map((row, index): RuleProperties => {
    const cells = Object.entries(row['cells'] as Record<string, Json>).map(([inputId, cell]) => {
      const input = inputs.get(inputId)!;
      return {
        fact: String(input['fact']),
        ...(input['path'] ? { path: String(input['path']) } : {}),
        operator: String(cell['operator']),
        value: cell['value'],
      };
    });
    return {
      name: String(row['id']),
      priority: rows.length - index, // table order, for every hit policy
      conditions: { all: cells } as TopLevelCondition,
      event: row['event'] as RuleProperties['event'],
    };
  });
  const explanations = new Map(rows.map((row) => [String(row['id']), (row['explanation'] ?? {}) as RuleExplanation]));
  const policy = definition['hitPolicy'];
  const hitPolicyCheck: HitPolicyCheck | undefined =
    policy === 'unique' || policy === 'any'
      ? { policy, rowIndex: new Map(rows.map((row, index) => [String(row['id']), index])) }
      : undefined;
  return {
    rules,
    namedConditions: {},
    explanations,
    stopAtFirstSuccess: first,
    ...(hitPolicyCheck && { hitPolicyCheck }),
  };
}

/**
 * `decisionTree`: one rule per root-to-leaf path. A branch is taken when its condition holds and no earlier
 * sibling's does; `otherwise` when none does. So exactly one path can fire, and its labels explain it.
 */
export function compileDecisionTree(definition: Json): CompiledRules {
  const rules: RuleProperties[] = [];
  const explanations = new Map<string, RuleExplanation>();
  // A path is kept in both languages: `label` (French first) and `labelEn`. It is read by the person decided
  // about: each question, then the answer of the branch taken; an outcome reached by a labelled branch is not
  // named again (« Statut d'emploi → non admissible → non admissible », « reçu en retard → formulaire en retard »).
  const walk = (
    node: Json,
    conditions: Condition[],
    labels: string[],
    labelsEn: string[],
    ids: string[],
    answered = false,
  ) => {
    const here = [...ids, String(node['id'])];
    const named = !(node['outcome'] && answered);
    const label = named ? [...labels, String(node['label'] ?? node['id'])] : labels;
    const labelEn = named ? [...labelsEn, String(node['labelEn'] ?? node['label'] ?? node['id'])] : labelsEn;
    if (node['outcome']) {
      const name = here.join('>');
      rules.push({
        name,
        conditions: { all: conditions } as TopLevelCondition,
        event: node['outcome'] as RuleProperties['event'],
      });
      explanations.set(name, { ...((node['explanation'] ?? {}) as RuleExplanation), path: label, pathEn: labelEn });
      return;
    }
    const branches = (node['branches'] ?? []) as Json[];
    const earlier: Condition[] = [];
    for (const branch of branches) {
      const when = branch['when'] as Condition;
      const guard = earlier.length > 0 ? [when, { not: { any: [...earlier] } }] : [when];
      walk(
        branch['node'] as Json,
        [...conditions, ...guard],
        branch['label'] ? [...label, String(branch['label'])] : label,
        branch['label'] ? [...labelEn, String(branch['labelEn'] ?? branch['label'])] : labelEn,
        here,
        Boolean(branch['label']),
      );
      earlier.push(when);
    }
    if (node['otherwise']) {
      const guard = earlier.length > 0 ? [{ not: { any: earlier } }] : [];
      walk(node['otherwise'] as Json, [...conditions, ...guard], label, labelEn, here);
    }
  };
  walk(definition['root'] as Json, [], [], [], []);
  return { rules, namedConditions: {}, explanations, stopAtFirstSuccess: false };
}

export function compileDefinition(format: string, definition: Json): CompiledRules {
  if (format === 'decisionTable') return compileDecisionTable(definition);
  if (format === 'decisionTree') return compileDecisionTree(definition);
  return compileRules(definition);
}
