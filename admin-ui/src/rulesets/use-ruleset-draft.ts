import { useGovernedDraft, type DraftShape, type GovernedRecord } from '../common/drafts/use-governed-draft';

/** The parts of a rule set version an analyst edits. */
export interface RulesetContent {
  inputSchema: Record<string, unknown>;
  definition: Record<string, unknown>;
  tests?: unknown[];
  computedFacts?: { name: string; expression: string }[];
  lookups?: { fact: string; table: string }[];
  settings?: Record<string, unknown>;
}

export interface RulesetRecord extends GovernedRecord {
  format: string;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The rule-set editor edits the content as it is; a save sends the fields that changed. */
const RULESET_SHAPE: DraftShape<RulesetContent, RulesetContent> = {
  fromContent: (content) => content,
  toPayload: (content, base) => ({
    payload: Object.fromEntries(
      Object.entries(content).filter(([field, value]) => !same(value, base[field as keyof RulesetContent])),
    ),
  }),
};

/** A rule set's draft in the editor (see useGovernedDraft: If-Match, conflict, kept edit). */
export const useRulesetDraft = (key: string) =>
  useGovernedDraft<RulesetContent, RulesetContent, RulesetRecord>('rulesets', key, RULESET_SHAPE);
