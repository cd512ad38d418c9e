import type { Binary } from 'mongodb';
import type { TraceTable } from '../../engine/trace-table.js';

/** What was decided, on what, and why: kept for replay and for the person's right to an explanation. */
export interface DecisionDocument {
  _id: string;
  ruleset: string;
  version: number;
  checksum: string;
  at: Date;
  actor: string;
  facts: Record<string, unknown>;
  events: unknown[];
  fired: unknown[];
  failed: unknown[];
  explanation?: unknown;
  durationMs: number;
  /**
   * The version's trace table, when the record is written: its traces are stored citing it (decision-detail.ts).
   * Never read back: a record read has its traces whole.
   */
  traceTable?: TraceTable;
}

/** The fields no query reads (facts, traces, explanation), stored as one field: see docs/adr/0012. */
export type DecisionDetail = Pick<DecisionDocument, 'facts' | 'fired' | 'failed' | 'explanation'>;

/** A version's trace table as stored: its JSON deflated, under the hash of that JSON (engine/trace-table.ts). */
export interface StoredTraceTable {
  _id: string;
  table: Binary;
  at: Date;
}

/**
 * A decision as stored: what is queried stays a field; the detail is deflated JSON (decision-detail.ts), or JSON
 * text in records written before that.
 */
export interface StoredDecision extends Omit<DecisionDocument, keyof DecisionDetail | 'traceTable'> {
  detail: Binary | string;
}
