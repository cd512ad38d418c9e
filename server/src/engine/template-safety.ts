import { fullFormats } from 'ajv-formats/dist/formats.js';
import Handlebars from 'handlebars';
import { LRUCache } from 'lru-cache';
import type { ErrorDetail } from '../common/errors/domain-errors.js';
import { expandSchemas } from '../common/json/schema-parts.js';
import { charge, metered, meterRenders, RenderLimitError, sized } from './template-budget.js';
import { templateSyntaxDetail } from './template-errors.js';
import { MAX_TEMPLATE_NESTING, MAX_TEMPLATE_TAGS, templateShape, type TemplateShape } from './template-shape.js';

export { RENDER_LIMITS, RenderLimitError } from './template-budget.js';
export { templateSyntaxDetail } from './template-errors.js';
export { MAX_TEMPLATE_NESTING, MAX_TEMPLATE_TAGS } from './template-shape.js';

const dates = Object.fromEntries(
  ['fr-CA', 'en-CA'].map((locale) => [
    locale,
    new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
  ]),
) as Record<'fr-CA' | 'en-CA', Intl.DateTimeFormat>;

/**
 * The calendar day a value writes (`2026-03-02`, or the start of an RFC 3339 date-time), or null when it is not a
 * real one. `new Date` read « Dossier 7 » as 1 July 2001, any number as a day of 2001, and 30 February as 2 March:
 * a made-up date in the model's prompt. A date-time's day is the one written, at its own offset: 23:30 on
 * 4 December in Québec is the 4th, which UTC makes the 5th.
 */
function writtenDay(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 40) return null;
  if (isDate(value)) return value;
  return isDateTime(value) ? value.slice(0, 10) : null;
}
const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isDate = (text: string) => (fullFormats.date as { validate: (s: string) => boolean }).validate(text);
const isDateTime = (text: string) => (fullFormats['date-time'] as { validate: (s: string) => boolean }).validate(text);

/**
 * The start of what `String(list)` writes (Array.prototype.join with commas, nested lists alike, null and
 * undefined as nothing), at least `max` characters when the whole is longer. Charged one step per item it
 * visits, so it costs what it writes, not the list's size.
 */
export function listPrefix(list: readonly unknown[], max: number): string {
  let written = '';
  const visit = (items: readonly unknown[]): boolean => {
    charge(1);
    for (let i = 0; i < items.length; i++) {
      if (i > 0) written += ',';
      if (written.length >= max) return false;
      charge(1);
      const item = items[i];
      if (Array.isArray(item)) {
        if (!visit(item)) return false;
      } else if (item !== null && item !== undefined) written += String(item);
      if (written.length >= max) return false;
    }
    return true;
  };
  visit(list);
  return written;
}

/** The documented helper set; nothing else can be called from a template. Each charges the render's budget. */
export const HELPERS: Record<string, (...args: unknown[]) => unknown> = {
  eq: (a, b) => {
    charge(typeof a === 'string' && typeof b === 'string' ? sized(Math.min(a.length, b.length)) : 1);
    return a === b;
  },
  // join, truncate and formatDate are charged for the text they write, once written: a list turned into text
  // (a list of lists by join, anything by formatDate) costs its length, which per item or a flat charge did not
  // count. 60 calls over 970 KB of numbers inside blocks that write nothing held the event loop 0.4–1.8 s (review).
  join: (list, separator) => {
    if (!Array.isArray(list)) return '';
    charge(1 + list.length);
    const text = list.join(typeof separator === 'string' ? separator : ', ');
    charge(sized(text.length));
    return text;
  },
  truncate: (text, length) => {
    const n = typeof length === 'number' ? length : 200;
    // A list is written only as far as it is shown: its whole text (130 000 numbers, 1 MB) took 12–15 ms a call.
    const s = Array.isArray(text) ? listPrefix(text, Math.max(0, n) + 1) : String(text ?? '');
    // Charged for what it writes: a text of 900 KB cut to 200 characters had spent the whole render's budget.
    charge(sized(Math.min(s.length, Math.max(0, n) + 1)));
    if (s.length <= n) return s;
    // Not between the two halves of a character outside the BMP (an emoji): a lone half is not valid text.
    let end = Math.max(0, n - 1);
    if (end > 0 && isHighSurrogate(s.charCodeAt(end - 1))) end--;
    return `${s.slice(0, end)}…`;
  },
  formatDate: (value, locale) => {
    charge(8);
    const day = writtenDay(value);
    if (day === null) {
      const text = String(value ?? '');
      charge(sized(text.length));
      return text;
    }
    return dates[locale === 'en' ? 'en-CA' : 'fr-CA'].format(new Date(`${day}T00:00:00Z`));
  },
};
/**
 * How many values each prompt helper takes: `{{eq}}` had rendered « true », `{{join}}` nothing, with no word at
 * saving. Explanation helpers check their own values (explain.ts).
 */
