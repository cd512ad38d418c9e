import { Schema } from 'mongoose';

/** One call to the model: which prompt version (and variant), for whom (pseudonymised), how long, how many tokens. */
export interface CompletionDocument {
  _id: string;
  prompt: string;
  version: number;
  experiment?: string;
  variant?: string;
  subject: string;
  at: Date;
  latencyMs: number;
  usage?: { inputTokens: number; outputTokens: number };
  outcome: 'ok' | 'error';
  error?: string;
}

export const completionSchema = new Schema<CompletionDocument>(
  {
    _id: String,
    prompt: String,
    version: Number,
    experiment: String,
    variant: String,
    subject: String,
    at: Date,
    latencyMs: Number,
    usage: Schema.Types.Mixed,
    outcome: String,
    error: String,
  },
  { collection: 'completions', versionKey: false },
);
completionSchema.index({ prompt: 1, at: -1 });
// Results count by experiment and variant, and read one completion at the p95 rank in latency order.
completionSchema.index({ experiment: 1, variant: 1, latencyMs: 1 });
