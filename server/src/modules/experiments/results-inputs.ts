import { ITEMS_PER_CLOCK_READ, timeSlices } from '../../common/async/time-slices.js';
import type { AnswerRow, ExperimentRows } from '../completions/experiment-rows.js';

export interface VariantExposure {
  /** Answers the variant served. */
  served: number;
  /** Answers that failed for what the variant's request caused. */
  errors: number;
  /** People (distinct subjects) served at least one answer: the results' exposures. */
  exposed: number;
  /** People the variant answered or failed: who was assigned to it, what the split check counts. */
  assigned: number;
  /** Latency at the 95th percentile of the variant's completions (answers and errors), null before the first. */
  p95LatencyMs: number | null;
}

/**
 * Who asked: the subject's pseudonym as the row keeps it. Rows logged before subjects were (2026-12-06) count as
 * one person per answer, as every answer counted before.
 */
export const subjectOf = (row: AnswerRow): string => row[7] ?? row[0];

/** The key under which a variant's person counts as converted. */
export const convertedKey = (variant: string, subject: string): string => `${variant}\n${subject}`;

/**
 * What results.ts computes from, out of an experiment's log: per variant the answers served, the errors, the
 * people exposed and assigned, and the latency at the 95th percentile (nearest rank: the ⌈0.95 n⌉-th in latency
 * order, answers and errors); the people per variant who gave positive feedback on at least one answer
 * (`conversions`, and `converted` by variant and subject); the answers that received it; and every answer in the
 * order served. Subjects, not answers, are what is randomised: a person asking sixty questions is one exposure,
 * where counting answers had set off the split check (docs/adr/0029). The provider's own failures
 * (`unavailable`) are charged to no variant.
 */
export async function resultsInputs({ answers, feedback }: ExperimentRows, slice = timeSlices()) {
  const positives = new Map<string, string>(); // completion id → its variant
  for (const [completionId, variant, outcome] of feedback)
    if (outcome === 'positive') positives.set(completionId, variant);
  type Counts = { served: number; errors: number; exposed: Set<string>; assigned: Set<string>; latencies: number[] };
  const byVariant = new Map<string, Counts>();
  const converted = new Set<string>();
  for (const [i, row] of answers.entries()) {
    if (i % ITEMS_PER_CLOCK_READ === 0) await slice(); // hundreds of thousands of answers: not in one turn
    const [id, variant, , outcome, latencyMs] = row;
    if (outcome === 'unavailable') continue;
    const name = variant ?? '';
    const subject = subjectOf(row);
    let entry = byVariant.get(name);
    if (!entry)
      byVariant.set(name, (entry = { served: 0, errors: 0, exposed: new Set(), assigned: new Set(), latencies: [] }));
    entry.assigned.add(subject);
    if (outcome === 'ok') {
      entry.served++;
      entry.exposed.add(subject);
    } else entry.errors++;
    if (typeof latencyMs === 'number') entry.latencies.push(latencyMs);
    const positiveIn = positives.get(id);
    if (positiveIn !== undefined) converted.add(convertedKey(positiveIn, subject));
  }
  // Feedback on an answer the log does not hold yet (its instance writes it within a second) counts once the answer
  // does: counted before, its person was one of no exposure, and counted again under their subject later (review).
  const exposures = new Map<string, VariantExposure>();
  for (const [name, { served, errors, exposed, assigned, latencies }] of byVariant) {
    await slice();
    const sorted = Float64Array.from(latencies).sort();
    // Nearest rank: the ⌈0.95 n⌉-th smallest. ⌊0.95 n⌋ (0-based) read one rank too high, the slowest of 20.
    const rank = Math.max(0, Math.ceil(sorted.length * 0.95) - 1);
    exposures.set(name, {
      served,
      errors,
      exposed: exposed.size,
      assigned: assigned.size,
      p95LatencyMs: Number.isFinite(sorted[rank]) ? sorted[rank]! : null,
    });
  }
  const conversions = new Map<string, number>();
  for (const key of converted) {
    const variant = key.slice(0, key.indexOf('\n'));
    conversions.set(variant, (conversions.get(variant) ?? 0) + 1);
  }
  return { exposures, conversions, answers, positives: new Set(positives.keys()), converted };
}
