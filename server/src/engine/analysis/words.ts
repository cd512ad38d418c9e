import { typesetFrench } from '../../common/text/typeset-french.js';

/**
 * A text the analysis writes for people: French first, English beside it; the console shows the reader's
 * language. The French is typed with plain spaces and set in Québec typography here (typesetFrench).
 */
export interface Words {
  fr: string;
  en: string;
}

export const words = (fr: string, en: string): Words => ({ fr: typesetFrench(fr), en });

/** A name as each language quotes it: « name » in French, "name" in English. */
export const quoted = (name: string): Words => words(`« ${name} »`, `"${name}"`);

/** Several names quoted and listed. */
export const quotedList = (names: readonly string[]): Words =>
  words(names.map((n) => `« ${n} »`).join(', '), names.map((n) => `"${n}"`).join(', '));

/** Reasons joined with a semicolon in each language. */
export const joined = (items: readonly Words[]): Words =>
  words(items.map((w) => w.fr).join(' ; '), items.map((w) => w.en).join('; '));

// Made once: toLocaleString builds a formatter at each call, which a long table's many messages felt.
const fr = new Intl.NumberFormat('fr-CA');
const en = new Intl.NumberFormat('en-CA');

/** A count as each language writes it (20 000, 20,000). */
export const counted = (n: number): Words => ({ fr: fr.format(n), en: en.format(n) });
