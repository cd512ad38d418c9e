import fastJson from 'fast-json-stringify';
import { timeSlices, type Slice } from '../../common/async/time-slices.js';
import { evaluateResponseSchema } from './evaluation.contract.js';
import type { EvaluationResult } from './evaluation.service.js';

type Serializer = (value: unknown) => string;

/**
 * A serializer as Fastify would compile it for the schema (fast-json-stringify). The cast: its types want
 * mutable arrays, and the schemas are the readonly literals the docs use.
 */
const serializerOf = (schema: object): Serializer =>
  fastJson(schema as unknown as Parameters<typeof fastJson>[0]) as Serializer;

const serializeResult = serializerOf(evaluateResponseSchema);
const serializeRule = serializerOf(evaluateResponseSchema.properties.fired.items);

/** A value of a member's type, for the probe below. */
const placeholder = (schema: { type?: unknown }): unknown =>
  ({ string: '', integer: 0, number: 0, boolean: false, array: [], object: {} })[String(schema.type)] ?? null;

/**
 * The members of an answer in the order the schema's serializer writes them, each with its own serializer;
 * `fired` and `failed` are written a rule at a time. That order is not the schema's (fast-json-stringify writes
 * the required members first), so it is read from what the serializer writes for an answer with every member.
 */
const members = Object.keys(
  JSON.parse(
    serializeResult(
      Object.fromEntries(
        Object.entries(evaluateResponseSchema.properties).map(([name, schema]) => [name, placeholder(schema)]),
      ),
    ),
  ) as object,
).map((name) => ({
  name: name as keyof EvaluationResult,
  key: `${JSON.stringify(name)}:`,
  required: (evaluateResponseSchema.required as readonly string[]).includes(name),
  write:
    name === 'fired' || name === 'failed'
      ? undefined
      : serializerOf(evaluateResponseSchema.properties[name as keyof typeof evaluateResponseSchema.properties]),
}));

/**
 * Below this many traced conditions an answer is written in one go: the invoice pilot traces 88, about 12 KB
 * and a fraction of a millisecond. A rule set at the size limit (docs/adr/0034) traces 20 000: 2.4 MB that
 * Fastify wrote, measured, and counted in one turn of 45–60 ms.
 */
export const CONDITIONS_WRITTEN_AT_ONCE = 1_000;

/** Conditions traced in an answer (those shown with `explain`). */
export function conditionsShown(result: EvaluationResult): number {
  let count = 0;
  for (const rule of result.fired ?? []) count += rule.conditions.length;
  for (const rule of result.failed ?? []) count += rule.conditions.length;
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

async function writeResult(out: Utf8Parts, result: EvaluationResult, slice: Slice): Promise<void> {
  if (conditionsShown(result) <= CONDITIONS_WRITTEN_AT_ONCE) {
    out.push(serializeResult(result));
    return;
  }
  out.push('{');
  let first = true;
  for (const member of members) {
    const value = result[member.name];
    if (value === undefined) {
      // As the schema's serializer does: an answer without its required members is this code's mistake.
      if (member.required) throw new Error(`"${member.name}" is required!`);
      continue;
    }
    out.push(first ? member.key : `,${member.key}`);
    first = false;
    if (member.write) {
      out.push(member.write(value));
      continue;
    }
    // A rule holds at most 5 000 conditions (docs/adr/0034): each is written in one go, turns between rules.
    out.push('[');
    for (const [i, rule] of (value as readonly unknown[]).entries()) {
      if (i > 0) out.push(',');
      out.push(serializeRule(rule));
      const turn = slice();
      if (turn) await turn;
    }
    out.push(']');
  }
  out.push('}');
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
  out.push('{"results":[');
  for (const [i, result] of results.entries()) {
    if (i > 0) out.push(',');
    await writeResult(out, result, slice);
    const turn = slice();
    if (turn) await turn;
  }
  out.push(']}');
  return out.finish();
}
