// ajv-formats' formats, with `url` matched in time linear in the text. ajv-formats' `url` regular expression
// backtracks over its optional user name (`\S+(?::\S*)?@`): "http://" followed by 60 000 colons held the event
// loop 2.9 s, 300 000 took 70 s, in one fact or one prompt variable of a schema declaring `format: "url"`. Every
// other format stayed under 5 ms at 300 000 characters (docs/adr/0034).
//
// The same language, matched by RE2 (re2js): about 10 ms a megabyte. RE2 has no lookahead, so the private IPv4
// ranges ajv-formats excludes with three lookaheads (10/8, 127/8, 169.254/16, 192.168/16, 172.16/12) are left out
// of the address's octets instead; JavaScript's \s, which RE2's \s is not, is spelled out. A property test
// compares both on generated text (linear-formats.spec.ts).
//
// Plain JavaScript, for the reason hashed-enum.mjs is: the schema compiler's worker loads it as it is on disk.
import addFormats from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { RE2JS } from 're2js';

/** JavaScript's \s (with the u flag). */
const SPACE =
  '\\t\\n\\x{0b}\\f\\r \\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}';
const NOT_SPACE = `[^${SPACE}]`;
/** A second or third octet; the last one (never 255, or 0 alone). */
const OCTET = '(?:1?[0-9]{1,2}|2[0-4][0-9]|25[0-5])';
const LAST_OCTET = '(?:[1-9][0-9]?|1[0-9][0-9]|2[0-4][0-9]|25[0-4])';
/** A first octet of 1–223, without 10 and 127 (excluded whole), nor 169, 172 and 192 (excluded in part, below). */
const FIRST_OCTET =
  '(?:[1-9]|1[1-9]|[2-9][0-9]|1(?:[013458][0-9]|2[0-689]|6[0-8]|7[013-9]|9[013-9])|2[01][0-9]|22[0-3])';
const IPV4 = [
  `${FIRST_OCTET}\\.${OCTET}\\.${OCTET}`,
  '169\\.(?:1?[0-9]{1,2}|2[0-4][0-9]|25[0-35])\\.' + OCTET, // not 169.254
  '192\\.(?:[0-9]{1,2}|1(?:[0-57-9][0-9]|6[0-79])|2[0-4][0-9]|25[0-5])\\.' + OCTET, // not 192.168
  '172\\.(?:[0-9]|0[0-9]|1[0-5]|3[2-9]|[4-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])\\.' + OCTET, // not 172.16–31
]
  .map((firstThree) => `${firstThree}\\.${LAST_OCTET}`)
  .join('|');
const LABEL = '(?:[a-z0-9\\x{a1}-\\x{ffff}]+-)*[a-z0-9\\x{a1}-\\x{ffff}]+';
const HOST_NAME = `${LABEL}(?:\\.${LABEL})*\\.[a-z\\x{a1}-\\x{ffff}]{2,}`;
const URL_PATTERN = RE2JS.compile(
  `^(?:https?|ftp)://(?:${NOT_SPACE}+(?::${NOT_SPACE}*)?@)?(?:${IPV4}|${HOST_NAME})(?::[0-9]{2,5})?(?:/${NOT_SPACE}*)?$`,
  RE2JS.CASE_INSENSITIVE,
);

/** ajv-formats' `url`: the same texts accepted, in linear time. */
export function isUrl(text) {
  return URL_PATTERN.test(text);
}

/** ajv-formats' full formats with `url` replaced: what validators' standalone code requires as `fullFormats`. */
export const linearFormats = { ...fullFormats, url: isUrl };

/** Adds ajv-formats' formats (and its keywords) to an ajv instance, `url` matched in linear time. */
export function addLinearFormats(ajv) {
  addFormats.default(ajv);
  ajv.addFormat('url', isUrl);
  return ajv;
}
