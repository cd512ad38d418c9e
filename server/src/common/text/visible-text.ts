/**
 * Characters a reader does not see: spaces, tabs and line breaks (`\s`), and the format and default-ignorable
 * characters `\s` leaves out (soft hyphen, combining grapheme joiner, Arabic letter mark, Hangul fillers, Khmer
 * inherent vowels, Mongolian separators and variation selectors, zero-width space and joiners, direction marks,
 * embeddings and isolates, word joiner and invisible operators, variation selectors, Braille blank). Written as
 * `\uXXXX` ranges of the Basic Multilingual Plane only: the pattern is also read by the contract tests' Python
 * regex engine, which has neither `\p{…}` nor `\u{…}`.
 */
const INVISIBLE =
  '\\s\\u00AD\\u034F\\u061C\\u115F\\u1160\\u17B4\\u17B5\\u180B-\\u180F\\u200B-\\u200F\\u202A-\\u202E' +
  '\\u2060-\\u206F\\u2800\\u3164\\uFE00-\\uFE0F\\uFEFF\\uFFA0';

/**
 * A JSON Schema `pattern` matched by a text holding at least one character a reader sees. A reason or an
 * observation made only of invisible characters was stored as if written, and the trail showed it blank.
 */
export const VISIBLE_TEXT_PATTERN = `[^${INVISIBLE}]`;

// The class lists combining marks (U+034F, variation selectors) on purpose, each as a character of its own.
// eslint-disable-next-line no-misleading-character-class
const VISIBLE = new RegExp(VISIBLE_TEXT_PATTERN, 'u');

/** Whether a text a person must write (a reason, a comment) holds nothing a reader sees; absent counts as blank. */
export function isBlank(text: string | undefined): boolean {
  return text === undefined || !VISIBLE.test(text);
}

/** Characters that reverse or isolate the direction of the text after them: a name could read as another. */
const DIRECTION_CONTROLS = '\\u202A-\\u202E\\u2066-\\u2069';

/**
 * A JSON Schema `pattern` for a person's name: at least one character a reader sees, and no direction override
 * (« \u202Enimda » displays as « admin » in the audit trail and every list that names its author).
 */
export const VISIBLE_NAME_PATTERN = `^[^${DIRECTION_CONTROLS}]*[^${INVISIBLE}][^${DIRECTION_CONTROLS}]*$`;
