import { describe, expect, it } from '@jest/globals';
import fastJson from 'fast-json-stringify';
import { turnsDuring } from '../../common/async/turns-during.js';
import { batchResponseJson } from './batch-response.js';
import { batchResponseSchema } from './evaluation.contract.js';
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
    expect(await batchResponseJson(results)).toBe(bySchema({ results }));
    expect(await batchResponseJson([])).toBe(bySchema({ results: [] }));
  });

  it('gives the event loop turns while it writes 500 results with their traces (7 MB had been one turn)', async () => {
    // Four batches' worth, so that even a machine several times faster than this one needs more than a slice.
    const results = Array.from({ length: 2000 }, (_, i) => result(i));
    const { result: json, turns } = await turnsDuring(() => batchResponseJson(results));
    expect(turns).toBeGreaterThanOrEqual(2);
    expect((JSON.parse(json) as { results: unknown[] }).results).toHaveLength(2000);
  });
});
