import { describe, expect, it } from '@jest/globals';
import fastJson from 'fast-json-stringify';
import { turnsDuring } from '../../common/async/turns-during.js';
import { batchResponseSchema, evaluateResponseSchema } from './evaluation.contract.js';
import { batchResponseBody, CONDITIONS_WRITTEN_AT_ONCE, evaluateResponseBody } from './response-json.js';
import type { EvaluationResult } from './evaluation.service.js';

const result = (i: number): EvaluationResult => ({
  ruleset: 'invoices',
  version: 3,
  checksum: 'c'.repeat(64),
  events: [{ type: 'manual_review', params: { level: 'team_lead', amount: i + 0.5 } }],
  explanation: {
    fr: 'Montant élevé',
    en: 'High amount',
    rules: [{ name: 'montant-eleve', fr: 'Montant', en: 'Amount' }],
  },
  fired: [
    {
      name: 'montant-eleve',
      event: { type: 'manual_review' },
      conditions: [
        { fact: 'invoice', path: '$.total', operator: 'greaterThan', value: 1000, factValue: i, result: true },
      ],
    },
  ],
  failed: Array.from({ length: 30 }, (_, r) => ({
    name: `regle-${r}`,
    event: { type: 'reject' },
    conditions: [
      { fact: 'invoice', operator: 'equal', value: { nested: [r, null, 'é'] }, factValue: -0, result: false },
    ],
  })),
  evaluationId: `e-${i}`,
  logged: i % 2 === 0,
  durationMs: 0.125,
});

describe('the batch answer', () => {
  it('is the JSON the route’s response schema gives, byte for byte', async () => {
    const results = Array.from({ length: 20 }, (_, i) => result(i));
    const bySchema = fastJson(batchResponseSchema as unknown as Parameters<typeof fastJson>[0]);
    expect((await batchResponseBody(results)).toString()).toBe(bySchema({ results }));
    expect((await batchResponseBody([])).toString()).toBe(bySchema({ results: [] }));
    const withLarge = [result(0), large(3, 2_000), result(1)];
    expectSameJson(await batchResponseBody(withLarge), bySchema({ results: withLarge }));
  });

  it('gives the event loop turns while it writes 500 results with their traces (7 MB had been one turn)', async () => {
    // Four batches' worth, so that even a machine several times faster than this one needs more than a slice.
    const results = Array.from({ length: 2000 }, (_, i) => result(i));
    const { result: json, turns } = await turnsDuring(() => batchResponseBody(results));
    expect(turns).toBeGreaterThanOrEqual(2);
    expect((JSON.parse(json.toString()) as { results: unknown[] }).results).toHaveLength(2000);
  });
});

/** A decision of a rule set near the size limit: `rules` failed rules of `conditions` conditions each. */
const large = (rules: number, conditions: number): EvaluationResult => ({
  ...result(7),
  failed: Array.from({ length: rules }, (_, r) => ({
    name: `règle ’${r}’ 🙂`,
    event: { type: 'reject', params: { fired: [], evaluationId: 'not this one' } },
    conditions: Array.from({ length: conditions }, (_, c) => ({
      result: c % 3 === 0 ? null : c % 2 === 0,
      fact: 'montants',
      operator: 'notEqual',
      value: [0, 'é'],
      ...(c % 5 === 0
        ? { factValue: undefined, omitted: { factValue: { type: 'array' as const, length: 2_000 } } }
        : { factValue: c }),
    })),
  })),
});

/** Equal strings, or the place where they part (a failure would otherwise print megabytes). */
function expectSameJson(written: Buffer, bySchema: string): void {
  const text = written.toString();
  let at = 0;
  while (at < text.length && text[at] === bySchema[at]) at++;
  expect(text.slice(Math.max(0, at - 80), at + 80)).toBe(bySchema.slice(Math.max(0, at - 80), at + 80));
  expect(text.length).toBe(bySchema.length);
}

describe('the answer to one decision', () => {
  const bySchema = fastJson(evaluateResponseSchema as unknown as Parameters<typeof fastJson>[0]);

  it('is the JSON the route’s response schema gives, byte for byte, when it is written in turns', async () => {
    const answer = large(4, 1_000);
    expectSameJson(await evaluateResponseBody(answer), bySchema(answer));
    // Members in another order than the schema's, some left out, one the schema does not list.
    const { explanation: _e, fired: _f, ...rest } = answer;
    const reordered = Object.assign({ durationMs: 1.5, extra: 'not sent' }, rest, { version: 4 }) as EvaluationResult;
    expectSameJson(await evaluateResponseBody(reordered), bySchema(reordered));
  });

  it('is the schema’s JSON when it is small enough to be written in one go', async () => {
    const answer = large(1, CONDITIONS_WRITTEN_AT_ONCE);
    expectSameJson(await evaluateResponseBody(answer), bySchema(answer));
    expectSameJson(await evaluateResponseBody(result(3)), bySchema(result(3)));
  });

  it('gives the event loop turns while it writes 100 000 traced conditions (a 2.4 MB answer had been one turn)', async () => {
    const { result: body, turns } = await turnsDuring(() => evaluateResponseBody(large(100, 1_000)));
    expect(turns).toBeGreaterThanOrEqual(2);
    expect((JSON.parse(body.toString()) as EvaluationResult).failed).toHaveLength(100);
  });

  it('gives turns within a rule too, every few hundred conditions', async () => {
    // One rule of 80 000 conditions (the limits allow 5 000): only turns between its conditions can come.
    const { result: body, turns } = await turnsDuring(() => evaluateResponseBody(large(1, 80_000)));
    expect(turns).toBeGreaterThanOrEqual(2);
    expect((JSON.parse(body.toString()) as EvaluationResult).failed![0]!.conditions).toHaveLength(80_000);
  });

  it('writes what the schema writes for values the service never sends, or refuses them as it does', async () => {
    const answer = large(3, 1_000);
    const odd = [
      { ...answer, failed: null },
      { ...answer, fired: [null, ...answer.failed!] },
      { ...answer, toJSON: () => ({ ...answer, version: 99 }) },
      { ...answer, failed: [{ ...answer.failed![0]!, conditions: null }, ...answer.failed!] },
    ] as unknown as EvaluationResult[];
    for (const result of odd) expectSameJson(await evaluateResponseBody(result), bySchema(result));
    const aSet = { ...answer, failed: new Set(answer.failed) } as unknown as EvaluationResult;
    expect(() => bySchema(aSet)).toThrow();
    await expect(evaluateResponseBody(aSet)).rejects.toThrow();
  });

  it('refuses an answer without a member the schema requires, as the schema’s serializer does', async () => {
    const { evaluationId: _id, ...withoutId } = large(2, 1_000);
    await expect(evaluateResponseBody(withoutId as EvaluationResult)).rejects.toThrow('"evaluationId" is required');
    expect(() => bySchema(withoutId)).toThrow('"evaluationId" is required');
  });
});
