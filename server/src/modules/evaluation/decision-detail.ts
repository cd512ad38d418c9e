import { deflateSync, inflateSync } from 'node:zlib';
import { Binary } from 'mongodb';
import type { DecisionDetail, DecisionDocument, StoredDecision } from './decision.schema.js';

/**
 * The BSON subtype marking a detail as zlib-deflated JSON (0x80 and up are user-defined): the stored shape says how
 * to read it, so a later encoding can sit beside this one.
 */
export const DEFLATED_JSON = 0x80;

// The embedded database pays per field and per byte it stores: one field for the detail (docs/adr/0012), and that
// field deflated, since a record's traces repeat names and operators (14 KB of JSON for the invoice pilot, 2 KB
// deflated). Level 1: higher levels or brotli save a few percent more bytes for twice the CPU. Synchronous: the
// thread pool's per-call cost was larger than the compression itself (about 35 µs a record).
export function toStored({ facts, fired, failed, explanation, ...meta }: DecisionDocument): StoredDecision {
  const json = JSON.stringify({ facts, fired, failed, explanation });
  return { ...meta, detail: new Binary(deflateSync(json, { level: 1 }), DEFLATED_JSON) };
}

/** Reads every shape records were stored in: deflated detail, detail as JSON text, and detail as fields (oldest). */
export function fromStored(stored: StoredDecision): DecisionDocument {
  const { detail: _detail, ...meta } = stored;
  const parsed = parseDetail(stored);
  return {
    ...meta,
    facts: parsed.facts,
    fired: parsed.fired,
    failed: parsed.failed,
    ...(parsed.explanation !== undefined && { explanation: parsed.explanation }),
  };
}

function parseDetail(stored: StoredDecision): DecisionDetail {
  const { detail } = stored;
  if (detail instanceof Binary) {
    if (detail.sub_type !== DEFLATED_JSON)
      throw new Error(`decision ${stored._id}: unknown detail subtype ${detail.sub_type}`);
    return JSON.parse(inflateSync(detail.value()).toString('utf8')) as DecisionDetail;
  }
  if (typeof detail === 'string') return JSON.parse(detail) as DecisionDetail;
  // Records written before the detail became one field keep it as fields.
  return stored as unknown as DecisionDetail;
}
