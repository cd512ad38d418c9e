import fastJson from 'fast-json-stringify';
import { timeSlices, type Slice } from '../../common/async/time-slices.js';
import { evaluateResponseSchema } from './evaluation.contract.js';
import type { EvaluationResult } from './evaluation.service.js';
import type { RuleTrace } from '../../engine/trace.js';

type Serializer = (value: unknown) => string;

/**
 * A serializer as Fastify would compile it for the schema (fast-json-stringify). The cast: its types want
 * mutable arrays, and the schemas are the readonly literals the docs use.
 */
const serializerOf = (schema: object): Serializer =>
  fastJson(schema as unknown as Parameters<typeof fastJson>[0]) as Serializer;

/** A value of a member's type, its own required members filled in, for the probe in `membersOf`. */
function placeholder(schema: {
  type?: unknown;
  properties?: Record<string, object>;
  required?: readonly string[];
}): unknown {
  if (schema.type === 'object')
    return Object.fromEntries(
      (schema.required ?? []).map((name) => [name, placeholder(schema.properties?.[name] ?? {})]),
    );
  return (
    ({ string: '', integer: 0, number: 0, boolean: false, array: [] } as Record<string, unknown>)[
      String(schema.type)
    ] ?? null
  );
}

interface ObjectSchema {
  properties: Record<string, object>;
  required?: readonly string[];
}

/** A member of an object as the schema's serializer writes it. */
interface Member {
  name: string;
  /** `"name":` */
  key: string;
  required: boolean;
  write: Serializer;
}

/**
 * The members of an object in the order the schema's serializer writes them, each with its own serializer. That
 * order is not the schema's (fast-json-stringify writes the required members first), so it is read from what the
 * serializer writes for an object with every member.
 */
function membersOf(schema: ObjectSchema): Member[] {
  const probe = Object.fromEntries(Object.entries(schema.properties).map(([name, s]) => [name, placeholder(s)]));
  const order = Object.keys(JSON.parse(serializerOf(schema)(probe)) as object);
  const missing = Object.keys(schema.properties).filter((name) => !order.includes(name));
  // A member the probe did not bring out would be left out of every answer written in turns.
  if (missing.length > 0) throw new Error(`the probe of the response schema does not write ${missing.join(', ')}`);
  return order.map((name) => ({
    name,
    key: `${JSON.stringify(name)}:`,
    required: schema.required?.includes(name) ?? false,
    write: serializerOf(schema.properties[name]!),
  }));
}

const ruleSchema = evaluateResponseSchema.properties.fired.items;
const serializeResult = serializerOf(evaluateResponseSchema);
const serializeRule = serializerOf(ruleSchema);
const serializeCondition = serializerOf(ruleSchema.properties.conditions.items);
const resultMembers = membersOf(evaluateResponseSchema as unknown as ObjectSchema);
const ruleMembers = membersOf(ruleSchema as unknown as ObjectSchema);

/**
 * Below this many traced conditions an answer is written in one go: the invoice pilot traces 88, about 12 KB
 * and a fraction of a millisecond. A rule set at the size limit (docs/adr/0034) traces 20 000: 2.4 MB that
 * Fastify wrote, measured, and counted in one turn of 45–60 ms.
 */
export const CONDITIONS_WRITTEN_AT_ONCE = 1_000;

/** Conditions written between two looks at the clock (about 60 KB); a rule holds up to 5 000. */
const CONDITIONS_PER_PIECE = 500;

/** Conditions traced in an answer (those shown with `explain`). */
export function conditionsShown(result: EvaluationResult): number {
  let count = 0;
  for (const rules of [result.fired, result.failed])
    if (Array.isArray(rules))
      for (const rule of rules as unknown[]) {
        const conditions = (rule as Partial<RuleTrace> | null)?.conditions;
        if (Array.isArray(conditions)) count += conditions.length;
      }
  return count;
}

/**
 * JSON collected as UTF-8 buffers a piece at a time: the whole answer as one string would then be encoded, and
 * its length in bytes counted, in one turn again.
 */
class Utf8Parts {
  private readonly buffers: Buffer[] = [];
  private pending = '';

  push(text: string): void {
    this.pending += text;
    if (this.pending.length >= 64 * 1024) this.flush();
  }

