import type { ErrorDetail } from '../../../common/errors/domain-errors.js';
import { ValidationError } from '../../../common/errors/domain-errors.js';
import { runSteps, type Steps } from '../../../common/async/steps.js';
import type { RulesetContent } from '../ruleset.types.js';
import { DMN13_NAMESPACE, escapeText, escapeXml, GABARIT_NAMESPACE } from './dmn-xml.js';
import { cellToUnaryTests, feelString, feelValue, unaryTestsToCell, type Cell } from './feel.js';

type Json = Record<string, unknown>;

/** Our hit policies as DMN writes them (`unique` and `any` once the schema has them). */
export const DMN_HIT_POLICY: Record<string, string> = {
  first: 'FIRST',
  collect: 'COLLECT',
  unique: 'UNIQUE',
  any: 'ANY',
};

/** The two output columns every exported table has: the event type, and its params as a FEEL context. */
export const TYPE_OUTPUT = 'type';
export const PARAMS_OUTPUT = 'params';
/** Annotation columns that carry each row's explanation. */
export const EXPLANATION_ANNOTATIONS = { fr: 'explanation (fr)', en: 'explanation (en)' } as const;

const PATH_SEGMENT = /\.([A-Za-z_$][A-Za-z0-9_$-]*)|\[([0-9]+)\]|\['([^'\\]+)'\]/g;

/** Path segments of a fact path (`$.lines[0].amount` → lines, 0, amount). */
export function pathSegments(path: string | undefined): (string | number)[] {
  if (!path) return [];
  return [...path.slice(1).matchAll(PATH_SEGMENT)].map((m) => (m[2] !== undefined ? Number(m[2]) : (m[1] ?? m[3])!));
}

/** `invoice` + `$.lines[0].amount` as FEEL: `invoice.lines[1].amount` (FEEL lists count from 1). */
export function factToFeel(fact: string, path: string | undefined): string {
  return pathSegments(path).reduce<string>(
    (text, segment) => (typeof segment === 'number' ? `${text}[${segment + 1}]` : `${text}.${segment}`),
    fact,
  );
}

/** The FEEL type of an input column, from the input schema where it says (number, string, boolean). */
export function typeRefOf(inputSchema: Json, fact: string, path: string | undefined): string | undefined {
  let node = (inputSchema['properties'] as Json | undefined)?.[fact] as Json | undefined;
  for (const segment of pathSegments(path)) {
    if (!node) return undefined;
    node = (typeof segment === 'number' ? node['items'] : (node['properties'] as Json | undefined)?.[segment]) as
      Json | undefined;
  }
  const type = node?.['type'];
  const types = (Array.isArray(type) ? type : [type]).filter((t) => t !== 'null');
  if (types.length !== 1) return undefined;
  if (types[0] === 'number' || types[0] === 'integer') return 'number';
  if (types[0] === 'string' || types[0] === 'boolean') return types[0];
  return undefined;
}

