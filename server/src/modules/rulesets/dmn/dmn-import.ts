import type { ErrorDetail } from '../../../common/errors/domain-errors.js';
import { ValidationError } from '../../../common/errors/domain-errors.js';
import {
  MAX_JSON_DEPTH,
  MAX_OBJECT_MEMBERS,
  pointerOfContainerAt,
  scanJsonText,
  unacceptableValue,
} from '../../../common/http/json-body-parser.js';
import { mapInTurns } from '../../../common/async/time-slices.js';
import { isReservedName } from '../../../common/json/reserved-names.js';
import { decisionTableDefinitionSchema, LIMITS } from '../ruleset-definition.schema.js';
import type { CreateRulesetRequest } from '../rulesets.contract.js';
import { DMN_HIT_POLICY, EXPLANATION_ANNOTATIONS, PARAMS_OUTPUT, TYPE_OUTPUT } from './dmn-export.js';
import { child, children, parseDmnXml, textOf, type XmlElement } from './dmn-xml.js';
import { parseFeelValue, unaryTestsToCell, type Cell } from './feel.js';

type Json = Record<string, unknown>;

/** The hit policies the rule-set schema accepts today (`unique` and `any` arrive with their own change). */
const hitPolicies = (): readonly string[] => decisionTableDefinitionSchema.properties.hitPolicy.enum;
const FROM_DMN: Record<string, string> = {
  ...Object.fromEntries(Object.entries(DMN_HIT_POLICY).map(([ours, dmn]) => [dmn, ours])),
  // Every matching rule, in rule order: what our `collect` gives (its events come out in table order).
  'RULE ORDER': 'collect',
};
const FACT_NAME = /^[A-Za-z_$][A-Za-z0-9_$-]{0,127}$/;
const SLUG = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const EVENT_TYPE = /^[a-z][a-z0-9_]{0,63}$/;
const CONTENT_KEYS = ['inputSchema', 'tests', 'computedFacts', 'settings', 'lookups'] as const;

/**
 * Row or column ids, each unique: `claim` takes an id a file names, `from` makes one from any text. Each slug
 * remembers the next number to try (`a-2`, `a-3`…): counting from 2 for every row, 55 000 rows labelled « a » held
 * the event loop for 215 s.
 */
class Slugs {
  private readonly taken = new Set<string>();
  private readonly next = new Map<string, number>();

  /** The id a file names, when it is one and still free. */
  claim(id: string | undefined): string | undefined {
    if (!id || !SLUG.test(id) || this.taken.has(id)) return undefined;
    this.taken.add(id);
    return id;
  }

  from(text: string, fallback: string): string {
    let slug = text
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9_-]+/g, '-')
      .replace(/^[-_]+|-+$/g, '')
      .slice(0, 56);
    if (!SLUG.test(slug)) slug = fallback;
    let n = this.next.get(slug) ?? 2;
    let unique = slug;
    while (this.taken.has(unique)) unique = `${slug}-${n++}`;
    this.next.set(slug, n);
    this.taken.add(unique);
    return unique;
  }
}

/** Characters of FEEL one cell may hold: the longest `in` list a rule set holds is far shorter. */
const MAX_FEEL_TEXT = 20_000;

/** A cell's text as a refusal quotes it: its first 200 characters. */
const quoted = (text: string): string => {
  const trimmed = text.trim();
  return trimmed.length <= 200 ? trimmed : `${trimmed.slice(0, 200)}…`;
};

/** `invoice.lines[1].amount` → fact `invoice`, path `$.lines[0].amount`; undefined when it is not such a path. */
export function feelToFact(text: string): { fact: string; path?: string } | undefined {
  const match = /^\s*([A-Za-z_$][A-Za-z0-9_$]*)((?:\.[A-Za-z_$][A-Za-z0-9_$]*|\[[1-9][0-9]*\])*)\s*$/.exec(text);
  if (!match) return undefined;
  const path = [...match[2]!.matchAll(/\.([A-Za-z_$][A-Za-z0-9_$]*)|\[([0-9]+)\]/g)]
    .map((m) => (m[1] !== undefined ? `.${m[1]}` : `[${Number(m[2]) - 1}]`))
    .join('');
  return { fact: match[1]!, ...(path && { path: `$${path}` }) };
}

