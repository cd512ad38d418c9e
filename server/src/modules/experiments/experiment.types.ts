import type { Variant } from './assignment.js';

export interface ExperimentMeta {
  name: string;
}

/** An A/B test of a prompt's published versions; publishing a version of it starts it, archiving stops it. */
export interface ExperimentContent {
  prompt: string;
  variants: Variant[];
  salt: string;
  coverage: number;
  primaryMetric: 'positive_feedback_rate';
  guardrails?: { maxErrorRate?: number; maxP95LatencyMs?: number };
}
