import { declaredPropertyNames } from '../../common/json/schema-parts.js';
import { turn } from '../../common/async/turn.js';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { TooLargeError, ValidationError, type ErrorDetail } from '../../common/errors/domain-errors.js';
import { toErrorDetails } from '../../common/http/ajv.js';
import { canonicalByteLength, heaviestPart } from '../../common/json/canonical.js';
import { MAX_JSON_DEPTH } from '../../common/http/json-body-parser.js';
import { membersNamed } from '../../common/json/member-names.js';
import { pathNestedDeeperThan } from '../../common/json/nesting.js';
import { pointerSegment } from '../../common/json/json-pointer.js';
import {
  decoratorCount,
  KNOWN_OPERATORS,
  MAX_OPERATOR_DECORATORS,
  OPERATOR_DECORATORS,
} from '../../engine/operator-names.js';
import { expressionProblem, expressionReads } from '../../engine/computed-facts.js';
import { compileExplanation, EXPLANATION_HELPERS } from '../../engine/explain.js';
import { analyseTemplate, templateSyntaxDetail } from '../../engine/template-safety.js';
import { templateShape } from '../../engine/template-shape.js';
import { patternRefusal } from '../../engine/linear-pattern.js';
import { unstorableKeys } from '../../common/database/storable-keys.js';
import {
  computedFactsSchema,
  decisionTableDefinitionSchema,
  lookupsSchema,
  decisionTreeDefinitionSchema,
  LIMITS,
  rulesDefinitionSchema,
  rulesetTestsSchema,
  settingsSchema,
} from './ruleset-definition.schema.js';
import { schemaProblems } from './input-schemas.js';
import { definesCondition, namedConditionProblems } from './named-conditions.js';
import type { RulesetContent, RulesetFormat } from './ruleset.types.js';
import { addDetails } from '../../common/errors/add-details.js';
import { MAX_ERROR_DETAILS } from '../../common/errors/error-body.js';

// Definitions use if/then chains, which ajv's strict mode flags; the schemas themselves are ours and tested.
const definitionAjv = new Ajv({ allErrors: true, strict: false, verbose: true });
const validators: Record<RulesetFormat, ValidateFunction> = {
  rules: definitionAjv.compile(rulesDefinitionSchema),
  decisionTable: definitionAjv.compile(decisionTableDefinitionSchema),
  decisionTree: definitionAjv.compile(decisionTreeDefinitionSchema),
};
const validateTests = definitionAjv.compile(rulesetTestsSchema);
const validateComputedFacts = definitionAjv.compile(computedFactsSchema);
const validateSettings = definitionAjv.compile(settingsSchema);
const validateLookups = definitionAjv.compile(lookupsSchema);

/** Checks a rule set version's content completely; throws one error listing every problem with its path. */
export async function validateRulesetContent(format: RulesetFormat, content: RulesetContent): Promise<void> {
  // A JSON body cannot nest deeper than this; content built otherwise (a DMN import) is held to the same bound
  // before any recursive walk: 2 000 levels of event params had overflowed the stack (a 500), and once published
  // made every evaluation of the version a 500 and its records unstorable.
  const tooDeep = pathNestedDeeperThan(content, MAX_JSON_DEPTH);
  if (tooDeep !== undefined)
    throw new ValidationError(
      `The rule set nests deeper than ${MAX_JSON_DEPTH} levels.`,
      [{ path: tooDeep, message: `nesting depth exceeds ${MAX_JSON_DEPTH}` }],
      'too_deep',
    );
  const size = canonicalByteLength(content);
  if (size > LIMITS.contentBytes) {
    throw new TooLargeError(
      `The rule set is ${Math.round(size / 1024)} KiB; the limit is ${LIMITS.contentBytes / 1024} KiB. Split it into smaller rule sets.`,
      [heaviestPart(content, size, LIMITS.contentBytes)],
      'ruleset_too_large',
    );
  }
  // The body was just parsed and checked in one block; the definition's passes each get a turn of their own.
  await turn();
  const details: ErrorDetail[] = [];
  const validate = validators[format];
  if (!validate(content.definition)) addDetails(details, definitionErrors(validate.errors));
  else addDetails(details, semanticProblems(format, content.definition));
  // At the size limit each of the three passes over the definition takes 5–30 ms (more in a cold process):
  // other requests are served between them, not after all three (docs/adr/0034).
  await turn();
  const schemaRefused = await inputSchemaProblems(content.inputSchema);
  addDetails(details, schemaRefused);
  if (content.tests !== undefined && !validateTests(content.tests))
    addDetails(details, toErrorDetails(validateTests.errors, '/tests'));
  if (content.lookups !== undefined && !validateLookups(content.lookups))
    addDetails(details, toErrorDetails(validateLookups.errors, '/lookups'));
  if (content.settings !== undefined && !validateSettings(content.settings))
    addDetails(details, toErrorDetails(validateSettings.errors, '/settings'));
  else if (content.settings?.decidesAboutPersons === true && content.settings.logDecisions === false)
    // A receipt and a review need the decision record: a rule set about persons must keep its decisions.
    details.push({
      path: '/settings/logDecisions',
      message: 'must not be false when decidesAboutPersons is true (receipts and reviews read the decision record)',
    });
  if (content.computedFacts !== undefined) {
    if (!validateComputedFacts(content.computedFacts))
      addDetails(details, toErrorDetails(validateComputedFacts.errors, '/computedFacts'));
    else {
      addDetails(details, expressionProblems(content.computedFacts));
      // A refused input schema (too costly, malformed) is not read again for the names it declares.
      if (schemaRefused.length === 0) addDetails(details, computedFactNameProblems(content));
    }
  }
  if (details.length === 0) addDetails(details, explanationSizeProblems(content.definition));
  await turn();
  if (details.length === 0) addDetails(details, textProblems(content.definition));
  if (details.length > 0)
    throw new ValidationError(`The rule set has ${details.length} problem(s); each is listed with its place.`, details);
  await turn(); // what follows a save (its checksum, the write) starts in a turn of its own
}