  finish(): Buffer {
    this.flush();
    return Buffer.concat(this.buffers);
  }

  private flush(): void {
    if (this.pending.length > 0) this.buffers.push(Buffer.from(this.pending));
    this.pending = '';
  }
}

/** Lists written an item at a time, by name of the member holding them; the other members in one go. */
type ListWriters = Record<string, (items: readonly unknown[]) => Promise<void>>;

/** An object as its schema's serializer writes it, the lists `inPieces` names written by their own writers. */
async function writeObject(
  out: Utf8Parts,
  value: Record<string, unknown>,
  members: readonly Member[],
  inPieces: ListWriters,
): Promise<void> {
  out.push('{');
  let first = true;
  for (const member of members) {
    const item = value[member.name];
    if (item === undefined) {
      // As the schema's serializer does: an answer without its required members is this code's mistake.
      if (member.required) throw new Error(`"${member.name}" is required!`);
      continue;
    }
    out.push(first ? member.key : `,${member.key}`);
    first = false;
    const writeList = inPieces[member.name];
    // Anything but a list (null, a Set) is written, or refused, by the member's own serializer.
    if (writeList && Array.isArray(item)) await writeList(item);
    else out.push(member.write(item));
  }
  out.push('}');
}

/** An object with a `toJSON` is written by the serializer, which calls it. */
const writesItself = (value: unknown) => typeof (value as { toJSON?: unknown } | null)?.toJSON === 'function';

/** A JSON list an item at a time, asking the slice for a turn after every `every` items. */
async function writeList<T>(
  out: Utf8Parts,
  items: readonly T[],
  writeItem: (item: T) => void | Promise<void>,
  slice: Slice,
  every = 1,
): Promise<void> {
  out.push('[');
  for (const [i, item] of items.entries()) {
    if (i > 0) out.push(',');
    const writing = writeItem(item);
    if (writing) await writing;
    if ((i + 1) % every === 0) {
      const turn = slice();
      if (turn) await turn;
    }
  }
  out.push(']');
}

async function writeRule(out: Utf8Parts, rule: unknown, slice: Slice): Promise<void> {
  const conditions = (rule as Partial<RuleTrace> | null)?.conditions;
  if (!Array.isArray(conditions) || conditions.length <= CONDITIONS_PER_PIECE || writesItself(rule)) {
    out.push(serializeRule(rule));
    return;
  }
  await writeObject(out, rule as Record<string, unknown>, ruleMembers, {
    conditions: (items) =>
      writeList(out, items, (condition) => out.push(serializeCondition(condition)), slice, CONDITIONS_PER_PIECE),
  });
}

async function writeResult(out: Utf8Parts, result: EvaluationResult, slice: Slice): Promise<void> {
  if (conditionsShown(result) <= CONDITIONS_WRITTEN_AT_ONCE || writesItself(result)) {
    out.push(serializeResult(result));
    return;
  }
  const rules = (items: readonly unknown[]) => writeList(out, items, (rule) => writeRule(out, rule, slice), slice);
  await writeObject(out, result as unknown as Record<string, unknown>, resultMembers, { fired: rules, failed: rules });
}

/**
 * The answer to /evaluate as its response schema gives it, byte for byte, written with turns for the event loop
 * between rules: for answers with more than CONDITIONS_WRITTEN_AT_ONCE conditions shown.
 */
export async function evaluateResponseBody(result: EvaluationResult): Promise<Buffer> {
  const out = new Utf8Parts();
  await writeResult(out, result, timeSlices());
  return out.finish();
}

/**
 * The answer to /evaluate/batch, the same JSON its response schema gives, written a result at a time (a large
 * one a rule at a time) with turns for the event loop between slices: 500 results with their explanations and
 * traces are 7 MB, which the schema's serializer wrote in one go in 80–110 ms while every other request waited.
 */
export async function batchResponseBody(results: readonly EvaluationResult[]): Promise<Buffer> {
  const out = new Utf8Parts();
  const slice = timeSlices();
  out.push('{"results":');
  await writeList(out, results, (result) => writeResult(out, result, slice), slice);
  out.push('}');
  return out.finish();
}
