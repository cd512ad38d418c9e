/**
 * A text the analysis writes for people: French first, English beside it; the console shows the reader's
 * language. French follows Québec typography: a non-breaking space before `:` `;` and inside « ».
 */
export interface Words {
  fr: string;
  en: string;
}

/** Non-breaking space, as French typography puts it before `:` and `;` and inside guillemets. */
export const NBSP = '\u00a0';

export const words = (fr: string, en: string): Words => ({ fr, en });

/** A name as each language quotes it: « name » in French, "name" in English. */
export const quoted = (name: string): Words => ({ fr: `«${NBSP}${name}${NBSP}»`, en: `"${name}"` });

/** Several names quoted and listed, the French with `, ` as the English. */
export const quotedList = (names: readonly string[]): Words => ({
  fr: names.map((n) => quoted(n).fr).join(', '),
  en: names.map((n) => quoted(n).en).join(', '),
});

/** Reasons joined with a semicolon in each language. */
export const joined = (items: readonly Words[]): Words => ({
  fr: items.map((w) => w.fr).join(`${NBSP}; `),
  en: items.map((w) => w.en).join('; '),
});

/** A count as each language writes it (20 000, 20,000). */
export const counted = (n: number): Words => ({ fr: n.toLocaleString('fr-CA'), en: n.toLocaleString('en-CA') });
