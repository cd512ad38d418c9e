/**
 * A JSON Schema `pattern` matched by a text holding at least one character a reader sees: not only spaces, tabs
 * and line breaks (`\s`), and not only the invisible format characters `\s` leaves out (soft hyphen, zero-width
 * space and joiners, direction marks, word joiner, invisible operators, Mongolian vowel separator). A reason or an
 * observation made only of those was stored as if written, and the trail showed it blank.
 */
export const VISIBLE_TEXT_PATTERN = '[^\\s\\u00AD\\u180E\\u200B-\\u200F\\u2060-\\u2064]';