function definitionErrors(errors: ErrorObject[] | null | undefined): ErrorDetail[] {
  // The first ones only: 200 000 wrong items made as many errors, and the error body lists 100.
  const meaningful = (errors ?? []).filter((e) => e.keyword !== 'if').slice(0, MAX_ERROR_DETAILS);
  return meaningful.map((e) => {
    if (e.keyword === 'pattern' && e.instancePath.endsWith('/operator')) {
      const name = String(e.data);
      const stacked = decoratorCount(name);
      if (stacked > MAX_OPERATOR_DECORATORS)
        return {
          path: `/definition${e.instancePath}`,
          message: `stacks ${stacked} decorators; at most ${MAX_OPERATOR_DECORATORS} may be stacked`,
          keyword: 'maxDecorators',
          params: { limit: MAX_OPERATOR_DECORATORS, count: stacked },
        };
      // Quoted short: the operator is the analyst's text, which the body would otherwise repeat whole.
      const quoted = name.length > 80 ? `${name.slice(0, 80)}…` : name;
      return {
        path: `/definition${e.instancePath}`,
        message: `"${quoted}" is not a known operator (known: ${KNOWN_OPERATORS.join(', ')}; prefixes: ${OPERATOR_DECORATORS.map((d) => `${d}:`).join(' ')})`,
      };
    }
    return toErrorDetails([e], '/definition')[0]!;
  });
}

/** Computed facts must compile: CEL syntax, known functions, no comprehension inside another (its cost is quadratic). */
function expressionProblems(computedFacts: { expression: string }[]): ErrorDetail[] {
  return computedFacts.flatMap(({ expression }, i) => {
    const problem = expressionProblem(expression);
    return problem === undefined
      ? []
      : [{ path: `/computedFacts/${i}/expression`, message: `is not a valid computed-fact expression: ${problem}` }];
  });
}

/**
 * Computed facts a version could never compute, or that take a name something else gives: each is computed once,
 * in order, seeing only the facts computed before it, and callers may not send one (docs/adr/0015). Saved, a
 * fact that reads itself or a later one was absent from every run, and one named like an input fact refused
 * every call.
 */
