import type { RuleResult } from 'json-rules-engine';

/** One leaf condition as evaluated: what was compared, the fact's actual value, and the outcome. */
export interface ConditionTrace {
  fact: string;
  path?: string;
  operator: string;
  value: unknown;
  factValue: unknown;
  result: boolean | null;
  /** The values left out for their size (trace-bounds.ts), in place of `value` or `factValue`. */
  omitted?: { value?: OmittedValue; factValue?: OmittedValue };
}

/** What a value left out of a trace was: its kind, and how many items, entries or characters it held. */
export interface OmittedValue {
  type: 'array' | 'object' | 'string';
  length: number;
}

export interface RuleTrace {
  name: string;
  event: { type: string; params?: Record<string, unknown> };
  conditions: ConditionTrace[];
}

type Node = Record<string, unknown>;

/** Flattens json-rules-engine's annotated condition tree; conditions skipped by short-circuit have result null. */
export function traceRule(result: RuleResult): RuleTrace {
  const json = (typeof result.toJSON === 'function' ? result.toJSON(false) : result) as unknown as Node;
  const conditions: ConditionTrace[] = [];
  const walk = (node: Node | undefined) => {
    if (!node) return;
    for (const group of ['all', 'any'] as const) if (Array.isArray(node[group])) (node[group] as Node[]).forEach(walk);
    if (node['not']) walk(node['not'] as Node);
    if (typeof node['fact'] === 'string') {
      conditions.push({
        fact: node['fact'],
        ...(typeof node['path'] === 'string' ? { path: node['path'] } : {}),
        operator: String(node['operator']),
        value: node['valueResult'] ?? node['value'],
        factValue: node['factResult'],
        result: typeof node['result'] === 'boolean' ? node['result'] : null,
      });
    }
  };
  walk(json['conditions'] as Node);
  return { name: String(json['name']), event: json['event'] as RuleTrace['event'], conditions };
}
