import type { IndexDeclaration } from '../../common/database/typed-collection.js';

/** One call to the model: which prompt version (and variant), for whom (pseudonymised), how long, how many tokens. */
export interface CompletionDocument {
  _id: string;
  prompt: string;
  version: number;
  experiment?: string;
  /** Null or absent outside experiments (an undefined field is stored as null). */
  variant?: string | null;
  subject: string;
  at: Date;
  latencyMs: number;
  usage?: { inputTokens: number; outputTokens: number };
  /**
   * `error`: the variant's request failed (its version could not render the variables, the provider refused it
   * or timed out), charged to its error rate; `unavailable`: the provider failed whatever was asked (rate
   * limited, down, our credentials) or the caller left before the answer, charged to no variant.
   */
  outcome: 'ok' | 'error' | 'unavailable';
  error?: string;
  /** Why the model stopped (`end_turn`, `max_tokens`, `refusal`…), for an answer; absent on records before it. */
  stopReason?: string | null;
}

export const completionIndexes: IndexDeclaration[] = [
  { key: { prompt: 1, at: -1 } },
  // Experiments' results are read from the experiment log (experiment-log.ts), not from here.
];