function computedFactNameProblems(content: RulesetContent): ErrorDetail[] {
  const facts = content.computedFacts ?? [];
  // Declared in any part of the schema: `allOf` of a shared employee schema, a `$ref` to `$defs`.
  const inputs = declaredPropertyNames(content.inputSchema);
  const lookups = new Set((content.lookups ?? []).map((lookup) => lookup.fact));
  const firstIndex = new Map<string, number>();
  facts.forEach(({ name }, i) => firstIndex.has(name) || firstIndex.set(name, i));
  return facts.flatMap(({ name, expression }, i) => {
    const problems: ErrorDetail[] = [];
    const at = (field: string, message: string) => problems.push({ path: `/computedFacts/${i}/${field}`, message });
    if (firstIndex.get(name) !== i) at('name', `repeats the name of computed fact ${firstIndex.get(name)}`);
    if (lookups.has(name)) at('name', 'is also the fact of a lookup');
    if (inputs.has(name))
      at('name', 'is also a fact the input schema declares: callers send it, so it cannot be computed');
    const unready = new Set(
      expressionReads(expression)
        .map((path) => path[0]!)
        .filter((root) => (firstIndex.get(root) ?? -1) >= i),
    );
    for (const root of unready)
      at(
        'expression',
        root === name
          ? `reads "${name}" itself: a computed fact reads only the facts computed before it`
          : `reads "${root}", which is computed after it: move "${root}" above it`,
      );
    return problems;
  });
}

/**
 * All the explanation templates together stay within LIMITS.explanationTags: each one is bounded on its own
 * (template-shape.ts), but 500 rules × 2 languages of them would take seconds to compile when the rule set is saved.
 */
function explanationSizeProblems(definition: unknown): ErrorDetail[] {
  let tags = 0;
  const stack = [definition];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    for (const [key, value] of Object.entries(node as Json)) {
      if (key === 'explanation' && value && typeof value === 'object')
        for (const template of Object.values(value as Json)) tags += templateShape(String(template)).tags;
      else stack.push(value);
    }
  }
  if (tags <= LIMITS.explanationTags) return [];
  return [
    {
      path: '/definition',
      message: `has ${tags} tags in its explanations; at most ${LIMITS.explanationTags} are allowed in all (each {{…}} and each subexpression ( … ) count one)`,
      keyword: 'template',
      params: { reason: 'explanation_tags', found: tags, limit: LIMITS.explanationTags },
    },
  ];
}

/** Explanation templates must compile and `matches` patterns must be safe, wherever they sit in the definition. */
function textProblems(definition: unknown, path = '/definition'): ErrorDetail[] {
  if (Array.isArray(definition)) return definition.flatMap((item, i) => textProblems(item, `${path}/${i}`));
  if (definition === null || typeof definition !== 'object') return [];
  const node = definition as Json;
  const problems: ErrorDetail[] = [];
  const patternRefused =
    typeof node['operator'] === 'string' && node['operator'].endsWith('matches') && typeof node['value'] === 'string'
      ? patternRefusal(`${path}/value`, node['value'])
      : undefined;
  if (patternRefused) problems.push(patternRefused);
  for (const [key, value] of Object.entries(node)) {
    // An event's params are stored as fields of every decision record: a key the database refuses would lose them.
    if ((key === 'event' || key === 'outcome') && value && typeof value === 'object')
      addDetails(problems, unstorableKeys((value as Json)['params'], `${path}/${key}/params`));
    if (key === 'explanation' && value && typeof value === 'object') {
      for (const [lang, template] of Object.entries(value as Json)) {
        // Analysed like prompt templates: no partials, no `log` (it prints the facts to the server's output),
        // no `lookup` or prototype tricks; only the documented helpers.
        const at = `${path}/explanation/${lang}`;
        const refused = analyseTemplate(String(template), at, EXPLANATION_HELPERS, false).problems;
        if (refused.length > 0) {
          addDetails(problems, refused);
          continue;
        }
        try {
          compileExplanation(String(template));
        } catch (err) {
          problems.push(templateSyntaxDetail(`${path}/explanation/${lang}`, err));
        }
      }
    } else addDetails(problems, textProblems(value, `${path}/${pointerSegment(key)}`));
  }
  return problems;
}

async function inputSchemaProblems(inputSchema: unknown): Promise<ErrorDetail[]> {
  const problems = await schemaProblems(inputSchema, '/inputSchema');
  if (problems.length > 0) return problems;
  if ((inputSchema as { type?: unknown }).type !== 'object')
    return [{ path: '/inputSchema/type', message: 'must be "object": facts are a JSON object' }];
  return [];
}

type Json = Record<string, unknown>;

