import { createHash } from 'node:crypto';
import { timeSlices } from '../async/time-slices.js';
import { turn } from '../async/turn.js';
import { canonicalJson, rememberChecksum, rememberedChecksum } from './canonical.js';

/**
 * The most values (containers and primitives) one piece of canonical JSON holds: the library writes a piece in
 * one go, about 0.2 ms for this many. A container holding more is written member by member.
 */
const PIECE_VALUES = 2_000;

/** Text is hashed, and the clock read, once this much of it has been written. */
const HASHED_CHARS = 65_536;

type Members = Record<string, unknown>;

/** A value the JSON writers take whole: a primitive, or an object that says how to write itself. */
const writtenWhole = (value: unknown): boolean =>
  typeof value !== 'object' || value === null || typeof (value as { toJSON?: unknown }).toJSON === 'function';

/**
 * Counts the values of `value` and keeps, in `heavy`, the containers holding more than PIECE_VALUES: the ones
 * `pieces` opens. One walk, about 1 ms for 512 KiB of rules.
 */
function weigh(value: unknown, heavy: Set<object>, pieceValues: number): number {
  if (writtenWhole(value)) return 1;
  let count = 1;
  if (Array.isArray(value)) for (const member of value) count += weigh(member, heavy, pieceValues);
  else for (const key of Object.keys(value as object)) count += weigh((value as Members)[key], heavy, pieceValues);
  if (count > pieceValues) heavy.add(value as object);
  return count;
}

/**
 * `canonicalJson(value)` in pieces: a heavy container is opened, its members written one by one (keys sorted as
 * the library sorts them: by UTF-16 code units), everything else is written whole by the library. The pieces
 * joined are the library's text, character for character (canonical.spec.ts).
 */
function* pieces(value: unknown, heavy: ReadonlySet<object>): Generator<string, void, void> {
  if (!heavy.has(value as object)) {
    yield canonicalJson(value); // JSON's null for what JSON cannot write, as in an array
    return;
  }
  if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      yield* pieces(value[i], heavy);
    }
    yield ']';
    return;
  }
  const members = value as Members;
  let separator = '{';
  for (const key of Object.keys(members).sort()) {
    const member = members[key];
    // JSON leaves such members out of an object.
    if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
    yield `${separator}${JSON.stringify(key)}:`;
    separator = ',';
    yield* pieces(member, heavy);
  }
  yield separator === '{' ? '{}' : '}';
}

/** `canonicalJson(value)`'s pieces, in order (what `checksumInTurns` hashes). */
export function canonicalPieces(value: unknown, pieceValues = PIECE_VALUES): Iterable<string> {
  const heavy = new Set<object>();
  weigh(value, heavy, pieceValues);
  return pieces(value, heavy);
}

/**
 * `checksumOf(content)`, computed giving the event loop a turn every few milliseconds: a rule set at the 512 KiB
 * limit is 5–25 ms of canonical JSON and hashing, and a draft update hashes two (its content before and after).
 * The result is remembered for the content object, so the transition that follows (`Lifecycle`, synchronous)
 * finds it without computing it again. Contents are never changed in place once read or built.
 */
export async function checksumInTurns(content: unknown): Promise<string> {
  const known = rememberedChecksum(content);
  if (known !== undefined) return known;
  await turn(); // the caller has usually just parsed or loaded the content in this turn
  const hash = createHash('sha256');
  const slice = timeSlices(5);
  let text = '';
  for (const piece of canonicalPieces(content)) {
    text += piece;
    if (text.length < HASHED_CHARS) continue;
    hash.update(text);
    text = '';
    const pause = slice();
    if (pause) await pause;
  }
  const checksum = hash.update(text).digest('hex');
  rememberChecksum(content, checksum);
  return checksum;
}
