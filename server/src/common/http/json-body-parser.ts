import { isUtf8 } from 'node:buffer';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ValidationError } from '../errors/domain-errors.js';
import { mediaError, takesXml, wrongMediaType } from './body-media.js';
import { closingQuote, pointerOfPlaces, walkJsonText } from '../json/json-text-places.js';
import { integerReadsAsWritten } from '../json/long-integers.js';
import { isWellFormed } from '../text/well-formed.js';

/** Deeper documents are refused before any validator recurses into them (no legitimate payload nests this far). */
export const MAX_JSON_DEPTH = 64;

/**
 * Objects with more members are refused before JSON.parse. V8 builds such an object as a hash table, member by
 * member: 1 MiB of members in one object took 22–39 ms to parse here (the same members in objects of 100, 4 ms),
 * and everything after the parse (validation, masking, the record) walked it as slowly. No document of the API
 * comes near (docs/adr/0012, "What a wide body held the event loop for"). Members are counted as written: a key
 * sent twice counts twice, as the parse does the work for each.
 */
export const MAX_OBJECT_MEMBERS = 10_000;

/**
 * True when the JSON text nests deeper than `max`, found by scanning brackets outside strings. It runs before
 * JSON.parse so hostile nesting never reaches code that recurses over the value (validators, canonical JSON, BSON).
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  // Width is not asked here: a scan stopped at a wide object would not see the nesting after it.
  return scanJsonText(text, max, Infinity).tooDeep;
}

/**
 * One pass over JSON text: whether it nests deeper than `max`, where an object with more than `maxMembers`
 * members opens (`wideAt`), and the length of its longest string as written (escapes included, so at least as
 * long as the string itself; undefined when the text was not walked).
 */
export function scanJsonText(
  text: string,
  max: number,
  maxMembers = MAX_OBJECT_MEMBERS,
): { tooDeep: boolean; wideAt?: number; longestString?: number } {
  // Nesting deeper than `max` needs more than `max` opening brackets, and an object wider than `maxMembers` needs
  // as many colons (one per member): most bodies have a few, counted by a native search far faster than the
  // character walk below. Long lists of numbers have no colons. (A member is at least 5 characters with its
  // comma, `"":0,`: shorter texts are not even counted.)
  const narrow = text.length <= 5 * maxMembers || atMost(text, [':'], maxMembers);
  if (narrow && atMost(text, ['{', '['], max)) return { tooDeep: false };
  let depth = 0;
  let longestString = 0;
  // Per open container (index: its depth): its commas so far, or -1 for an array; and where it opened.
  const commas: number[] = [];
  const openedAt: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // A string is skipped by a native search for its closing quote: a batch of 100 invoices is half strings,
      // and walking them a character at a time took most of this function's time.
      const end = closingQuote(text, i);
      if (end === -1) return { tooDeep: false }; // an unterminated string: JSON.parse refuses the body
      if (end - i - 1 > longestString) longestString = end - i - 1;
      i = end;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return { tooDeep: true };
      commas[depth] = c === 0x7b ? 0 : -1;
      openedAt[depth] = i;
    } else if (c === 0x7d || c === 0x5d) depth--;
    else if (c === 0x2c && commas[depth] >= 0 && ++commas[depth] >= maxMembers)
      return { tooDeep: false, wideAt: openedAt[depth] };
  }
  return { tooDeep: false, longestString };
}

/** True when the text holds at most `max` of the given characters in all. */
function atMost(text: string, characters: string[], max: number): boolean {
  let count = 0;
  for (const character of characters) {
    for (let i = text.indexOf(character); i !== -1; i = text.indexOf(character, i + 1)) if (++count > max) return false;
  }
  return true;
}

/** The JSON Pointer of the object or array that opens at `offset` of the text. */
export function pointerOfContainerAt(text: string, offset: number): string {
  let found = '';
  walkJsonText(text, (token, places) => {
    if (token.kind !== 'open' || token.start !== offset) return false;
    found = pointerOfPlaces(places);
    return true;
  });
  return found;
}

/** Longer object keys are refused: no field of ours comes near, and a key is copied into every path and error. */
export const MAX_KEY_LENGTH = 1024;

/**
 * Where a parsed body holds what JSON allows but nothing downstream should get: a key longer than
 * MAX_KEY_LENGTH or with a NUL character (the database refuses such field names), a number JSON.parse turned
 * into Infinity (`1e309`), an integer it could not read exactly (`9007199254740993`), a string with an
 * unpaired surrogate (it cannot be stored as UTF-8 unchanged).
 * Undefined when the body is clean. `text` (and the longest string the scan found) lets common bodies skip the
 * walk: these need an escape, a long exponent or a long string to appear at all.
 */
