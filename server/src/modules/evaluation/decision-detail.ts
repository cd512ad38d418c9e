import { promisify } from 'node:util';
import { deflate, deflateSync, inflateSync } from 'node:zlib';
import { Binary } from 'mongodb';
import { timeSlices, type Slice } from '../../common/async/time-slices.js';
import { writtenLength } from '../../engine/trace-bounds.js';
import { expandTraces, type CompactRule, type TableContent } from '../../engine/trace-table.js';
import type { RuleTrace } from '../../engine/trace.js';
import type { DecisionDetail, DecisionDocument, StoredDecision } from './decision.schema.js';

/**
 * The BSON subtype marking a detail as zlib-deflated JSON (0x80 and up are user-defined): the stored shape says how
 * to read it, so a later encoding can sit beside this one.
 */
export const DEFLATED_JSON = 0x80;
/** Deflated JSON whose traces cite the version's trace table by its id (engine/trace-table.ts). */
export const DEFLATED_JSON_CITING_TABLE = 0x81;

/**
 * A record as stored. The embedded database pays per field and per byte it stores: one field for the detail
 * (docs/adr/0012), and that field deflated, since a record's traces repeat names and operators. Level 1: higher
 * levels or brotli save a few percent more bytes for twice the CPU. Synchronous: the thread pool's per-call cost was
 * larger than the compression itself (about 35 µs a record). With its version's trace table, the traces keep only
 * what each run found and cite the table for the rest (subtype 0x81): the invoice pilot's record deflates to 1.8 KB
 * instead of 2.5 and encodes in 72 µs instead of 91–97. The table must be stored first (decisions.repository.ts).
 */
export function toStored({ facts, fired, failed, explanation, traceTable, ...meta }: DecisionDocument): StoredDecision {
  const json = JSON.stringify(
    traceTable
      ? {
          table: traceTable.id,
          facts,
          fired: traceTable.compact(fired as RuleTrace[]),
          failed: traceTable.compact(failed as RuleTrace[]),
          explanation,
        }
      : { facts, fired, failed, explanation },
  );
  const layout = traceTable ? DEFLATED_JSON_CITING_TABLE : DEFLATED_JSON;
  return { ...meta, detail: new Binary(deflateSync(json, { level: 1 }), layout) };
}

/**
 * Records tracing more conditions than this are encoded a rule at a time (`toStoredInPieces`). The invoice pilot's
 * traces 88; a rule set at the size limit (docs/adr/0034) traces 20 000, whose record took 20–55 ms in one go.
 */
export const CONDITIONS_ENCODED_AT_ONCE = 2_000;

/**
 * Records whose facts write as more than this many characters of JSON (the invoice pilot's about 800) are
 * deflated on the thread pool too: facts near the 1 MiB body limit took 26–35 ms to write and deflate in one go,
 * about half of it the deflate. Weighed by a walk that stops past the bound (0.6 µs for the pilot's facts).
 */
export const FACTS_ENCODED_AT_ONCE = 128 * 1024;

const deflateOnThreadPool = promisify(deflate);

/**
 * `toStored` for a batch, giving the event loop a turn every 10 ms: a record with facts near the body limit takes
 * about 20 ms to encode, and a batch of them in one turn held every other request for a second. A record with
 * many traced conditions, or large facts, is written in pieces with turns between them and deflated on the
 * thread pool (`toStoredInPieces`).
 */
export async function toStoredInTurns(decisions: readonly DecisionDocument[]): Promise<StoredDecision[]> {
  const slice = timeSlices();
  const stored: StoredDecision[] = [];
  for (const decision of decisions) {
    const turn = slice();
    if (turn) await turn;
    const large =
      conditionsIn(decision.fired) + conditionsIn(decision.failed) > CONDITIONS_ENCODED_AT_ONCE ||
      writtenLength(decision.facts, FACTS_ENCODED_AT_ONCE) > FACTS_ENCODED_AT_ONCE;
    stored.push(large ? await toStoredInPieces(decision, slice) : toStored(decision));
  }
  return stored;
}