/** What a schema cannot say: nesting depth, references to named conditions, duplicate names and ids. */
function semanticProblems(format: RulesetFormat, definition: Json): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  // json-rules-engine copies a rule without its members named `__proto__` (event params came back `{}` where ours
  // kept them): a name no reader of JSON can take at its word is refused rather than answered two ways.
  for (const path of membersNamed(definition, '__proto__', '/definition', MAX_ERROR_DETAILS))
    problems.push({ path, message: 'is a member named __proto__, which the rules engine drops; rename it' });
  if (format === 'rules') {
    const named = (definition['conditions'] ?? {}) as Record<string, Json>;
    for (const [name, condition] of Object.entries(named))
      checkCondition(condition, `/definition/conditions/${pointerSegment(name)}`, 1, named, problems);
    const rules = definition['rules'] as Json[];
    duplicates(
      rules.map((r) => String(r['name'])),
      (i) => `/definition/rules/${i}/name`,
      'rule name',
      problems,
    );
    addDetails(problems, namedConditionProblems(named, rules));
    rules.forEach((rule, i) => {
      const conditions = rule['conditions'] as Json;
      const path = `/definition/rules/${i}/conditions`;
      if (!('all' in conditions || 'any' in conditions || 'not' in conditions || 'condition' in conditions)) {
        problems.push({ path, message: 'must start with all, any, not or a named condition' });
      }
      checkCondition(conditions, path, 1, named, problems);
    });
  } else if (format === 'decisionTable') {
    const inputs = definition['inputs'] as Json[];
    const inputIds = new Set(inputs.map((input) => String(input['id'])));
    duplicates(
      inputs.map((input) => String(input['id'])),
      (i) => `/definition/inputs/${i}/id`,
      'input id',
      problems,
    );
    const rows = definition['rows'] as Json[];
    duplicates(
      rows.map((row) => String(row['id'])),
      (i) => `/definition/rows/${i}/id`,
      'row id',
      problems,
    );
    rows.forEach((row, i) => {
      for (const inputId of Object.keys(row['cells'] as Json)) {
        if (!inputIds.has(inputId))
          problems.push({
            path: `/definition/rows/${i}/cells/${pointerSegment(inputId)}`,
            message: `refers to input "${inputId}", which the table does not have`,
          });
      }
    });
  } else {
    const ids: string[] = [];
    const idPaths: string[] = [];
    checkNode(definition['root'] as Json, '/definition/root', 1, ids, idPaths, problems);
    duplicates(ids, (i) => `${idPaths[i]}/id`, 'node id', problems);
  }
  return problems;
}

function checkCondition(
  condition: Json,
  path: string,
  depth: number,
  named: Record<string, Json>,
  problems: ErrorDetail[],
): void {
  if (depth > LIMITS.conditionDepth) {
    problems.push({
      path,
      message: `conditions nest deeper than ${LIMITS.conditionDepth} levels; use a named condition to simplify`,
    });
    return;
  }
  for (const group of ['all', 'any'] as const) {
    const items = condition[group];
    if (Array.isArray(items))
      items.forEach((item, i) => checkCondition(item as Json, `${path}/${group}/${i}`, depth + 1, named, problems));
  }
  if (condition['not'] && typeof condition['not'] === 'object')
    checkCondition(condition['not'] as Json, `${path}/not`, depth + 1, named, problems);
  if (typeof condition['condition'] === 'string' && !definesCondition(named, condition['condition'])) {
    problems.push({
      path: `${path}/condition`,
      message: `refers to the named condition "${condition['condition']}", which is not defined in /definition/conditions`,
    });
  }
}

function checkNode(
  node: Json,
  path: string,
  depth: number,
  ids: string[],
  idPaths: string[],
  problems: ErrorDetail[],
): void {
  ids.push(String(node['id']));
  idPaths.push(path);
  if (depth > LIMITS.treeDepth) {
    problems.push({ path, message: `the tree is deeper than ${LIMITS.treeDepth} levels` });
    return;
  }
  const branches = (node['branches'] ?? []) as Json[];
  branches.forEach((branch, i) => {
    checkCondition(branch['when'] as Json, `${path}/branches/${i}/when`, 1, {}, problems);
    checkNode(branch['node'] as Json, `${path}/branches/${i}/node`, depth + 1, ids, idPaths, problems);
  });
  if (node['otherwise']) checkNode(node['otherwise'] as Json, `${path}/otherwise`, depth + 1, ids, idPaths, problems);
}

function duplicates(values: string[], pathOf: (index: number) => string, what: string, problems: ErrorDetail[]): void {
  const seen = new Set<string>();
  values.forEach((value, i) => {
    if (seen.has(value))
      problems.push({
        path: pathOf(i),
        message: `the ${what} "${value}" is used twice`,
        keyword: 'duplicate',
        params: { value },
      });
    seen.add(value);
  });
}