/**
 * JSON Schema types of the FEEL types, and of the Java ones Camunda's modeler writes (`integer`, `long`, `double`,
 * its most common numeric typeRefs): left untyped, « 0x5 », « 1e0 » and [3] were decided as numbers (an API review).
 */
const SCHEMA_TYPE: Record<string, string> = {
  number: 'number',
  string: 'string',
  boolean: 'boolean',
  integer: 'integer',
  long: 'integer',
  double: 'number',
};

/**
 * An input schema from the columns' facts and FEEL types, where the file carries none of ours. A column whose cells
 * test `null` (a value other tools' tables leave missing) takes null too: typed `string` alone, its rows could
 * never fire, and the draft's own analysis called them a type mismatch (an API review).
 */
function inputSchemaFor(
  columns: { id: string; fact: string; path?: string; typeRef?: string }[],
  rows: { cells: Record<string, Cell> }[],
): Json {
  const root: Json = { type: 'object', properties: {}, required: [] };
  for (const column of columns) {
    const properties = root['properties'] as Json;
    if (!(root['required'] as string[]).includes(column.fact)) (root['required'] as string[]).push(column.fact);
    const segments = pathSegments(column.path);
    // Own names only: `constructor` or `toString` would read what every object inherits, a function, as a type.
    const typeRef = (column.typeRef ?? '').replace(/^feel:/, '');
    const type = Object.hasOwn(SCHEMA_TYPE, typeRef) ? SCHEMA_TYPE[typeRef] : undefined;
    let node = ownChild(properties, column.fact, segments.length === 0 ? {} : { type: 'object' });
    segments.forEach((segment, i) => {
      const last = i === segments.length - 1;
      if (typeof segment === 'number') {
        node['type'] = 'array';
        node = ownChild(node, 'items', last ? {} : { type: 'object' });
      } else {
        node['type'] ??= 'object';
        node = ownChild(ownChild(node, 'properties', {}), segment, last ? {} : { type: 'object' });
      }
    });
    const testsNull = rows.some(({ cells }) => {
      const value = cells[column.id]?.value;
      return value === null || (Array.isArray(value) && value.includes(null));
    });
    if (type) node['type'] = testsNull ? [type, 'null'] : type;
  }
  return root;
}

/**
 * The object at `key` of `parent`, made there if it has none of its own. Names come from the file: `??=` would
 * read what every object inherits (`toString`, `__proto__`) and write into it, for the whole process.
 */
function ownChild(parent: Json, key: string, made: Json): Json {
  if (Object.hasOwn(parent, key)) return parent[key] as Json;
  Object.defineProperty(parent, key, { value: made, enumerable: true, writable: true, configurable: true });
  return made;
}

/**
 * The steps of a JSONPath as our export writes it: `.name`, `[0]` and `['name']` (or `["name"]`), the form a
 * name with a hyphen takes (`$['montant-ht']`).
 */
