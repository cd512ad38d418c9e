import { Report, type Analysis } from './findings.js';
import type { FormulaContext } from './formula.js';
import { checkLeaf } from './leaf-checks.js';
import { analyseRules } from './rules.js';
import { FactCatalogue } from './schema.js';
import { analyseTable } from './table.js';
import { analyseTree } from './tree.js';
import { words } from './words.js';

type Json = Record<string, unknown>;

export interface AnalysedContent {
  inputSchema: Json;
  definition: Json;
  computedFacts?: { name: string }[];
  lookups?: { fact: string }[];
}

/** Static analysis of one version's content, per format (docs/adr/0025-static-analysis.md). */
export function analyseRuleset(format: string, content: AnalysedContent): Analysis {
  const report = new Report();
  const facts = new FactCatalogue(
    content.inputSchema ?? {},
    (content.computedFacts ?? []).map((c) => c.name),
    (content.lookups ?? []).map((l) => l.fact),
  );
  const check = (leaf: Json, at: string) => checkLeaf(leaf, at, facts, report);
  report.examined(
    words(
      'les valeurs des conditions, selon les types et les énumérations du schéma d’entrée ; les faits qui n’y sont pas',
      "condition values against the input schema's types and enums; facts absent from it",
    ),
  );
  // Every condition on one fact path narrows one domain, seeded from the schema's type, enum and bounds.
  const seed = (key: string) => {
    const [fact, path] = key.split('|') as [string, string];
    return facts.seed(key, fact, path || undefined);
  };
  const definition = content.definition;
  const namedConditions = (format === 'rules' ? definition['conditions'] : undefined) ?? {};
  const ctx: FormulaContext = { namedConditions: namedConditions as Record<string, unknown>, onLeaf: check };
  if (format === 'decisionTable') analyseTable(definition, facts, report, check);
  else if (format === 'decisionTree') analyseTree(definition, seed, ctx, report);
  else analyseRules(definition, seed, ctx, report);
  return report.result();
}
