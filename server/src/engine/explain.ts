import Handlebars from 'handlebars';
import type { CompiledRules } from './compile.js';
import type { RuleTrace } from './trace.js';

const handlebars = Handlebars.create();
const templates = new Map<string, HandlebarsTemplateDelegate>();

/** Compiles an explanation template (no HTML escaping: this is text, not a page); throws on bad syntax. */
export function compileExplanation(template: string): HandlebarsTemplateDelegate {
  let compiled = templates.get(template);
  if (!compiled) {
    compiled = handlebars.compile(template, { noEscape: true, knownHelpersOnly: true, strict: false });
    compiled({}); // surface syntax errors now, not at the first decision
    if (templates.size > 5000) templates.clear();
    templates.set(template, compiled);
  }
  return compiled;
}

export interface Explanation {
  fr: string;
  en: string;
  rules: { name: string; fr?: string; en?: string; path?: string[] }[];
}

/** The business-language reasons of a decision: each fired rule's template, filled with the facts it saw. */
export function explain(compiled: CompiledRules, fired: RuleTrace[], context: Record<string, unknown>): Explanation {
  const rules = fired.map((rule) => {
    const text = compiled.explanations.get(rule.name) ?? {};
    const scope = { ...context, event: rule.event.params ?? {} };
    const render = (template?: string) =>
      template
        ? compileExplanation(template)(scope, {
            allowProtoPropertiesByDefault: false,
            allowProtoMethodsByDefault: false,
          })
        : undefined;
    return { name: rule.name, fr: render(text.fr), en: render(text.en), ...(text.path && { path: text.path }) };
  });
  const join = (lang: 'fr' | 'en') =>
    rules
      .map((r) =>
        // French sets a non-breaking space before the colon; English none.
        [r.path ? `${lang === 'fr' ? 'Parcours\u00a0:' : 'Path:'} ${r.path.join(' → ')}` : '', r[lang] ?? '']
          .filter(Boolean)
          .join('. '),
      )
      .filter(Boolean)
      .join(' ');
  return { fr: join('fr'), en: join('en'), rules };
}