export function pathSegments(path: string | undefined): (string | number)[] {
  return [...(path ?? '').matchAll(/\.([^.[]+)|\[(\d+)\]|\[\s*(['"])(.*?)\3\s*\]/g)].map(
    (m) => m[1] ?? (m[2] !== undefined ? Number(m[2]) : m[4]!),
  );
}

/** A column's fact and path name only data: no name that reaches into JavaScript's objects (`__proto__`). */
function readsOnlyData(read: { fact: string; path?: string }): boolean {
  return ![read.fact, ...pathSegments(read.path)].some((name) => typeof name === 'string' && isReservedName(name));
}

/**
 * A refusal of the import: why in English and, as `keyword: dmn` with a reason and its values, in a form the
 * console words in French or English.
 */
function dmnDetail(path: string, message: string, reason: string, params: Record<string, unknown> = {}): ErrorDetail {
  return { path, message, keyword: 'dmn', params: { reason, ...params } };
}

/**
 * A DMN file's decision table as the request that creates a rule set (docs/adr/0027-dmn-exchange.md), or a
 * ValidationError listing every part that does not map, each named by its place in the file
 * (`/definitions/decision/0/decisionTable/rule/3/inputEntry/1`) and, in the message, the rule's id.
 */
export async function importDmn(xml: string, target: { key: string; pilot: string }): Promise<CreateRulesetRequest> {
  const root = await parseDmnXml(xml);
  const withTables = children(root, 'decision')
    .map((decision, index) => ({ decision, index, table: child(decision, 'decisionTable') }))
    .filter((d) => d.table !== undefined);
  if (withTables.length !== 1)
    throw new ValidationError(
      'The DMN file must hold exactly one decision whose logic is a decision table.',
      [
        dmnDetail('/definitions', `found ${withTables.length} decisions with a decision table`, 'decisions', {
          count: withTables.length,
        }),
      ],
      'dmn_unmappable',
    );
  const { decision, index, table } = withTables[0]! as { decision: XmlElement; index: number; table: XmlElement };
  const base = `/definitions/decision/${index}/decisionTable`;
  // Counted before any row is read: what lies past the bounds would be refused anyway, after seconds of work.
  for (const [part, limit] of [
    ['rule', LIMITS.tableRows],
    ['input', LIMITS.tableInputs],
  ] as const) {
    const count = children(table, part).length;
    if (count > limit)
      throw new ValidationError(
        `The decision table has ${count} ${part}s; a rule set's table holds at most ${limit}.`,
        [
          dmnDetail(`${base}/${part}`, `has ${count} ${part}s; at most ${limit} are allowed`, `too_many_${part}s`, {
            count,
            limit,
          }),
        ],
        'dmn_unmappable',
      );
  }
  const problems: ErrorDetail[] = [];
  const problem = (path: string, message: string, reason: string, params: Record<string, unknown> = {}) =>
    problems.push(dmnDetail(path, message, reason, params));

  const dmnPolicy = table.attrs['hitPolicy'] ?? 'UNIQUE';
  const supportedPolicies = hitPolicies().map((p) => DMN_HIT_POLICY[p] ?? p);
  let hitPolicy: string | undefined = FROM_DMN[dmnPolicy];
  if (table.attrs['aggregation'] !== undefined) {
    problem(
      `${base}/@aggregation`,
      `aggregation ${table.attrs['aggregation']} (a sum, count, min or max) has no Gabarit hit policy`,
      'aggregation',
      { aggregation: table.attrs['aggregation'] },
    );
    hitPolicy = undefined;
  } else if (!hitPolicy || !hitPolicies().includes(hitPolicy))
    problem(
      `${base}/@hitPolicy`,
      `hit policy ${dmnPolicy} is not supported; Gabarit has ${supportedPolicies.join(', ')}`,
      'hit_policy',
      { hitPolicy: dmnPolicy, supported: supportedPolicies.join(', ') },
    );

  // Columns: our attributes when the file is ours, else the input expression read as a fact path.
  const inputIds = new Slugs();
  const columns = children(table, 'input').map((input, i) => {
    const expression = child(input, 'inputExpression');
    const text = textOf(expression) ?? '';
    const ours = input.attrs['gabarit:fact'];
    const read = ours ? { fact: ours, path: input.attrs['gabarit:path'] } : feelToFact(text);
    if (!read || !FACT_NAME.test(read.fact) || !readsOnlyData(read)) {
      // What was read: our attributes when the file carries them, which the expression's text then only labels.
      const said = ours ? `${ours}${input.attrs['gabarit:path']?.replace(/^\$/, '') ?? ''}` : text.trim();
      problem(
        ours ? `${base}/input/${i}/@gabarit:fact` : `${base}/input/${i}/inputExpression`,
        `input "${said}" is not a name or a path of names`,
        'input_expression',
        { text: said },
      );
    }
    const id = inputIds.claim(input.attrs['gabarit:id']) ?? inputIds.from(text, `input-${i + 1}`);
    const label = input.attrs['label'];
    return {
      id,
      fact: read?.fact ?? 'unknown',
      ...(read?.path !== undefined && { path: read.path }),
      ...(label !== undefined && label !== '' && { label }),
      typeRef: expression?.attrs['typeRef'],
      named: label || text.trim(),
    };
  });

  // Outputs: ours (`type`, `params`), or any other table's columns as the event's params.
  const outputs = children(table, 'output');
  const names = outputs.map((o) => o.attrs['name']);
  const ourOutputs =
    names[0] === TYPE_OUTPUT && (names.length === 1 || (names.length === 2 && names[1] === PARAMS_OUTPUT));
  const decisionName = decision.attrs['name'] ?? root.attrs['name'] ?? 'decision';
  const foreignType = new Slugs().from(decisionName, 'decision').replace(/-/g, '_');
  const eventType = EVENT_TYPE.test(foreignType) ? foreignType : 'decision';
  const paramNames = outputs.map(
    (o, i) =>
      o.attrs['name'] ??
      (outputs.length === 1 ? (child(decision, 'variable')?.attrs['name'] ?? decisionName) : `output${i + 1}`),
  );
  const annotations = children(table, 'annotation').map((a) => a.attrs['name']);
  // Two outputs of one name would be one parameter: the rule's first value was dropped without a word.
  if (!ourOutputs)
    paramNames.forEach((name, o) => {
      if (paramNames.indexOf(name) < o)
        problem(
          `${base}/output/${o}/@name`,
          `outputs ${paramNames.indexOf(name) + 1} and ${o + 1} are both named "${name}": each becomes the parameter of its name`,
          'duplicate_output',
          { name, first: paramNames.indexOf(name) + 1, second: o + 1 },
        );
    });

  const rowIds = new Slugs();
  // The high ends of ranges (`[1000..10000)`), by row and column: a second column on the same fact holds them.
  const upperEnds: { row: number; column: number; cell: Cell }[] = [];
  // Row by row, a turn every 10 ms: 2 000 rows of FEEL read in one go held the loop 43–125 ms with the parse.
  const numbered = children(table, 'rule').map((rule, r) => [rule, r] as const);
  const rows = await mapInTurns(numbered, ([rule, r]) => {
    const ruleName = rule.attrs['id'] ? `rule ${rule.attrs['id']}` : `rule ${r + 1}`;
    const id = rowIds.claim(rule.attrs['gabarit:id']) ?? rowIds.from(rule.attrs['label'] ?? '', `rule-${r + 1}`);
    const entriesFor = (kind: 'input' | 'output', found: number, expected: number) => {
      if (found !== expected)
        problem(
          `${base}/rule/${r}`,
          `${ruleName} has ${found} ${kind} entries for ${expected} ${kind}s`,
          `${kind}_count`,
          {
            entries: found,
            expected,
          },
        );
    };
    const entries = children(rule, 'inputEntry');
    entriesFor('input', entries.length, columns.length);
    const cells: Record<string, Cell> = {};
    // Read only when not too long: a list of 450 000 items in one cell held the event loop 1.3 s.
    const tooLong = (path: string, place: string, text: string) => {
      if (text.length <= MAX_FEEL_TEXT) return false;
      problem(
        path,
        `${ruleName}, ${place}: ${text.length} characters of FEEL; at most ${MAX_FEEL_TEXT} are read`,
        'text_too_long',
        {
          length: text.length,
          max: MAX_FEEL_TEXT,
        },
      );
      return true;
    };
    entries.forEach((entry, e) => {
      const text = textOf(entry) ?? '';
      if (tooLong(`${base}/rule/${r}/inputEntry/${e}`, `input ${e + 1}`, text)) return;
      const read = unaryTestsToCell(text, entry.attrs['gabarit:operator']);
      if ('error' in read)
        problem(
          `${base}/rule/${r}/inputEntry/${e}`,
          `${ruleName}, input ${e + 1} ("${quoted(text)}"): ${read.error}`,
          read.reason,
          { ...read.params, text: quoted(text) },
        );
      else if (read.cell && columns[e]) {
        cells[columns[e].id] = read.cell;
        if (read.upper) upperEnds.push({ row: r, column: e, cell: read.upper });
      }
    });
    const values = children(rule, 'outputEntry').map((entry, o) => {
      const text = textOf(entry) ?? '';
      // An empty output cell, as Camunda's modeler writes one, is null there: it had been refused as no literal.
      if (text.trim() === '') return null;
      if (tooLong(`${base}/rule/${r}/outputEntry/${o}`, `output ${o + 1}`, text)) return undefined;
      const read = parseFeelValue(text);
      if ('error' in read)
        problem(
          `${base}/rule/${r}/outputEntry/${o}`,
          `${ruleName}, output ${o + 1} ("${quoted(text)}"): ${read.error}`,
          read.reason,
          { ...read.params, text: quoted(text) },
        );
      return 'value' in read ? read.value : undefined;
    });
    entriesFor('output', values.length, outputs.length);
    let event: Json;
    if (ourOutputs) {
      const [type, params] = values;
      if (type !== undefined && (typeof type !== 'string' || !EVENT_TYPE.test(type)))
        problem(
          `${base}/rule/${r}/outputEntry/0`,
          `${ruleName}: the event type must be a snake_case FEEL string`,
          'event_type',
        );
      if (params !== undefined && params !== null && (typeof params !== 'object' || Array.isArray(params)))
        problem(
          `${base}/rule/${r}/outputEntry/1`,
          `${ruleName}: params must be a FEEL context or null`,
          'event_params',
        );
      event = { type, ...(params !== undefined && params !== null && { params }) };
    } else {
      event = { type: eventType, params: Object.fromEntries(paramNames.map((name, o) => [name, values[o] ?? null])) };
    }
    const explanation: Json = {};
    children(rule, 'annotationEntry').forEach((entry, a) => {
      const text = textOf(entry) ?? '';
      if (annotations[a] === EXPLANATION_ANNOTATIONS.fr && text !== '') explanation['fr'] = text;
      if (annotations[a] === EXPLANATION_ANNOTATIONS.en && text !== '') explanation['en'] = text;
    });
    return { id, cells, event, ...(Object.keys(explanation).length > 0 && { explanation }) };
  });

  // What only our export carries: the version's other content, exactly.
  let carried: Json = {};
  const content = child(child(decision, 'extensionElements'), 'gabarit:content');
  if (content) {
    try {
      // The same bounds as a JSON body: this text reaches the same checks (a 3 000-level schema overflowed the
      // stack while its size was counted: a 500; an object of 45 000 members, refused in a body, was stored).
      const scanned = scanJsonText(content.text, MAX_JSON_DEPTH);
      if (scanned.tooDeep) throw new Error(`nested more than ${MAX_JSON_DEPTH} levels deep`);
      if (scanned.wideAt !== undefined)
        throw new Error(
          `${pointerOfContainerAt(content.text, scanned.wideAt) || '/'} has more than ${MAX_OBJECT_MEMBERS} members`,
        );
      const parsed = JSON.parse(content.text) as unknown;
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
      const refused = unacceptableValue(parsed, content.text);
      if (refused) throw new Error(`${refused.path} ${refused.message}`);
      carried = Object.fromEntries(CONTENT_KEYS.filter((k) => k in parsed).map((k) => [k, (parsed as Json)[k]]));
    } catch (err) {
      problem(
        `/definitions/decision/${index}/extensionElements/content`,
        `Gabarit's content is not a JSON object (${(err as Error).message})`,
        'content',
      );
    }
  }
  const { inputs, columnInFile } = withRangeColumns(columns, rows, upperEnds, inputIds);
  if (inputs.length > LIMITS.tableInputs)
    problem(
      `${base}/input`,
      `its ranges make ${inputs.length} columns (each range two); a rule set's table holds at most ${LIMITS.tableInputs}`,
      'too_many_inputs',
      { count: inputs.length, limit: LIMITS.tableInputs },
    );
  if (problems.length > 0)
    throw new ValidationError(
      `The DMN file has ${problems.length} part(s) Gabarit cannot map; nothing was imported.`,
      problems,
      'dmn_unmappable',
    );
  const description = child(decision, 'description')?.text.slice(0, 4000);
  const request = {
    key: target.key,
    name: decisionName.slice(0, 200) || target.key,
    pilot: target.pilot,
    format: 'decisionTable',
    ...(description !== undefined && { description }),
    inputSchema: (carried['inputSchema'] as Json | undefined) ?? inputSchemaFor(columns, rows),
    ...carried,
    definition: {
      hitPolicy: hitPolicy!,
      inputs,
      rows,
    },
  } as CreateRulesetRequest;
  tableOf.set(request, { base, ours: ourOutputs, columnInFile });
  return request;
}

type Column = { id: string; fact: string; path?: string; label?: string; typeRef?: string; named: string };

/**
 * The table's inputs, a column whose cells hold ranges followed by a second on the same fact for their high
 * ends (`montant` `>= 1000`, `montant-max` `< 10000`): a row matches when both cells do, as it matched the range.
 * `columnInFile` gives each input's column in the file.
 */
function withRangeColumns(
  columns: Column[],
  rows: { cells: Record<string, Cell> }[],
  upperEnds: { row: number; column: number; cell: Cell }[],
  ids: Slugs,
): { inputs: Record<string, unknown>[]; columnInFile: number[] } {
  const inputs: Record<string, unknown>[] = [];
  const columnInFile: number[] = [];
  const upperId = new Map<number, string>();
  columns.forEach(({ typeRef: _t, named, ...column }, c) => {
    inputs.push(column);
    columnInFile.push(c);
    if (!upperEnds.some((end) => end.column === c)) return;
    const id = ids.from(`${column.id}-max`, `input-${c + 1}-max`);
    upperId.set(c, id);
    inputs.push({ ...column, id, label: `${named} (max)`.slice(0, 200) });
    columnInFile.push(c);
  });
  for (const end of upperEnds) rows[end.row]!.cells[upperId.get(end.column)!] = end.cell;
  return { inputs, columnInFile };
}

/** Where in its file each imported request's decision table is, for inDmnPlaces. */
const tableOf = new WeakMap<object, { base: string; ours: boolean; columnInFile: number[] }>();

/**
 * The rule set's own checks, refusing what a file converted to (an output named `$set`, an input nested 70 names
 * deep), named places of the converted JSON (`/definition/rows/0/event/params/$set`) that an analyst holding the
 * XML could not find: each detail is placed in the file instead (`…/decisionTable/rule/0/outputEntry/0`), the
 * converted place kept in `params.convertedPath`.
 */
export function inDmnPlaces(err: ValidationError, request: CreateRulesetRequest): ValidationError {
  const table = tableOf.get(request);
  if (table === undefined) return err;
  const { base, ours, columnInFile } = table;
  const definition = request.definition as { inputs?: { id: string; fact: string }[]; rows?: { event?: Json }[] };
  const inputs = definition.inputs ?? [];
  const place = (path: string): string => {
    const [, part, ...rest] = path.split('/');
    if (part === 'inputSchema') {
      const fact = rest[0] === 'properties' ? rest[1] : undefined;
      const i = inputs.findIndex((input) => input.fact === fact);
      return i >= 0 ? `${base}/input/${columnInFile[i]}` : `${base}/input`;
    }
    if (part !== 'definition') return base;
    const [section, index, field, name] = rest;
    if (section === 'inputs' && index !== undefined) return `${base}/input/${columnInFile[Number(index)] ?? index}`;
    if (section !== 'rows' || index === undefined) return base;
    const rule = `${base}/rule/${index}`;
    if (field === 'cells' && name !== undefined) {
      const c = inputs.findIndex((input) => input.id === name);
      return c >= 0 ? `${rule}/inputEntry/${columnInFile[c]}` : rule;
    }
    if (field !== 'event') return rule;
    if (name === 'type') return `${rule}/outputEntry/0`;
    if (name !== 'params') return rule;
    const param = rest[4];
    const event = definition.rows?.[Number(index)]?.event as { params?: Record<string, unknown> } | undefined;
    const o = Object.keys(event?.params ?? {}).indexOf(param ?? '');
    return ours ? `${rule}/outputEntry/1` : o >= 0 ? `${rule}/outputEntry/${o}` : rule;
  };
  const details = err.details.map((detail) =>
    detail.path.startsWith('/definitions')
      ? detail
      : { ...detail, path: place(detail.path), params: { ...detail.params, convertedPath: detail.path } },
  );
  // The same refusal (its status and code), its places moved into the file.
  err.details.splice(0, err.details.length, ...details);
  return err;
}
