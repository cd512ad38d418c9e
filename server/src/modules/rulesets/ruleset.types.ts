export const RULESET_FORMATS = ['rules', 'decisionTable', 'decisionTree'] as const;
export type RulesetFormat = (typeof RULESET_FORMATS)[number];

/** What describes a rule set and does not change with its versions. */
export interface RulesetMeta {
  name: string;
  pilot: string;
  format: RulesetFormat;
  description?: string;
}

/** What a version holds; its canonical JSON gives the checksum. */
export interface RulesetContent {
  inputSchema: Record<string, unknown>;
  definition: Record<string, unknown>;
  tests?: { name: string; facts: Record<string, unknown>; expectedEvents: string[] }[];
  /** Facts computed before the rules run (CEL expressions, docs/adr/0010), in order: amounts, taxes, day counts, ages. */
  computedFacts?: { name: string; expression: string }[];
  settings?: { logDecisions?: boolean; decidesAboutPersons?: boolean };
  /**
   * Facts read from reference tables during the run: the row whose key column equals another fact's value (or
   * null); with `column`, the list of rows whose column equals it, in the table's order (or empty). A key
   * `value` is fixed: the same rows for every decision (an organisation's signing limits).
   */
  lookups?: {
    fact: string;
    table: string;
    key: { fact: string; path?: string; value?: undefined } | { value: string; fact?: undefined; path?: undefined };
    column?: string;
  }[];
}

/** What a change between two versions is about, as the diff names it. */
export const DIFF_ENTITIES = [
  'rule',
  'namedCondition',
  'input',
  'row',
  'node',
  'hitPolicy',
  'inputSchema',
  'computedFact',
  'lookup',
  'setting',
  'test',
] as const;
export type DiffEntity = (typeof DIFF_ENTITIES)[number];
