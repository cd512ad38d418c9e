import Handlebars from 'handlebars';
import type { RuleExplanation } from './compile.js';
import { metered, meterRenders, textOf } from './template-budget.js';
import type { RuleTrace } from './trace.js';

type Language = 'fr' | 'en';

/** The helpers an explanation may call (prompt templates have their own, in template-safety.ts). */
export const EXPLANATION_HELPERS = ['money', 'date', 'count'] as const;

/** One Handlebars per language: `money` and `date` write amounts and dates as each language's readers expect. */
const environments: Record<Language, typeof Handlebars> = { fr: withFormats('fr-CA'), en: withFormats('en-CA') };
const templates = {
  fr: new Map<string, HandlebarsTemplateDelegate>(),
  en: new Map<string, HandlebarsTemplateDelegate>(),
};

/**
 * `{{money amount}}`: « 9,98 $ », « 25 000 $ » in French, "$9.98", "$25,000" in English (cents only when there
 * are some). `{{date day}}`: « 2 avril 2026 », "April 2, 2026" for an ISO date. `{{count n "an" "ans"}}`: the
 * number and the form of the noun its language's plural rules take: « 0 an », « 1 an », « 2 ans », but "0 days",
 * "1 day" (French counts 0 and 1 as singular, English only 1); a masked « *** » keeps the plural noun. Anything
 * else (a masked amount or date, a missing value, a count without both forms) is written as it is.
 */
function withFormats(locale: string): typeof Handlebars {
  const environment = Handlebars.create();
  // Facts come from callers: a nested #each over a list they send would otherwise render without bound.
  meterRenders(environment, textOf);
  const currency = (digits: number) =>
    new Intl.NumberFormat(locale, { style: 'currency', currency: 'CAD', minimumFractionDigits: digits });
  const whole = currency(0);
  const cents = currency(2);
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  environment.registerHelper('money', (value: unknown) => {
    const amount = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof amount !== 'number' || !Number.isFinite(amount)) return value;
    return (Number.isInteger(amount) ? whole : cents).format(amount);
  });
  // The noun follows the number as written (rounded to two decimals): 0.999 is "1 day", 1.999 « 2 ans ».
  const plural = new Intl.PluralRules(locale, { maximumFractionDigits: 2 });
  const quantity = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  // French keeps a number with its noun on one line (a non-breaking space), as it does « 30 jours » typed so.
  const space = locale.startsWith('fr') ? '\u00a0' : ' ';
  environment.registerHelper('count', (value: unknown, one: unknown, other: unknown) => {
    if (typeof one !== 'string' || typeof other !== 'string' || value === undefined || value === null || value === '')
      return value;
    const n = typeof value === 'string' ? Number(value) : value;
    // A masked « *** » (or another text that is no number) keeps the noun: « *** ans ».
    if (typeof n !== 'number' || !Number.isFinite(n)) return `${textOf(value)}${space}${other}`;
    return `${quantity.format(n)}${space}${plural.select(n) === 'one' ? one : other}`;
  });
  environment.registerHelper('date', (value: unknown) => {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return value;
    const parsed = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
    if (Number.isNaN(parsed.getTime())) return value;
    // French writes the first of the month as an ordinal: « 1er avril 2026 ».
    return locale.startsWith('fr') && parsed.getUTCDate() === 1
      ? day.format(parsed).replace(/^1 /, '1er ')
      : day.format(parsed);
  });
  // `{{count}}` (or `{{money}}`, `{{date}}`) alone reads the fact of that name, as it did before the helper
  // existed: with knownHelpersOnly, Handlebars calls the helper for it, which would write "[object Object]".
  for (const name of EXPLANATION_HELPERS) {
    const helper = environment.helpers[name] as (...args: unknown[]) => unknown;
    environment.registerHelper(name, function (this: unknown, ...args: unknown[]) {
      if (args.length > 1) return helper.apply(this, args);
      return this !== null && typeof this === 'object' && Object.hasOwn(this, name)
        ? (this as Record<string, unknown>)[name]
        : undefined;
    });
  }
  return environment;
}