const HELPER_ARITY: Record<string, [min: number, max: number]> = {
  eq: [2, 2],
  join: [1, 2],
  truncate: [1, 2],
  formatDate: [1, 2],
};
const BLOCK_HELPERS = new Set(['if', 'unless', 'each', 'with']);
/** The helpers every Handlebars instance has: a variable of one of these names is never looked up. */
const BUILT_IN_HELPERS = new Set([
  'if',
  'unless',
  'each',
  'with',
  'lookup',
  'log',
  'helperMissing',
  'blockHelperMissing',
]);
const FORBIDDEN = new Set([
  'constructor',
  '__proto__',
  'prototype',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);
/** Literal nodes: where a name is expected, Handlebars looks their text up as one. */
const LITERALS = new Set(['StringLiteral', 'NumberLiteral', 'BooleanLiteral', 'NullLiteral', 'UndefinedLiteral']);
/** The data variables only an {{#each}} defines (`@root` is defined everywhere). */
const EACH_DATA = new Set(['index', 'key', 'first', 'last']);

const handlebars = Handlebars.create();
for (const [name, fn] of Object.entries(HELPERS))
  handlebars.registerHelper(name, (...args: unknown[]) => fn(...args.slice(0, -1)));
meterRenders(handlebars);
// Own-property checks only: `'__proto__' in HELPERS` is true for any plain object.
const knownHelpers = Object.fromEntries([...Object.keys(HELPERS)].map((h) => [h, true])) as Record<string, boolean>;

type Node = { type: string; [key: string]: unknown };
type PathNode = {
  type: 'PathExpression';
  original: string;
  parts: string[];
  depth: number;
  data: boolean;
  this?: boolean;
};

/** A variable a template reads, as a path from the root; `[]` stands for "each item of". */
export type VariablePath = string[];

/**
 * The scope of a block over what a helper answers (`{{#with (truncate title 40)}}`), told apart by identity: no
 * name a template can write (`{{[()]}}` names anything) reaches it. `{{this}}` there is that answer, not the whole
 * set of variables; the answer is a text or a boolean, so reading a member of it fails every strict render.
 */
const HELPER_VALUE: VariablePath = Object.freeze([]) as unknown as VariablePath;

/**
 * Parses a template without running it: lists the variables it reads (following #each/#with scopes) and the
 * reasons to refuse it (prototype access, partials, decorators, helpers outside the documented set).
 */
export function analyseTemplate(
  template: string,
  path: string,
  /** The helpers this kind of template may call: prompt templates have HELPERS, explanations their own. */
  helpers: readonly string[] = Object.keys(HELPERS),
  /**
   * Whether a render fails on a name it does not find (prompts compile `strict`). Then `@index` outside an
   * #each fails every render and is refused; an explanation (not strict) writes it as nothing.
   */
  strict = true,
): {
  variables: VariablePath[];
  /** The variables `join` goes through: a list each, which the variables schema must declare as one. */
  lists: VariablePath[];
  /** The variables written as text ({{x}}, {{truncate x}}, {{formatDate x}}): an object there prints « [object Object] ». */
  written: VariablePath[];
  problems: ErrorDetail[];
} {
  // Before parsing: the parser's time grows with the square of the nesting and with the tags (template-shape.ts).
  const tooLarge = shapeProblem(templateShape(template));
  if (tooLarge) return { variables: [], lists: [], written: [], problems: [{ path, ...tooLarge }] };
  let ast: Node;
  try {
    ast = handlebars.parse(template) as unknown as Node;
  } catch (err) {
    return { variables: [], lists: [], written: [], problems: [templateSyntaxDetail(path, err)] };
  }
  const variables: VariablePath[] = [];
  const lists: VariablePath[] = [];
  const written: VariablePath[] = [];
  const problems: ErrorDetail[] = [];
  /** How many #each blocks enclose the node being walked. */
  let eachDepth = 0;
  /**
   * By scope level: whether Handlebars may leave the level out. It adds a level for a block only when the block's
   * value is not the context around it (`context !== depths[0]`), so a value reached by climbing (`../items`,
   * `@root.items`) or a helper's answer can be the very value around it (the same item, an equal text), and then
   * `../` climbs one level less: a review saw « [object Object] » written, and a variable sent called missing.
   */
  const skippable: boolean[] = [];
  // `keyword: template` and the reason let the console word the problem in its language.
  const refuse = (message: string, params: Record<string, unknown>) =>
    problems.push({ path, message, keyword: 'template', params });

  const resolve = (node: PathNode, scopes: VariablePath[]): VariablePath | null => {
    // Data paths too: `@root.constructor` reads the root object's prototype like `constructor` does.
    const forbidden = node.parts.filter((part) => FORBIDDEN.has(part));
    for (const part of forbidden)
      refuse(`may not use "${part}": prototype access is refused`, { reason: 'prototype', name: part });
    // Refused already: not also a variable the schema would have to declare.
    if (forbidden.length > 0) return null;
    if (node.data) {
      // Handlebars defines these in an #each only: outside one a strict template fails on every render, and
      // the error blamed the caller's variables.
      const name = node.parts[0];
      if (strict && eachDepth === 0 && name !== undefined && EACH_DATA.has(name))
        refuse(`uses "@${name}" outside {{#each}}, where it is not defined`, { reason: 'each_data', name: `@${name}` });
      if (strict && name !== undefined && name !== 'root' && !EACH_DATA.has(name))
        refuse(`uses "@${name}", which no block defines (only @root, and @index, @key, @first, @last in {{#each}})`, {
          reason: 'data',
          name: `@${name}`,
        });
      // `@../index` climbs the data frames, which only #each adds: @root is in every frame, @index and the like
      // only in an #each's. Past them, a strict render fails every time.
      const frames = name !== undefined && EACH_DATA.has(name) ? eachDepth - 1 : eachDepth;
      if (strict && node.depth > 0 && node.depth > frames)
        refuse(`reads "${node.original}", which climbs out of more blocks than enclose it`, {
          reason: 'depth',
          name: node.original,
        });
      // `@root.x` reads the variable x wherever it is written: the schema must declare it like {{x}}.
      if (name === 'root') return node.parts.slice(1);
      return null; // @index, @key, @first, @last
    }
    // `../` climbs out of an #each or #with: past the root, a strict render fails every time.
    if (strict && node.depth > scopes.length - 1)
      refuse(`reads "${node.original}", which climbs out of more blocks than enclose it`, {
        reason: 'depth',
        name: node.original,
      });
    else if (climbsOverSkippable(node.depth, scopes.length))
      refuse(
        `reads "${node.original}" from inside a block over a value reached by climbing (../ or @root) or a helper's answer: Handlebars leaves that block's level out when its value equals the one around it, so how far "../" climbs would depend on the data; read the variable by its path from the root (@root.…)`,
        { reason: 'depth_by_value', name: node.original },
      );
    const base = scopes[Math.max(0, scopes.length - 1 - node.depth)] ?? [];
    if (base !== HELPER_VALUE) return [...base, ...node.parts];
    if (node.parts.length > 0) {
      refuse(`reads "${node.original}" in what a helper answers, a text that has no such member`, {
        reason: 'helper_member',
        name: node.original,
      });
      return null;
    }
    return HELPER_VALUE;
  };
  /** `{{"name"}}`, `{{1}}`, `{{true}}`: a literal where the variable's name goes, looked up as one and never declared. */
  const literalLookup = (node: Node) => {
    if (LITERALS.has(node.type))
      refuse('writes a literal value where a variable name goes: write the variable’s name, or the text itself', {
        reason: 'literal',
        name: String(node['original'] ?? node['value']),
      });
  };
  /** `{{this}}` outside any #each or #with writes the whole variables object: « [object Object] » in the text. */
  const wholeRoot = (node: Node, scopes: VariablePath[]) => {
    const path = node as PathNode;
    if (path.type !== 'PathExpression') return;
    if (path.data) {
      if (path.parts.length === 1 && path.parts[0] === 'root')
        refuse(
          `writes {{${path.original}}}, the whole set of variables: it would print "[object Object]"; name the variable to write`,
          {
            reason: 'whole_root',
            name: path.original,
          },
        );
      return;
    }
    if (path.parts.length > 0) return;
    const scope = scopes[Math.max(0, scopes.length - 1 - path.depth)] ?? [];
    if (scope !== HELPER_VALUE && scope.length === 0)
      refuse(
        `writes {{${path.original}}}, the whole set of variables, outside any {{#each}} or {{#with}}: it would print "[object Object]"; name the variable to write`,
        { reason: 'whole_root', name: path.original },
      );
  };
  /** Notes what a value reads; the variable it is, when it is one. */
  const expression = (node: Node | undefined, scopes: VariablePath[]): VariablePath | undefined => {
    if (!node) return undefined;
    if (node.type === 'PathExpression') {
      const variable = resolve(node as PathNode, scopes);
      if (variable && variable.length > 0) {
        variables.push(variable);
        return variable;
      }
    } else if (node.type === 'SubExpression') call(node, scopes);
    return undefined;
  };
  const call = (node: Node, scopes: VariablePath[]) => {
    const helper = (node['path'] as PathNode).original;
    if (!helpers.includes(helper))
      refuse(`calls "${helper}", which is not an allowed helper (${helpers.join(', ')})`, {
        reason: 'helper',
        name: helper,
        allowed: helpers.join(', '),
      });
    const params = (node['params'] as Node[]) ?? [];
    if (helpers.includes(helper)) helperValues(helper, params, scopes);
    // Prompt helpers take no named values: `{{join tags sep="/"}}` wrote « a, b » with its own separator.
    const pairs = (node['hash'] as { pairs?: { key: string }[] } | undefined)?.pairs ?? [];
    if (HELPER_ARITY[helper] && helpers.includes(helper) && pairs.length > 0)
      refuse(`gives "${helper}" a named value (${pairs[0]!.key}=…); it takes its values in order, unnamed`, {
        reason: 'helper_hash',
        name: helper,
        key: pairs[0]!.key,
      });
    // What truncate and formatDate are given first, they write as text.
    const writesFirst = helper === 'truncate' || helper === 'formatDate';
    params.forEach((param, i) => {
      if (i === 0 && writesFirst) wholeRoot(param, scopes);
      const variable = expression(param, scopes);
      if (i === 0 && variable && writesFirst) written.push(variable);
    });
    for (const pair of (node['hash'] as { pairs?: { value: Node }[] } | undefined)?.pairs ?? [])
      expression(pair.value, scopes);
  };
  /** A helper's values where they can be known before any render: how many, a length, a list. */
  const helperValues = (helper: string, params: Node[], scopes: VariablePath[]) => {
    const arity = HELPER_ARITY[helper];
    if (!arity) return;
    const [min, max] = arity;
    if (params.length < min || params.length > max) {
      const expected = min === max ? String(min) : `${min} or ${max}`;
      refuse(`calls "${helper}" with ${params.length} values; it takes ${expected}`, {
        reason: min === max ? 'helper_arity' : 'helper_arity_range',
        name: helper,
        found: params.length,
        min,
        max,
      });
      return;
    }
    // A value as the template writes it: a text in quotes (« "3" », which is no number), a subexpression as (…).
    const written = (value: Node) =>
      value.type === 'StringLiteral'
        ? JSON.stringify((value as { value?: unknown }).value)
        : value.type === 'SubExpression'
          ? '(…)'
          : String((value as { original?: unknown }).original ?? (value as { value?: unknown }).value);
    const length = params[1];
    if (helper === 'truncate' && length && (LITERALS.has(length.type) || length.type === 'SubExpression')) {
      const value = (length as { value?: unknown }).value;
      if (!(typeof value === 'number' && Number.isInteger(value) && value >= 1))
        refuse(`gives "truncate" ${written(length)} as its length: a whole number of characters, at least 1`, {
          reason: 'truncate_length',
          name: written(length),
        });
    }
    const list = params[0];
    if (helper === 'join' && list) {
      const variable = list.type === 'PathExpression' ? resolve(list as PathNode, scopes) : null;
      if (variable && variable.length > 0) lists.push(variable);
      // A text, a subexpression or what one answered (a text), or the whole set of variables: not a list.
      else if (list.type !== 'PathExpression' || (variable && variable.length === 0))
        refuse(`gives "join" a value (${written(list)}) where a list variable goes`, {
          reason: 'join_not_a_list',
          name: written(list),
        });
    }
  };
  /** Whether climbing `depth` levels from the top of `levels` leaves a level Handlebars may have left out. */
  const climbsOverSkippable = (depth: number, levels: number) => {
    for (let level = levels - 1; level > levels - 1 - depth && level > 0; level--) if (skippable[level]) return true;
    return false;
  };
  /** A block's value that can be the context around it: reached by climbing, from @root, or a helper's answer. */
  const mayBeTheContextAround = (param: Node | undefined) =>
    param?.type === 'SubExpression' ||
    (param?.type === 'PathExpression' &&
      ((param as PathNode).depth > 0 || ((param as PathNode).data && (param as PathNode).parts[0] === 'root')));
  const walk = (node: Node | undefined, scopes: VariablePath[]) => {
    if (!node) return;
    switch (node.type) {
      case 'Program':
        for (const child of node['body'] as Node[]) walk(child, scopes);
        return;
      case 'MustacheStatement': {
        const params = (node['params'] as Node[]) ?? [];
        const hash = (node['hash'] as { pairs?: unknown[] } | undefined)?.pairs ?? [];
        const name = (node['path'] as PathNode).original;
        // `{{lookup}}`, `{{log}}`, `{{if}}`: Handlebars' own helpers, called even without values.
        if (BUILT_IN_HELPERS.has(name) && !helpers.includes(name))
          refuse(`calls "${name}", which is not an allowed helper (${helpers.join(', ')})`, {
            reason: 'helper',
            name,
            allowed: helpers.join(', '),
          });
        else if (params.length > 0 || hash.length > 0 || helpers.includes(name)) call(node, scopes);
        else {
          literalLookup(node['path'] as Node);
          wholeRoot(node['path'] as Node, scopes);
          const variable = expression(node['path'] as Node, scopes);
          if (variable) written.push(variable);
        }
        return;
      }
      case 'BlockStatement': {
        const helper = (node['path'] as PathNode).original;
        const params = (node['params'] as Node[]) ?? [];
        if (!BLOCK_HELPERS.has(helper))
          refuse(`uses the block "#${helper}"; only #if, #unless, #each and #with are allowed`, {
            reason: 'block',
            name: helper,
          });
        // Each takes exactly one value: `{{#if}}` saved, then failed every render.
        if (BLOCK_HELPERS.has(helper) && params.length !== 1)
          refuse(`uses "#${helper}" with ${params.length} values; it takes exactly one ({{#${helper} name}})`, {
            reason: 'block_arity',
            name: helper,
            found: params.length,
          });
        literalLookup(node['path'] as Node);
        for (const param of params) expression(param, scopes);
        // Named values read variables too (`{{#if a b=c}}` read `c`, which was saved undeclared).
        for (const pair of (node['hash'] as { pairs?: { value: Node }[] } | undefined)?.pairs ?? [])
          expression(pair.value, scopes);
        const subject =
          params[0]?.type === 'PathExpression'
            ? resolve(params[0] as PathNode, scopes)
            : params[0]?.type === 'SubExpression'
              ? HELPER_VALUE
              : null;
        const inner =
          helper === 'each' && subject
            ? [...scopes, subject === HELPER_VALUE ? HELPER_VALUE : [...subject, '[]']]
            : helper === 'with' && subject && !sameScope(subject, scopes[scopes.length - 1])
              ? [...scopes, subject]
              : scopes; // Handlebars adds no level for a context equal to the one around it ({{#with this}})
        // `as |r|` names the block's value: the names it reads are not the schema's.
        const blockParams = (node['program'] as { blockParams?: string[] } | undefined)?.blockParams ?? [];
        if (blockParams.length > 0)
          refuse(`names its block's value (as |${blockParams.join(' ')}|); write the variable's path instead`, {
            reason: 'block_params',
            name: blockParams.join(' '),
          });
        if (helper === 'each') eachDepth++;
        const level = inner.length - 1;
        const wasSkippable = skippable[level];
        // At the top the context around is the whole set of variables, which no item or helper answer can be.
        if (inner !== scopes) skippable[level] = scopes.length > 1 && mayBeTheContextAround(params[0]);
        walk(node['program'] as Node, inner);
        skippable[level] = wasSkippable ?? false;
        if (helper === 'each') eachDepth--;
        walk(node['inverse'] as Node, scopes);
        return;
      }
      case 'PartialStatement':
      case 'PartialBlockStatement':
        refuse('uses a partial ({{> ...}}); partials are not available in prompts', { reason: 'partial' });
        return;
      case 'DecoratorBlock':
      case 'Decorator':
        refuse('uses a decorator; decorators are not allowed', { reason: 'decorator' });
        return;
      default:
        return; // content and comments
    }
  };
  walk(ast, [[]]);
  return { variables: dedupe(variables), lists: dedupe(lists), written: dedupe(written), problems };
}

/** Whether a block's subject is the context around it already (`this`, or `@root` at the top). */
function sameScope(subject: VariablePath, around: VariablePath | undefined): boolean {
  if (subject === HELPER_VALUE || around === HELPER_VALUE) return subject === around;
  return around !== undefined && subject.length === around.length && subject.every((part, i) => part === around[i]);
}

/** Why a template is too large to parse, if it is: the detail without its path. */
function shapeProblem({ nesting, tags }: TemplateShape): Omit<ErrorDetail, 'path'> | undefined {
  if (nesting > MAX_TEMPLATE_NESTING)
    return {
      message: `nests ${nesting} levels deep; at most ${MAX_TEMPLATE_NESTING} are allowed (a block, an {{else …}} branch and a subexpression are one level each)`,
      keyword: 'template',
      params: { reason: 'nesting', found: nesting, limit: MAX_TEMPLATE_NESTING },
    };
  if (tags > MAX_TEMPLATE_TAGS)
    return {
      message: `has ${tags} tags; at most ${MAX_TEMPLATE_TAGS} are allowed (each {{…}} and each subexpression ( … ) count one)`,
      keyword: 'template',
      params: { reason: 'tags', found: tags, limit: MAX_TEMPLATE_TAGS },
    };
  return undefined;
}

/** Compiled templates by their text: a render does not compile again. Bounded by count and by total text. */
const compiledTemplates = new LRUCache<string, HandlebarsTemplateDelegate>({
  max: 500,
  maxSize: 8 * 1024 * 1024,
  sizeCalculation: (_compiled, template) => Math.max(1, template.length),
});

/**
 * Renders a template that passed `analyseTemplate`: no HTML escaping (a prompt is not a page), strict lookups,
 * under the work budget of template-budget.ts (RenderLimitError past it).
 */
export function renderTemplate(template: string, variables: Record<string, unknown>): string {
  let compiled = compiledTemplates.get(template);
  if (!compiled) {
    // A template saved before its shape was bounded is refused here rather than compiled.
    if (shapeProblem(templateShape(template))) throw new RenderLimitError('shape');
    compiled = handlebars.compile(template, { noEscape: true, strict: true, knownHelpers, knownHelpersOnly: true });
    compiledTemplates.set(template, compiled);
  }
  const render = compiled;
  return metered(() => render(variables, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false }));
}

