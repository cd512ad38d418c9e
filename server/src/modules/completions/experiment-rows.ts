import { ITEMS_PER_CLOCK_READ, timeSlices, type Slice } from '../../common/async/time-slices.js';
import { compareIds } from '../../common/ids/compare-ids.js';
import type { CompletionDocument } from './completion.schema.js';

/**
 * One answer an experiment served, as its results read it: completion id, variant, when (ms since the epoch),
 * outcome, latency in ms, the tokens the provider reported (null when it reported none), and who asked: the first
 * SUBJECT_CHARS characters of the subject's pseudonym (absent on rows logged before 2026-12-06).
 */
export type AnswerRow = [
  id: string,
  variant: string | null,
  at: number,
  outcome: CompletionDocument['outcome'],
  latencyMs: number,
  inputTokens: number | null,
  outputTokens: number | null,
  subject?: string | null,
];

/**
 * 64 bits of the pseudonym (hexadecimal): enough to tell people apart when they are counted (two of a million
 * share a prefix with a chance of about 3 in 100 million), half the bytes of the whole.
 */
const SUBJECT_CHARS = 16;

/** Feedback on one answer: completion id, the answer's variant, the outcome, when it was given (ms). */
export type FeedbackRow = [completionId: string, variant: string, outcome: 'positive' | 'negative', at: number];

export interface ExperimentRows {
  answers: AnswerRow[];
  feedback: FeedbackRow[];
}

export function answerRow(completion: CompletionDocument): AnswerRow {
  return [
    completion._id,
    completion.variant ?? null,
    new Date(completion.at).getTime(),
    completion.outcome,
    completion.latencyMs,
    completion.usage?.inputTokens ?? null,
    completion.usage?.outputTokens ?? null,
    completion.subject ? completion.subject.slice(0, SUBJECT_CHARS) : null,
  ];
}

/** The rows as parts of at most `max` rows each, answers first, then feedback; none when there are no rows. */
export function splitRows({ answers, feedback }: ExperimentRows, max: number): ExperimentRows[] {
  const parts: ExperimentRows[] = [];
  for (let first = 0; first < answers.length + feedback.length; first += max) {
    const last = first + max;
    parts.push({
      answers: answers.slice(first, last),
      feedback: feedback.slice(Math.max(0, first - answers.length), Math.max(0, last - answers.length)),
    });
  }
  return parts;
}

/**
 * Rows read from several chunks (and from what this instance has not written yet) as one log: an answer once,
 * whichever chunks hold it (two instances merging the same chunks, or a copy made before the log existed, may
 * both hold it), and for each answer the feedback given last. Answers in the order they were served.
 *
 * An experiment may have served hundreds of thousands of answers: the work goes in slices (`slice`, from
 * common/async/time-slices.ts), each part sorted on its own and the parts then merged, so no turn of the event
 * loop holds the whole log.
 */
export async function mergeRows(parts: ExperimentRows[], slice: Slice = timeSlices()): Promise<ExperimentRows> {
  const seen = new Set<string>();
  const sortedParts: AnswerRow[][] = [];
  const feedback = new Map<string, FeedbackRow>();
  for (const part of parts) {
    const fresh: AnswerRow[] = [];
    for (const [i, row] of part.answers.entries()) {
      if (i % ITEMS_PER_CLOCK_READ === 0) await slice();
      if (seen.has(row[0])) continue;
      seen.add(row[0]);
      fresh.push(row);
    }
    await slice();
    sortedParts.push(fresh.sort(servedBefore));
    for (const [i, row] of part.feedback.entries()) {
      if (i % ITEMS_PER_CLOCK_READ === 0) await slice();
      const given = feedback.get(row[0]);
      // The same instant: the later row read wins, as the later write did in the feedback collection.
      if (!given || given[3] <= row[3]) feedback.set(row[0], row);
    }
  }
  return { answers: await mergeSorted(sortedParts, slice), feedback: [...feedback.values()] };
}

function servedBefore(a: AnswerRow, b: AnswerRow): number {
  return a[2] - b[2] || compareIds(a[0], b[0]);
}

/** One list in served order out of lists each in served order (a few dozen at most: one per chunk). */
async function mergeSorted(lists: AnswerRow[][], slice: Slice): Promise<AnswerRow[]> {
  const heads = lists.map(() => 0);
  const total = lists.reduce((n, list) => n + list.length, 0);
  const merged: AnswerRow[] = new Array<AnswerRow>(total);
  for (let out = 0; out < total; out++) {
    if (out % ITEMS_PER_CLOCK_READ === 0) await slice();
    let best = -1;
    for (let l = 0; l < lists.length; l++) {
      const head = lists[l]![heads[l]!];
      if (head && (best < 0 || servedBefore(head, lists[best]![heads[best]!]!) < 0)) best = l;
    }
    merged[out] = lists[best]![heads[best]!++]!;
  }
  return merged;
}
