import { ITEMS_PER_CLOCK_READ, timeSlices } from '../../common/async/time-slices.js';
import type { ExperimentRows } from '../completions/experiment-rows.js';

export interface VariantExposure {
  served: number;
  errors: number;
  /** Latency at the 95th percentile of the variant's completions (answers and errors), null before the first. */
  p95LatencyMs: number | null;
}

/**
 * What results.ts computes from, out of an experiment's log: per variant the answers served, the errors and the
 * latency at the 95th percentile (nearest rank: the ⌈0.95 n⌉-th in latency order, answers and errors); positive feedback per variant and the answers that received it; and every
 * answer in the order served. The provider's own failures (`unavailable`) are charged to no variant.
 */
export async function resultsInputs({ answers, feedback }: ExperimentRows, slice = timeSlices()) {
  const byVariant = new Map<string, VariantExposure & { latencies: number[] }>();
  for (const [i, [, variant, , outcome, latencyMs]] of answers.entries()) {
    if (i % ITEMS_PER_CLOCK_READ === 0) await slice(); // hundreds of thousands of answers: not in one turn
    if (outcome === 'unavailable') continue;
    const name = variant ?? '';
    let entry = byVariant.get(name);
    if (!entry) byVariant.set(name, (entry = { served: 0, errors: 0, p95LatencyMs: null, latencies: [] }));
    if (outcome === 'ok') entry.served++;
    else entry.errors++;
    if (typeof latencyMs === 'number') entry.latencies.push(latencyMs);
  }
  const exposures = new Map<string, VariantExposure>();
  for (const [name, { served, errors, latencies }] of byVariant) {
    await slice();
    const sorted = Float64Array.from(latencies).sort();
    // Nearest rank: the ⌈0.95 n⌉-th smallest. ⌊0.95 n⌋ (0-based) read one rank too high, the slowest of 20.
    const rank = Math.max(0, Math.ceil(sorted.length * 0.95) - 1);
    exposures.set(name, { served, errors, p95LatencyMs: Number.isFinite(sorted[rank]) ? sorted[rank]! : null });
  }
  const positives = new Set<string>();
  const conversions = new Map<string, number>();
  for (const [completionId, variant, outcome] of feedback) {
    if (outcome !== 'positive') continue;
    positives.add(completionId);
    conversions.set(variant, (conversions.get(variant) ?? 0) + 1);
  }
  return { exposures, conversions, answers, positives };
}
