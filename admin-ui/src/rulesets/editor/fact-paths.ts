/** A fact an analyst can test in a condition: a top-level fact, or a path inside one (json-rules-engine `path`). */
export interface FactOption {
  fact: string;
  path?: string;
  /** What the console shows and accepts: invoice.total */
  label: string;
  type?: string;
  enum?: unknown[];
  source: 'input' | 'computed' | 'lookup';
  /** The field's name in words, from the schema (`title`, `x-title-en`): « Total avec taxes ». */
  titles?: { fr?: string; en?: string };
  /** The coded values in words (`x-enum-titles`, `x-enum-titles-en`): « étudiant » for `student`. */
  enumTitles?: { fr?: Record<string, string>; en?: Record<string, string> };
  /**
   * The schema declares no fields under this one although it may hold some (an object without `properties`, a list,
   * a node without a type): a path below it cannot be checked here.
   */
  open?: boolean;
}

interface SchemaNode {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  enum?: unknown[];
  title?: string;
  'x-title-en'?: string;
  'x-enum-titles'?: Record<string, string>;
  'x-enum-titles-en'?: Record<string, string>;
}

/** What a schema node says in words, for the option's `titles` and `enumTitles`. */
function wordsOf(node: SchemaNode): Pick<FactOption, 'titles' | 'enumTitles'> {
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const map = (v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, string>) : undefined;
  const titles = { fr: text(node.title), en: text(node['x-title-en']) };
  const enumTitles = { fr: map(node['x-enum-titles']), en: map(node['x-enum-titles-en']) };
  return {
    ...(titles.fr || titles.en ? { titles } : {}),
    ...(enumTitles.fr || enumTitles.en ? { enumTitles } : {}),
  };
}

/** A field's name in the console's language (the French one when English has none), if the schema gives one. */
export function titleOf(option: FactOption | undefined, locale: string): string | undefined {
  return locale === 'en' ? (option?.titles?.en ?? option?.titles?.fr) : option?.titles?.fr;
}

/** A coded value's words in the console's language, if the schema gives them. */
export function valueTitleOf(option: FactOption | undefined, value: unknown, locale: string): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const key = String(value);
  return (locale === 'en' ? option?.enumTitles?.en?.[key] : undefined) ?? option?.enumTitles?.fr?.[key];
}

const typeOf = (node: SchemaNode): string | undefined =>
  Array.isArray(node.type) ? node.type.find((t) => t !== 'null') : node.type;

/**
 * Every fact and nested field the rule set's input schema declares, plus computed and lookup facts, so the
 * condition builder offers only names the engine will know (depth-limited: schemas are analyst-written).
 */
export function factOptions(
  inputSchema: unknown,
  computedFacts: { name: string }[] = [],
  lookups: { fact: string }[] = [],
): FactOption[] {
  const options: FactOption[] = [];
  const walk = (fact: string, node: SchemaNode, segments: string[], depth: number) => {
    const label = [fact, ...segments].join('.');
    options.push({
      fact,
      ...(segments.length ? { path: `$.${segments.join('.')}` } : {}),
      label,
      type: typeOf(node),
      ...(node.enum ? { enum: node.enum } : {}),
      ...wordsOf(node),
      source: 'input',
      // Past the depth walked, declared fields are not offered either: a path below is left unchecked too.
      ...((node.properties ? depth >= 6 : [undefined, 'object', 'array'].includes(typeOf(node))) ? { open: true } : {}),
    });
    if (depth < 6 && node.properties)
      for (const [name, child] of Object.entries(node.properties)) walk(fact, child, [...segments, name], depth + 1);
  };
  const root = (inputSchema ?? {}) as SchemaNode;
  for (const [fact, node] of Object.entries(root.properties ?? {})) walk(fact, node, [], 0);
  for (const { name } of computedFacts) options.push({ fact: name, label: name, source: 'computed' });
  for (const { fact } of lookups) options.push({ fact, label: fact, source: 'lookup' });
  return options;
}

/** The option a condition's fact and path designate, if the schema knows it. */
export function findFact(options: FactOption[], fact: string, path?: string): FactOption | undefined {
  return options.find((o) => o.fact === fact && (o.path ?? '') === (path ?? ''));
}

/**
 * A computed fact or a lookup: its value comes from an expression or a table row, whose shape the input schema does
 * not describe, so a path into it (`$.length`, `$.neq`) cannot be checked here. The server's analysis leaves it
 * unchecked too; flagging it would mark the pilots' own rules as wrong.
 */
export function isDerived(options: FactOption[], fact: string): boolean {
  return options.some((o) => o.fact === fact && o.source !== 'input');
}

/** A path of plain names ($.a.b): the only kind whose every step the schema can be asked about. */
const PLAIN_PATH = /^\$(\.[A-Za-z_$][\w$]*)+$/;

/**
 * Whether a path into an input fact that the schema does not list may still be right: it goes below a field the
 * schema leaves open (`{"type": "object"}` without properties, a list), or it is not a plain path (`$.lines[0]`,
 * wildcards, filters), whose steps the schema cannot answer for. Only a plain path through declared fields that
 * names a field they do not have is wrong for sure.
 */
export function isUncheckedPath(options: FactOption[], fact: string, path: string): boolean {
  if (!PLAIN_PATH.test(path)) return true;
  const segments = path.slice(2).split('.');
  for (let n = segments.length - 1; n >= 0; n--) {
    const declared = findFact(options, fact, n === 0 ? undefined : `$.${segments.slice(0, n).join('.')}`);
    if (declared) return declared.open === true;
  }
  return false;
}

/** The fact and path an analyst typed as a label (invoice.total → fact invoice, path $.total). */
export function parseFactLabel(label: string, options: FactOption[]): { fact: string; path?: string } {
  const known = options.find((o) => o.label === label);
  if (known) return { fact: known.fact, ...(known.path ? { path: known.path } : {}) };
  // The fact ends at the first `.` or `[`: « lines[0].amount » is lines at $[0].amount.
  const end = label.search(/[.[]/);
  return end < 0 ? { fact: label } : { fact: label.slice(0, end), path: `$${label.slice(end)}` };
}

/** A fact and its path as the editors and the version diff name them: invoice.total, lines[0].amount. */
export function factLabel(fact: string, path?: string): string {
  const rest = path ? path.replace(/^\$\.?/, '') : '';
  return rest === '' ? fact : `${fact}${rest.startsWith('[') ? '' : '.'}${rest}`;
}