function dedupe(paths: VariablePath[]): VariablePath[] {
  const seen = new Set<string>();
  return paths.filter((p) => {
    const key = p.join('.');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The parts of a JSON Schema that say what the variable path holds (object properties, `[]` for array items), in
 * any of its parts: `allOf`, `anyOf`, `oneOf` and local `$ref`s are followed, as the validator follows them.
 * Undefined when nothing declares it; empty when it is declared by `true`, which says nothing more.
 */
export function declarationsOf(schema: unknown, path: readonly string[]): Record<string, unknown>[] | undefined {
  let declared: unknown[] = [schema];
  for (const segment of path) {
    const nodes = expandSchemas(declared, schema);
    if (segment === 'length' && nodes.some((n) => n['type'] === 'array')) return [{ type: 'integer' }];
    declared = nodes.flatMap((node): unknown[] => {
      if (segment === '[]') return node['items'] !== undefined ? [node['items']] : [];
      const properties = node['properties'] as Record<string, unknown> | undefined;
      if (properties && typeof properties === 'object' && Object.hasOwn(properties, segment))
        return [properties[segment]];
      // `{{sources.[0].title}}`: one item of a list, declared by the list's items.
      return /^(0|[1-9]\d{0,8})$/.test(segment) ? itemAt(node, Number(segment)) : [];
    });
    if (declared.length === 0) return undefined;
  }
  return expandSchemas(declared, schema);
}

/**
 * The schema of item `index` of a list, as the validator reads draft-07: `items` for every item, or `items` as a
 * list of one schema per place, then `additionalItems` for the items after them.
 */
function itemAt(node: Record<string, unknown>, index: number): unknown[] {
  const items = node['items'];
  if (!Array.isArray(items)) return items !== undefined ? [items] : [];
  if (index < items.length) return [items[index]];
  const more = node['additionalItems'];
  return more !== undefined && more !== false ? [more] : [];
}

/** Whether a JSON Schema declares the variable path (see declarationsOf). */
export function declares(schema: unknown, path: readonly string[]): boolean {
  return declarationsOf(schema, path) !== undefined;
}
