import { ITEMS_PER_CLOCK_READ, timeSlices } from '../../common/async/time-slices.js';
import type { AnswerRow, ExperimentRows } from '../completions/experiment-rows.js';

export interface VariantExposure {
  /** Answers the variant served. */
  served: number;
  /** Answers that failed for what the variant's request caused. */
  errors: number;
  /** People (distinct subjects) served at least one answer: the results' exposures. */
  exposed: number;
  /** People assigned to the variant: whatever their requests gave, an answer, an error or the provider's failure. */
  assigned: number;
  /**
   * Those of them whose first request began before `settledBefore`: every request of theirs has then ended and is
   * logged. What the split check counts.
   */
  settled: number;
  /** Latency at the 95th percentile of the variant's completions (answers and errors), null before the first. */
  p95LatencyMs: number | null;
}

/**
 * Who asked: the subject's pseudonym as the row keeps it. Rows logged before subjects were (2026-12-06) count as
 * one person per answer, as every answer counted before.
 */
export const subjectOf = (row: AnswerRow): string => row[7] ?? row[0];

/** One person of a variant, as the results count them. */
export interface Person {
  variant: string;
  /** Served at least one answer. */
  exposed: boolean;
  /** Gave positive feedback on one of their answers (the feedback given last on each). */
  converted: boolean;
  /** When their first request began (ms): its answer logged at `at`, `latencyMs` after it began. */
  start: number;
}

/**
 * What results.ts computes from, out of an experiment's log: per variant the answers served, the errors, the
 * people exposed and assigned, and the latency at the 95th percentile (nearest rank: the ⌈0.95 n⌉-th in latency
 * order, answers and errors); the people per variant who gave positive feedback on at least one answer
 * (`conversions`); the people in the order of their first answer served (`people`, for the mSPRT path); the answers
 * that received positive feedback; and every answer in the order served. Subjects, not answers, are what is
 * randomised: a person asking sixty questions is one exposure, where counting answers had set off the split check
 * (docs/adr/0029). The provider's own failures (`unavailable`) are charged to no variant, but their people were
 * assigned all the same. One pass, one lookup of the person per answer: building keys and sets per answer made a
 * read at 100 000 answers twice as long.
 *
 * The split check counts the people whose first request began before `settledBefore`: an answer is logged when it
 * ends, so a variant answering in 9 s had fewer people logged than one answering in 1 s at every moment of a
 * running experiment, and the check stopped a sound experiment for good (« 131 / 75 », all 138 / 146 once
 * answered: an API review). A provider outage on one variant's calls did the same when its people were not
 * counted.
 */
export async function resultsInputs(
  { answers, feedback }: ExperimentRows,
  slice = timeSlices(),
  settledBefore = Number.POSITIVE_INFINITY,
) {
  const positives = new Map<string, string>(); // completion id → its variant
  for (const [completionId, variant, outcome] of feedback)
    if (outcome === 'positive') positives.set(completionId, variant);
  type Counts = { served: number; errors: number; exposed: number; conversions: number; latencies: number[] };
  const byVariant = new Map<string, { counts: Counts; people: Map<string, Person> }>();
  const people: Person[] = [];
  for (const [i, row] of answers.entries()) {
    if (i % ITEMS_PER_CLOCK_READ === 0) await slice(); // hundreds of thousands of answers: not in one turn
    const [id, variant, at, outcome, latencyMs] = row;
    const name = variant ?? '';
    let entry = byVariant.get(name);
    if (!entry)
      byVariant.set(
        name,
        (entry = {
          counts: { served: 0, errors: 0, exposed: 0, conversions: 0, latencies: [] },
          people: new Map(),
        }),
      );
    const { counts } = entry;
    const subject = subjectOf(row);
    const start = at - (typeof latencyMs === 'number' ? latencyMs : 0);
    let person = entry.people.get(subject);
    if (!person) entry.people.set(subject, (person = { variant: name, exposed: false, converted: false, start }));
    else if (start < person.start) person.start = start;
    if (outcome === 'unavailable') continue;
    if (outcome === 'ok') {
      counts.served++;
      if (!person.exposed) {
        person.exposed = true;
        counts.exposed++;
        people.push(person);
      }
    } else counts.errors++;
    if (typeof latencyMs === 'number') counts.latencies.push(latencyMs);
    // Feedback on an answer the log does not hold yet (its instance writes it within a second) counts once the
    // answer does: counted before, its person was one of no exposure, and again under their subject later (review).
    // A served answer's only: a failed one is no exposure, and counting its feedback made a rate above 1 (review).
    if (outcome === 'ok' && !person.converted && positives.get(id) === name) {
      person.converted = true;
      counts.conversions++;
    }
  }
  const exposures = new Map<string, VariantExposure>();
  const conversions = new Map<string, number>();
  for (const [name, { counts, people: ofVariant }] of byVariant) {
    await slice();
    let settled = 0;
    for (const person of ofVariant.values()) if (person.start < settledBefore) settled++;
    const sorted = Float64Array.from(counts.latencies).sort();
    // Nearest rank: the ⌈0.95 n⌉-th smallest. ⌊0.95 n⌋ (0-based) read one rank too high, the slowest of 20.
    const rank = Math.max(0, Math.ceil(sorted.length * 0.95) - 1);
    exposures.set(name, {
      served: counts.served,
      errors: counts.errors,
      exposed: counts.exposed,
      assigned: ofVariant.size,
      settled,
      p95LatencyMs: Number.isFinite(sorted[rank]) ? sorted[rank]! : null,
    });
    if (counts.conversions > 0) conversions.set(name, counts.conversions);
  }
  return { exposures, conversions, answers, positives: new Set(positives.keys()), people };
}
