import { pointerSegment } from './json-pointer.js';

/** What `walkJsonText` reports: a number as written (`start`..`end`), or an object or array opening at `start`. */
export type JsonTextToken = { kind: 'number'; start: number; end: number } | { kind: 'open'; start: number };

/**
 * Walks JSON text without parsing it, keeping the keys and indices that lead to where it is, and tells `visit`
 * of each number and each opening bracket with that place; `visit` returns true to stop there. Strings are
 * skipped whole by a native search for their closing quote. Meant for text that parses (or that the caller only
 * needs an approximate place in): an unterminated string ends the walk, and a key with an escape JSON cannot
 * read is given as written. Used where a parsed value cannot tell what the text said (how a number was written)
 * or must not be built at all (an object too wide to parse).
 */
export function walkJsonText(
  text: string,
  visit: (token: JsonTextToken, places: readonly (string | number)[]) => boolean | void,
): void {
  const places: (string | number)[] = [];
  const inArray: boolean[] = [];
  let key = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const end = closingQuote(text, i);
      if (end === -1) return;
      if (key) places[places.length - 1] = keyAsWritten(text.slice(i, end + 1));
      key = false;
      i = end;
    } else if (c === 0x7b || c === 0x5b) {
      if (visit({ kind: 'open', start: i }, places)) return;
      inArray.push(c === 0x5b);
      places.push(0);
      key = c === 0x7b;
    } else if (c === 0x7d || c === 0x5d) {
      inArray.pop();
      places.pop();
      key = false; // `{}`: no key came, and what follows in a list is a value
    } else if (c === 0x2c) {
      if (inArray[inArray.length - 1]) (places[places.length - 1] as number)++;
      else key = true;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      let end = i + 1;
      while (end < text.length && isNumberChar(text.charCodeAt(end))) end++;
      if (visit({ kind: 'number', start: i, end }, places)) return;
      i = end - 1;
    }
  }
}

/** A JSON Pointer of the places `walkJsonText` gives (keys cut to 64 characters: they go into error bodies). */
export function pointerOfPlaces(places: readonly (string | number)[]): string {
  return places.map((p) => `/${typeof p === 'number' ? p : pointerSegment(p.slice(0, 64))}`).join('');
}

/** Where the string opening at `from` closes: the first quote after an even run of backslashes (-1: never). */
export function closingQuote(text: string, from: number): number {
  let end = text.indexOf('"', from + 1);
  while (end !== -1 && escaped(text, end)) end = text.indexOf('"', end + 1);
  return end;
}

/** True when the character at `at` follows an odd number of backslashes. */
function escaped(text: string, at: number): boolean {
  let backslashes = 0;
  while (text.charCodeAt(at - 1 - backslashes) === 0x5c) backslashes++;
  return backslashes % 2 === 1;
}

function keyAsWritten(quoted: string): string {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return quoted.slice(1, -1);
  }
}

/** Digits, sign, decimal point and exponent: what a JSON number is written with. */
const isNumberChar = (c: number): boolean =>
  (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x65 || c === 0x45 || c === 0x2b || c === 0x2d;
