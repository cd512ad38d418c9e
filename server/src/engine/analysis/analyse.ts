import { runSteps, runStepsInTurns, type Steps } from '../../common/async/steps.js';
import { WorkBudget } from './budget.js';
import type { Domain } from './domain.js';
import { Report, type Analysis } from './findings.js';
import type { Formula, FormulaContext } from './formula.js';
import { checkLeaf } from './leaf-checks.js';
import { analyseRules } from './rules.js';
import { FactCatalogue } from './schema.js';
import { analyseTable } from './table.js';
import { checkOutcomeSpelling } from './outcomes.js';
import { analyseTree } from './tree.js';
import { words } from './words.js';

type Json = Record<string, unknown>;

export interface AnalysedContent {
  inputSchema: Json;
  definition: Json;
  computedFacts?: { name: string }[];
  lookups?: { fact: string }[];
}

/** Static analysis of one version's content, per format (docs/adr/0025-static-analysis.md), in one go. */
export function analyseRuleset(format: string, content: AnalysedContent): Analysis {
  return runSteps(analysisSteps(format, content));
}

/**
 * The same analysis, giving the event loop a turn whenever `pause` says so between one row, rule or branch and
 * the next (`timeSlices`): in one go, the largest tables and trees the limits allow held it up to 105 ms here.
 */
export function analyseRulesetInTurns(
  format: string,
  content: AnalysedContent,
  pause: () => Promise<void> | undefined,
): Promise<Analysis> {
  return runStepsInTurns(analysisSteps(format, content), pause);
}

function* analysisSteps(format: string, content: AnalysedContent): Steps<Analysis> {
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
  // The search asks for a path's seed at every step: it is read from the schema once (domains are never
  // changed in place, narrowing copies them).
  const seeds = new Map<string, Domain | undefined>();
  const seed = (key: string) => {
    if (seeds.has(key)) return seeds.get(key);
    const [fact, path] = key.split('|') as [string, string];
    const domain = facts.seed(key, fact, path || undefined);
    seeds.set(key, domain);
    return domain;
  };
  const budget = new WorkBudget();
  const definition = content.definition;
  const namedConditions = (format === 'rules' ? definition['conditions'] : undefined) ?? {};
  const ctx: FormulaContext = {
    namedConditions: namedConditions as Record<string, unknown>,
    onLeaf: check,
    named: new Map<string, Formula>(),
  };
  report.examined(
    words(
      'l’orthographe des décisions, comparée aux décisions connues et aux autres décisions de la version',
      "the spelling of outcomes, against the known ones and the version's others",
    ),
  );
  checkOutcomeSpelling(format, definition, report);
  if (format === 'decisionTable') yield* analyseTable(definition, facts, report, check, budget);
  else if (format === 'decisionTree') yield* analyseTree(definition, seed, ctx, report, budget);
  else yield* analyseRules(definition, seed, ctx, report, budget);
  return report.result();
}
