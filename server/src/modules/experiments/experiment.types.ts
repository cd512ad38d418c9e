import type { AssignmentHash, Variant } from './assignment.js';

export interface ExperimentMeta {
  name: string;
}

/** An A/B test of a prompt's published versions; publishing a version of it starts it, archiving stops it. */
export interface ExperimentContent {
  prompt: string;
  variants: Variant[];
  salt: string;
  /** Absent on experiments created before ADR 0023: they keep FNV-1a, so no subject moves. */
  hash?: AssignmentHash;
  coverage: number;
  primaryMetric: 'positive_feedback_rate';
  guardrails?: { maxErrorRate?: number; maxP95LatencyMs?: number };
}
