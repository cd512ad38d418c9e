import { Schema } from 'mongoose';

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
}

/** The fields no query reads (facts, traces, explanation), stored as one JSON text: see docs/adr/0012. */
export type DecisionDetail = Pick<DecisionDocument, 'facts' | 'fired' | 'failed' | 'explanation'>;

/** A decision as stored: what is queried stays a field; the detail is one string. */
export interface StoredDecision extends Omit<DecisionDocument, keyof DecisionDetail> {
  detail: string;
}

export const decisionSchema = new Schema<StoredDecision>(
  {
    _id: String,
    ruleset: String,
    version: Number,
    checksum: String,
    at: Date,
    actor: String,
    events: Schema.Types.Mixed,
    detail: String,
    durationMs: Number,
  },
  { collection: 'decisions', versionKey: false, minimize: false },
);
decisionSchema.index({ checksum: 1, at: -1 });
decisionSchema.index({ at: 1 });
