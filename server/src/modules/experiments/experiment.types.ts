import type { AssignmentHash, Variant } from './assignment.js';

export interface ExperimentMeta {
  name: string;
  /** Set when the service stopped the experiment itself (a guardrail or the split check): docs/adr/0029. */
  halt?: ExperimentHalt;
}

/** Why and when an experiment was stopped automatically, and what its prompt serves since. */
export interface ExperimentHalt {
  reason: 'guardrail' | 'srm';
  /** `error_rate`, `p95_latency_ms`, `cost_per_answer`, or `sample_ratio` (the SRM chi-square p-value). */
  metric: string;
  /** The variant whose metric crossed its threshold (absent for the split check, which is about all of them). */
  variant?: string;
  value: number;
  threshold: number;
  at: string;
  /** Everyone is served the control's version while the prompt's version in force stays `promptVersion`. */
  fallback: { variant: string; version: number };
  promptVersion: number | null;
}

export interface GuardrailSettings {
  maxErrorRate?: number;
  maxP95LatencyMs?: number;
  /** Highest mean cost of an answer, in the currency of the prices below. */
  maxCostPerAnswer?: number;
  /**
   * Price per million input and output tokens of every variant (default: the list price of each variant's model,
   * in US dollars; Claude Sonnet's for a model of no known family).
   */
  pricePerMillionTokens?: { input: number; output: number };
  /** Answers each variant needs before any verdict, and before a guardrail may stop the experiment. */
  minSamplePerVariant?: number;
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
  guardrails?: GuardrailSettings;
}