export function unacceptableValue(
  value: unknown,
  text: string,
  longestString = text.length,
): { path: string; message: string } | undefined {
  // A key over the limit needs a string over it (`longestString`, when the text was scanned: a batch of 100
  // invoices is 80 KB of short strings, and walking its values cost half its JSON.parse). A NUL or an unpaired
  // surrogate needs an escape of one (`\u0000`, `\uD800`–`\uDFFF`: UTF-8 was checked). A number reaches Infinity
  // (over 1.8e308) only with an exponent of two digits or more, written as a number (after a colon, a bracket,
  // a comma or nothing), or with over 299 digits before an exponent of one digit (or none); an integer is
  // inexact only with 16 digits or more. So bodies without long strings, such escapes or such numbers are clean.
  // (85 000 keys such as "1e22" had been walked for an exponent they only spelled: 15 ms on top of the parse.)
  if (
    Math.min(text.length, longestString) <= MAX_KEY_LENGTH &&
    !/\\u(?:0000|[dD][89a-fA-F])/.test(text) &&
    !/(?:^|[:[,])\s*-?\d+(?:\.\d+)?[eE][+-]?\d\d/.test(text) &&
    !hasDigitRun(text, 16)
  )
    return undefined;
  // Read off the text, where each number is written: the parsed value cannot tell 9007199254740993 (rounded)
  // from 9007199254740992 (exact), nor a number from the same digits in a string.
  const inexact = hasDigitRun(text, 16) ? inexactInteger(text) : undefined;
  if (inexact)
    return {
      path: inexact.path,
      message: `is an integer of more digits than a JSON number holds exactly (it would be read as ${Number(inexact.literal)}): send it as a string`,
    };
  // The path is kept as a stack of keys and written only for the value refused: building it for every value
  // of a clean batch of 100 invoices cost twice its JSON.parse.
  const keys: (string | number)[] = [];
  const refuse = (message: string) => ({
    path: pointerOfPlaces(keys),
    message,
  });
  const visit = (node: unknown): { path: string; message: string } | undefined => {
    if (typeof node === 'string')
      return isWellFormed(node) ? undefined : refuse('contains an unpaired surrogate (not valid Unicode text)');
    if (typeof node === 'number')
      return Number.isFinite(node) ? undefined : refuse('is a number too large to represent');
    if (node === null || typeof node !== 'object') return undefined;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        keys.push(i);
        const found = visit(node[i]);
        if (found) return found;
        keys.pop();
      }
      return undefined;
    }
    for (const key in node) {
      if (!Object.hasOwn(node, key)) continue;
      keys.push(key);
      if (key.length > MAX_KEY_LENGTH)
        return refuse(`is a key of ${key.length} characters; keys are limited to ${MAX_KEY_LENGTH}`);
      if (key.includes('\u0000')) {
        const found = refuse('is a key containing a NUL character');
        return { ...found, path: found.path.split('\u0000').join('\\u0000') };
      }
      if (!isWellFormed(key)) return refuse('is a key with an unpaired surrogate');
      const found = visit((node as Record<string, unknown>)[key]);
      if (found) return found;
      keys.pop();
    }
    return undefined;
  };
  return visit(value);
}

/**
 * The first integer written in the text with more digits than a double holds exactly (`9007199254740993` is
 * read as …992: an identifier sent as a number would be stored as another), with its JSON Pointer. The text is
 * valid JSON (it was parsed): strings are skipped whole, and a stack of keys and indices says where each number
 * is. Integers written with an exponent or a fraction are the floating-point numbers they say they are.
 */
export function inexactInteger(text: string): { path: string; literal: string } | undefined {
  let found: { path: string; literal: string } | undefined;
  walkJsonText(text, (token, places) => {
    if (token.kind !== 'number') return false;
    const literal = text.slice(token.start, token.end);
    if (!/^-?\d{16,}$/.test(literal) || integerReadsAsWritten(literal)) return false;
    found = { path: pointerOfPlaces(places) || '/', literal };
    return true;
  });
  return found;
}

/**
 * True when the text holds `length` digits in a row. Only every `length`-th character is looked at first (a run
 * that long covers one of them): a regular expression such as /\d{309}/ tried each digit of an 800-byte body in
 * turn and cost a quarter of its JSON.parse.
 */
export function hasDigitRun(text: string, length: number): boolean {
  const digit = (at: number) => {
    const c = text.charCodeAt(at);
    return c >= 0x30 && c <= 0x39;
  };
  for (let i = length - 1; i < text.length; i += length) {
    if (!digit(i)) continue;
    let start = i;
    while (start > 0 && digit(start - 1)) start--;
    let end = i + 1;
    while (end < text.length && digit(end)) end++;
    if (end - start >= length) return true;
  }
  return false;
}

/**
 * Why the body cannot be read as the UTF-8 JSON it is parsed as, or undefined: another charset (UTF-16 read as
 * UTF-8 is garbage, answered as the caller's invalid JSON), or a compressed body. Both are a 415, saying what to send.
 */
export function unreadableEncoding(headers: FastifyRequest['headers']): string | undefined {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(headers['content-type'] ?? '')?.[1]?.toLowerCase();
  // US-ASCII is UTF-8's first 128 characters: a body labelled so reads the same.
  if (charset !== undefined && !['utf-8', 'utf8', 'us-ascii', 'ascii'].includes(charset))
    return `The body's charset is ${charset}; the API reads bodies in UTF-8 only (send charset=utf-8, or none).`;
  const encoding = headers['content-encoding']?.trim().toLowerCase();
  if (encoding && encoding !== 'identity')
    return `The body is sent with Content-Encoding ${encoding}; the API takes bodies uncompressed.`;
  return undefined;
}