/** Compiles an explanation template (no HTML escaping: this is text, not a page); throws on bad syntax. */
export function compileExplanation(template: string, language: Language = 'fr'): HandlebarsTemplateDelegate {
  const cache = templates[language];
  let compiled = cache.get(template);
  if (!compiled) {
    compiled = environments[language].compile(template, {
      noEscape: true,
      knownHelpersOnly: true,
      knownHelpers: Object.fromEntries(EXPLANATION_HELPERS.map((helper) => [helper, true])),
      strict: false,
    });
    compiled({}); // surface syntax errors now, not at the first decision
    if (cache.size > 5000) cache.clear();
    cache.set(template, compiled);
  }
  return compiled;
}

export interface Explanation {
  fr: string;
  en: string;
  rules: { name: string; fr?: string; en?: string; path?: string[]; pathEn?: string[] }[];
}

/** Where a version's per-rule explanations are found: a Map as compiled, or packed while cached (packed-explanations.ts). */
export interface ExplanationSource {
  explanations: { get(name: string): RuleExplanation | undefined };
}

/**
 * What an explanation's templates read: the given facts with the computed ones over them, as
 * `{ ...facts, ...computed }` would give, and `event`, the fired rule's event params. Copied onto a
 * null-prototype object: that spread cost about 65 µs a decision on the invoice pilot (V8 adds the second
 * object's 40 properties one at a time to a fresh shape), this about 1.5 µs. With no prototype, a fact named
 * "__proto__" stays an ordinary property, as with the spread; the templates read own properties only
 * (allowProtoPropertiesByDefault: false).
 */
export function explanationContext(
  facts: Record<string, unknown>,
  computed: Record<string, unknown>,
): Record<string, unknown> {
  return Object.assign(Object.create(SCOPE) as Record<string, unknown>, facts, computed);
}

/**
 * The scope's prototype: nothing a template can name, only a way to be compared. Handlebars compares a block's
 * context with the scope loosely (`context != depths[0]`), which converts the scope to a primitive when the context
 * is a number or a string (`{{#each list}}{{#each ../list}}` over plain values): with no prototype at all that
 * threw, and the decision answered 500. A symbol key cannot collide with a fact's name.
 */
const SCOPE: object = Object.freeze(
  Object.create(null, { [Symbol.toPrimitive]: { value: () => '[explanation scope]' } }) as object,
);

/**
 * The business-language reasons of a decision: each fired rule's template, filled with the facts it saw (given
 * and computed) and its event's params as `event`. All of them share one render budget (docs/adr/0033); past
 * it, RenderLimitError.
 */
export function explain(
  compiled: ExplanationSource,
  fired: RuleTrace[],
  facts: Record<string, unknown>,
  computed: Record<string, unknown>,
): Explanation {
  return metered(() => explainNow(compiled, fired, facts, computed));
}

function explainNow(
  compiled: ExplanationSource,
  fired: RuleTrace[],
  facts: Record<string, unknown>,
  computed: Record<string, unknown>,
): Explanation {
  // One scope for the decision, its `event` set for each rule in turn: copying 60 facts per fired rule cost more
  // than rendering the templates (about 20 µs of the 45 µs the pilot's explanation took).
  const scope = explanationContext(facts, computed);
  const rules = fired.map((rule) => {
    const text = compiled.explanations.get(rule.name) ?? {};
    scope['event'] = rule.event.params ?? {};
    const render = (template: string | undefined, language: Language) =>
      template
        ? compileExplanation(template, language)(scope, {
            allowProtoPropertiesByDefault: false,
            allowProtoMethodsByDefault: false,
          })
        : undefined;
    return {
      name: rule.name,
      fr: render(text.fr, 'fr'),
      en: render(text.en, 'en'),
      ...(text.path && { path: text.path, pathEn: text.pathEn ?? text.path }),
    };
  });
  const join = (lang: 'fr' | 'en') =>
    rules
      .map((r) => {
        const path = lang === 'fr' ? r.path : r.pathEn;
        // French sets a non-breaking space before the colon; English none.
        return [path ? `${lang === 'fr' ? 'Parcours\u00a0:' : 'Path:'} ${path.join(' → ')}` : '', r[lang] ?? '']
          .filter(Boolean)
          .join('. ');
      })
      .filter(Boolean)
      .join(' ');
  return { fr: join('fr'), en: join('en'), rules };
}