/** JSON that XML can carry: JSON.stringify escapes controls and lone surrogates already, not U+FFFE or U+FFFF. */
const jsonForXml = (value: unknown) =>
  JSON.stringify(value).replace(/[\uFFFE\uFFFF]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16)}`);

const attr = (name: string, value: string | undefined) => (value === undefined ? '' : ` ${name}="${escapeXml(value)}"`);

/**
 * A decision-table version as DMN 1.3 (docs/adr/0027-dmn-exchange.md): one decision, one table; a column per
 * input, outputs `type` and `params`, annotations for the explanations, and what DMN has no place for (row
 * and column ids, exact fact paths, the input schema, tests, computed facts, lookups) in Gabarit's namespace,
 * so importing the file gives back the same content and checksum. Throws a ValidationError naming every cell
 * that has no FEEL unary test.
 */
export function exportDmn(key: string, meta: { name: string; description?: string }, content: RulesetContent): string {
  return runSteps(exportDmnSteps(key, meta, content));
}

/** Rows written between yields: a 2 000-row table took 55–133 ms in one block, now in slices of a few. */
const ROWS_PER_STEP = 100;

/** The same export in steps, yielding between groups of rows (run in time slices by the service). */
export function* exportDmnSteps(
  key: string,
  meta: { name: string; description?: string },
  content: RulesetContent,
): Steps<string> {
  const { definition, ...rest } = content;
  const table = definition as Json;
  const inputs = table['inputs'] as Json[];
  const rows = table['rows'] as Json[];
  const hitPolicy = DMN_HIT_POLICY[String(table['hitPolicy'])];
  const problems: ErrorDetail[] = [];
  if (!hitPolicy)
    problems.push({
      path: '/definition/hitPolicy',
      message: `hit policy ${String(table['hitPolicy'])} has no DMN name`,
    });
  const explained = { fr: false, en: false };
  for (const row of rows) {
    const explanation = (row['explanation'] ?? {}) as Json;
    explained.fr ||= explanation['fr'] !== undefined;
    explained.en ||= explanation['en'] !== undefined;
  }
  const lines: string[] = [];
  const out = (depth: number, line: string) => lines.push('  '.repeat(depth) + line);
  out(0, '<?xml version="1.0" encoding="UTF-8"?>');
  out(
    0,
    `<definitions xmlns="${DMN13_NAMESPACE}" xmlns:gabarit="${GABARIT_NAMESPACE}"` +
      `${attr('id', 'definitions')}${attr('name', meta.name)}${attr('namespace', `urn:gabarit:ruleset:${key}`)}` +
      ` exporter="Gabarit"${attr('gabarit:key', key)}>`,
  );
  out(1, `<decision id="decision"${attr('name', meta.name)}>`);
  if (meta.description !== undefined) out(2, `<description>${escapeText(meta.description)}</description>`);
  out(2, '<extensionElements>');
  out(3, `<gabarit:content>${escapeText(jsonForXml(rest))}</gabarit:content>`);
  out(2, '</extensionElements>');
  out(2, `<variable${attr('name', meta.name)}/>`);
  out(2, `<decisionTable id="decisionTable"${attr('hitPolicy', hitPolicy)}>`);
  inputs.forEach((input, i) => {
    const fact = String(input['fact']);
    const path = input['path'] === undefined ? undefined : String(input['path']);
    out(
      3,
      `<input id="input_${i + 1}"${attr('label', input['label'] as string | undefined)}` +
        `${attr('gabarit:id', String(input['id']))}${attr('gabarit:fact', fact)}${attr('gabarit:path', path)}>`,
    );
    out(
      4,
      `<inputExpression id="inputExpression_${i + 1}"${attr('typeRef', typeRefOf(rest.inputSchema, fact, path))}>` +
        `<text>${escapeText(factToFeel(fact, path))}</text></inputExpression>`,
    );
    out(3, '</input>');
  });
  out(3, `<output id="output_type" name="${TYPE_OUTPUT}" typeRef="string"/>`);
  out(3, `<output id="output_params" name="${PARAMS_OUTPUT}"/>`);
  for (const language of ['fr', 'en'] as const)
    if (explained[language]) out(3, `<annotation name="${EXPLANATION_ANNOTATIONS[language]}"/>`);
  for (const [r, row] of rows.entries()) {
    if (r > 0 && r % ROWS_PER_STEP === 0) yield;
    const cells = (row['cells'] ?? {}) as Record<string, Cell>;
    out(3, `<rule id="rule_${r + 1}"${attr('gabarit:id', String(row['id']))}>`);
    inputs.forEach((input, i) => {
      const id = String(input['id']);
      const cell = cells[id];
      let text = '-';
      let hint: string | undefined;
      if (cell) {
        const mapped = cellToUnaryTests(cell);
        if ('error' in mapped) {
          problems.push({ path: `/definition/rows/${r}/cells/${id}`, message: mapped.error });
        } else {
          text = mapped.text;
          const read = unaryTestsToCell(text);
          if ('cell' in read && read.cell?.operator !== cell.operator) hint = cell.operator;
        }
      }
      out(
        4,
        `<inputEntry id="rule_${r + 1}_input_${i + 1}"${attr('gabarit:operator', hint)}>` +
          `<text>${escapeText(text)}</text></inputEntry>`,
      );
    });
    const event = row['event'] as Json;
    out(
      4,
      `<outputEntry id="rule_${r + 1}_type"><text>${escapeText(feelString(String(event['type'])))}</text></outputEntry>`,
    );
    const params = event['params'] === undefined ? 'null' : feelValue(event['params']);
    out(4, `<outputEntry id="rule_${r + 1}_params"><text>${escapeText(params)}</text></outputEntry>`);
    const explanation = (row['explanation'] ?? {}) as Record<string, string | undefined>;
    for (const language of ['fr', 'en'] as const)
      if (explained[language])
        out(4, `<annotationEntry><text>${escapeText(explanation[language] ?? '')}</text></annotationEntry>`);
    out(3, '</rule>');
  }
  out(2, '</decisionTable>');
  out(1, '</decision>');
  out(0, '</definitions>');
  if (problems.length > 0)
    throw new ValidationError(
      'This version has cells DMN cannot express; nothing was exported.',
      problems,
      'dmn_unmappable',
    );
  return `${lines.join('\n')}\n`;
}