/**
 * JSON is the body the API takes (others get a 415 saying what to send; the DMN import takes XML instead,
 * xml-body-parser.ts); malformed or over-nested bodies get a clear 400.
 */
export function registerJsonBodyParser(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  // react-admin's REST client labels a DELETE without a body `text/plain`: revoking a key from the console was a
  // 415. No body is no body, whatever its label (text, a form, anything else); a body in another type is refused.
  fastify.addContentTypeParser(
    '*',
    { parseAs: 'buffer' },
    (request: FastifyRequest, body: string | Buffer, done: (err: Error | null, body?: unknown) => void) => {
      if (body.length === 0) return done(null, undefined);
      done(wrongMediaType(request));
    },
  );
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer' },
    (request: FastifyRequest, body: string | Buffer, done: (err: Error | null, body?: unknown) => void) => {
      // JSON sent to the DMN import is the wrong file, whether or not it parses.
      if (takesXml(request)) return done(wrongMediaType(request));
      const unreadable = unreadableEncoding(request.headers);
      if (unreadable) return done(mediaError(unreadable));
      // Bytes that are not UTF-8 (Latin-1 from an older system, labelled UTF-8 or not) would be read as U+FFFD
      // and stored so: « Équipements » became « �quipements » in a decision record.
      if (typeof body !== 'string' && !isUtf8(body))
        return done(
          new ValidationError(
            'The request body is not valid UTF-8 (an older system may have sent Latin-1 or Windows-1252): send it encoded in UTF-8.',
            [{ path: '/', message: 'is not valid UTF-8' }],
            'invalid_encoding',
          ),
        );
      // A byte-order mark is allowed before JSON text (RFC 8259 §8.1) and means nothing: JSON.parse refuses it.
      const raw = body.toString();
      const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
      if (text.trim() === '') return done(null, undefined);
      const scanned = scanJsonText(text, MAX_JSON_DEPTH);
      if (scanned.tooDeep) {
        return done(
          new ValidationError(
            `The request body nests deeper than ${MAX_JSON_DEPTH} levels.`,
            [{ path: '/', message: `nesting depth exceeds ${MAX_JSON_DEPTH}` }],
            'too_deep',
          ),
        );
      }
      if (scanned.wideAt !== undefined) {
        const path = pointerOfContainerAt(text, scanned.wideAt) || '/';
        return done(
          new ValidationError(
            `The request body holds an object of more than ${MAX_OBJECT_MEMBERS} members.`,
            [{ path, message: `has more than ${MAX_OBJECT_MEMBERS} members` }],
            'too_wide',
          ),
        );
      }
      // The checks above and JSON.parse were one turn of 27–46 ms for a body of 70 000 members near the size
      // limit: a large body is parsed in a turn of its own.
      if (text.length > YIELD_AFTER_PARSING_CHARACTERS) setTimeout(parseChecked, 0, text, scanned.longestString, done);
      else parseChecked(text, scanned.longestString, done);
    },
  );
}

/**
 * Bodies longer than this (128 KiB of text, about 1 ms to parse) give the event loop a turn before they are parsed
 * and again once parsed. A timer, not setImmediate: an immediate set from an I/O callback runs before the loop
 * polls again, so it would let nothing in.
 */
const YIELD_AFTER_PARSING_CHARACTERS = 128 * 1024;

/** JSON.parse, then the values the service refuses; hands the body on in a turn of its own when it is large. */
function parseChecked(
  text: string,
  longestString: number | undefined,
  done: (err: Error | null, body?: unknown) => void,
): void {
  let parsed: unknown;
  let refused: ReturnType<typeof unacceptableValue>;
  // Run from a timer, outside Fastify's own try around parsers: whatever throws is handed on, not left uncaught.
  try {
    parsed = JSON.parse(text);
    refused = unacceptableValue(parsed, text, longestString);
  } catch (err) {
    // Marked as the body's: a SyntaxError from anything else (stored data read back) is the service's fault, not
    // the caller's, and must not be answered « the request body is not valid JSON » (a review).
    return done(
      err instanceof SyntaxError ? Object.assign(err, { code: 'FST_ERR_CTP_INVALID_JSON_BODY' }) : (err as Error),
    );
  }
  if (refused)
    return done(
      new ValidationError(
        'The request body holds a value the service does not accept.',
        [{ path: refused.path || '/', message: refused.message }],
        'unacceptable_value',
      ),
    );
  // Parsing a large body is one long turn of the event loop; what the route does with it is another. Run in the
  // same turn, the two held other requests for their sum (docs/adr/0012).
  if (text.length > YIELD_AFTER_PARSING_CHARACTERS) setTimeout(done, 0, null, parsed);
  else done(null, parsed);
}
