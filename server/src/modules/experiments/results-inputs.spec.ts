import { describe, expect, it } from '@jest/globals';
import { mergeRows, splitRows, type AnswerRow, type FeedbackRow } from '../completions/experiment-rows.js';
import { resultsInputs } from './results-inputs.js';

const answer = (id: string, variant: string, at: number, outcome: AnswerRow[3] = 'ok', latencyMs = 100): AnswerRow => [
  id,
  variant,
  at,
  outcome,
  latencyMs,
  300,
  120,
];

describe('the experiment log read as results inputs', () => {
  it('counts an answer once however many chunks hold it, in the order answers were served', async () => {
    const early = answer('a', 'control', 1_000);
    const late = answer('b', 'concise', 2_000);
    const sameInstant = answer('c', 'control', 2_000);
    const merged = await mergeRows([
      { answers: [late, early], feedback: [] },
      { answers: [sameInstant, early], feedback: [] }, // a merge and the chunk it merged, both still there
    ]);
    expect(merged.answers.map((row) => row[0])).toEqual(['a', 'b', 'c']);
    const { exposures, answers } = await resultsInputs(merged);
    expect(answers.map((row) => row[0])).toEqual(['a', 'b', 'c']);
    expect(exposures.get('control')?.served).toBe(2);
  });

  it('keeps the feedback given last on each answer, whichever chunk was written first', async () => {
    const positive: FeedbackRow = ['a', 'control', 'positive', 5_000];
    const changedMind: FeedbackRow = ['a', 'control', 'negative', 6_000];
    const other: FeedbackRow = ['b', 'concise', 'positive', 5_500];
    for (const parts of [
      [
        { answers: [answer('a', 'control', 1_000)], feedback: [positive, other] },
        { answers: [answer('b', 'concise', 2_000)], feedback: [changedMind] },
      ],
      [
        { answers: [answer('b', 'concise', 2_000)], feedback: [changedMind] },
        { answers: [answer('a', 'control', 1_000)], feedback: [other, positive] },
      ],
    ]) {
      const { positives, conversions } = await resultsInputs(await mergeRows(parts));
      expect([...positives]).toEqual(['b']);
      expect(Object.fromEntries(conversions)).toEqual({ concise: 1 });
    }
  });

  it('counts feedback once the log holds its answer: a person of no exposure is no conversion', async () => {
    // The feedback's instance wrote it; the answer's instance has not written the answer yet.
    const early = await resultsInputs({ answers: [], feedback: [['x', 'concise', 'positive', 5_000]] });
    expect([early.conversions.size, early.exposures.size]).toEqual([0, 0]);
    const later = await resultsInputs({
      answers: [answer('x', 'concise', 4_000)],
      feedback: [['x', 'concise', 'positive', 5_000]],
    });
    expect([later.conversions.get('concise'), later.exposures.get('concise')?.exposed]).toEqual([1, 1]);
    // Feedback on a failed answer (an odd or old row): its person was never served, and is no conversion.
    const failed = await resultsInputs({
      answers: [answer('f', 'concise', 4_000, 'error')],
      feedback: [['f', 'concise', 'positive', 5_000]],
    });
    expect([failed.conversions.size, failed.exposures.get('concise')?.exposed]).toEqual([0, 0]);
  });

  it('charges the provider’s own failures to no variant, and finds the 95th percentile over answers and errors', async () => {
    const answers = [
      ...Array.from({ length: 40 }, (_, i) => answer(`x${i}`, 'control', i, i % 4 ? 'ok' : 'error', 400 - i * 10)),
      answer('down', 'control', 50, 'unavailable', 99_999),
    ];
    const { exposures } = await resultsInputs({ answers, feedback: [] });
    // 40 latencies 10..400: the ⌈0.95 × 40⌉ = 38th smallest, 380 ms (not the 39th: one rank too high). The person the
    // provider failed was assigned all the same: 41.
    expect(exposures.get('control')).toEqual({
      served: 30,
      errors: 10,
      exposed: 30,
      assigned: 41,
      settled: 41,
      p95LatencyMs: 380,
    });
  });

  it('counts for the split only the people whose requests have all ended, whatever they gave', async () => {
    // A slow variant (9 s) and a fast one (1 s), one person a second each for a minute, read at 60 s with the
    // requests that began in the last 35 s unsettled; and the fast variant's last ten people failed by the provider.
    const answers: AnswerRow[] = [];
    for (let s = 0; s < 60; s++) {
      const slowEnd = (s + 9) * 1000;
      if (slowEnd <= 60_000) answers.push([`slow-${s}`, 'slow', slowEnd, 'ok', 9_000, null, null, `ps${s}`]);
      answers.push([`fast-${s}`, 'fast', (s + 1) * 1000, s >= 50 ? 'unavailable' : 'ok', 1_000, null, null, `pf${s}`]);
    }
    answers.sort((a, b) => a[2] - b[2]);
    const now = await resultsInputs({ answers, feedback: [] }, undefined, 60_000 - 35_000);
    // Logged: 52 slow people against 60 fast; begun before 25 s: 25 and 25.
    expect([now.exposures.get('slow')?.assigned, now.exposures.get('fast')?.assigned]).toEqual([52, 60]);
    expect([now.exposures.get('slow')?.settled, now.exposures.get('fast')?.settled]).toEqual([25, 25]);
    expect(now.exposures.get('fast')).toMatchObject({ served: 50, exposed: 50 });
  });

  it('writes rows kept through an outage as chunks of a bounded size, none lost or doubled', async () => {
    const answers = Array.from({ length: 7 }, (_, i) => answer(`a${i}`, 'control', i));
    const feedback: FeedbackRow[] = [
      ['a0', 'control', 'positive', 10],
      ['a1', 'control', 'negative', 11],
    ];
    const parts = splitRows({ answers, feedback }, 3);
    expect(parts.map((p) => [p.answers.length, p.feedback.length])).toEqual([
      [3, 0],
      [3, 0],
      [1, 2],
    ]);
    expect(await mergeRows(parts)).toEqual({ answers, feedback });
    expect(splitRows({ answers: [], feedback: [] }, 3)).toEqual([]);
  });
});
