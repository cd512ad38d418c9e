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

export const decisionSchema = new Schema<DecisionDocument>(
  {
    _id: String,
    ruleset: String,
    version: Number,
    checksum: String,
    at: Date,
    actor: String,
    facts: Schema.Types.Mixed,
    events: Schema.Types.Mixed,
    fired: Schema.Types.Mixed,
    failed: Schema.Types.Mixed,
    explanation: Schema.Types.Mixed,
    durationMs: Number,
  },
  { collection: 'decisions', versionKey: false, minimize: false },
);
decisionSchema.index({ checksum: 1, at: -1 });
decisionSchema.index({ ruleset: 1, at: -1 });
decisionSchema.index({ at: 1 });