function conditionsIn(traces: readonly unknown[]): number {
  let count = 0;
  for (const rule of traces as readonly (Partial<RuleTrace> | undefined)[]) count += rule?.conditions?.length ?? 0;
  return count;
}

/**
 * The bytes `toStored` gives, written a rule at a time with turns between rules (a rule holds at most 5 000
 * conditions), and deflated on the thread pool, where its per-call cost no longer matters: the JSON of such a
 * record is a megabyte or more.
 */
export async function toStoredInPieces(
  { facts, fired, failed, explanation, traceTable, ...meta }: DecisionDocument,
  slice: Slice,
): Promise<StoredDecision> {
  // JSON.stringify's own rules: a member whose value writes as nothing (undefined) is left out.
  const members: string[] = [];
  const member = (name: string, json: string | undefined) => {
    if (json !== undefined) members.push(`${JSON.stringify(name)}:${json}`);
  };
  const rules = async (traces: unknown[]): Promise<string> => {
    const written: string[] = [];
    for (const rule of traces) {
      // As JSON.stringify writes a list: an item that writes as nothing is null.
      written.push(JSON.stringify(traceTable ? traceTable.compact([rule as RuleTrace])[0] : rule) ?? 'null');
      const turn = slice();
      if (turn) await turn;
    }
    return `[${written.join(',')}]`;
  };
  if (traceTable) member('table', JSON.stringify(traceTable.id));
  member('facts', JSON.stringify(facts));
  member('fired', await rules(fired));
  member('failed', await rules(failed));
  member('explanation', JSON.stringify(explanation));
  const layout = traceTable ? DEFLATED_JSON_CITING_TABLE : DEFLATED_JSON;
  return { ...meta, detail: new Binary(await deflateOnThreadPool(`{${members.join(',')}}`, { level: 1 }), layout) };
}

/** A stored record read, its traces still compact when it cites a trace table (`table`, the table's id). */
export interface DecodedDecision {
  meta: Omit<StoredDecision, 'detail'>;
  detail: DecisionDetail;
  table?: string;
}

/** Reads every shape records were stored in: deflated detail (citing a trace table or not), detail as JSON text, and detail as fields (oldest). */
export function decodeStored(stored: StoredDecision): DecodedDecision {
  const { detail: _detail, ...meta } = stored;
  const { table, ...detail } = parseDetail(stored);
  return { meta, detail, ...(table !== undefined && { table }) };
}

/** The record whole: `table` is the content of the trace table it cites, if it cites one. */
export function fromDecoded({ meta, detail, table: cited }: DecodedDecision, table?: TableContent): DecisionDocument {
  if (cited !== undefined && !table)
    throw new Error(`decision ${meta._id}: its traces cite trace table ${cited}, which was not found`);
  const traces = (list: unknown[]) => (table ? expandTraces(table, list as CompactRule[]) : list);
  return {
    ...meta,
    facts: detail.facts,
    fired: traces(detail.fired),
    failed: traces(detail.failed),
    ...(detail.explanation !== undefined && { explanation: detail.explanation }),
  };
}

/** `decodeStored` and `fromDecoded` in one, for a record whose table is at hand (or that cites none). */
export function fromStored(stored: StoredDecision, table?: TableContent): DecisionDocument {
  return fromDecoded(decodeStored(stored), table);
}

function parseDetail(stored: StoredDecision): DecisionDetail & { table?: string } {
  const { detail } = stored;
  if (detail instanceof Binary) {
    if (detail.sub_type !== DEFLATED_JSON && detail.sub_type !== DEFLATED_JSON_CITING_TABLE)
      throw new Error(`decision ${stored._id}: unknown detail subtype ${detail.sub_type}`);
    return JSON.parse(inflateSync(detail.value()).toString('utf8')) as DecisionDetail & { table?: string };
  }
  if (typeof detail === 'string') return JSON.parse(detail) as DecisionDetail;
  // Records written before the detail became one field keep it as fields.
  return stored as unknown as DecisionDetail;
}
