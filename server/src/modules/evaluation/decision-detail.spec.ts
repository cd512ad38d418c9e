import { describe, expect, it } from '@jest/globals';
import { Binary } from 'mongodb';
import type { DecisionDocument, StoredDecision } from './decision.schema.js';
import { TraceTable, type TableContent } from '../../engine/trace-table.js';
import {
  CONDITIONS_ENCODED_AT_ONCE,
  DEFLATED_JSON,
  DEFLATED_JSON_CITING_TABLE,
  fromStored,
  toStored,
  toStoredInPieces,
  toStoredInTurns,
} from './decision-detail.js';
import { turnsDuring } from '../../common/async/turns-during.js';

const meta = {
  _id: 'd-1',
  ruleset: 'invoices',
  version: 3,
  checksum: 'abc',
  at: new Date('2026-03-02T10:00:00Z'),
  actor: 'api-key:1',
  events: [{ type: 'manual_review' }],
  durationMs: 0.25,
};
const detail = {
  facts: { invoice: { total: 1500, supplier: { name: 'Laval inc.' } }, note: 'é ✓ 😀' },
  fired: [
    {
      name: 'montant-eleve',
      event: { type: 'manual_review' },
      conditions: [
        { fact: 'invoice', path: '$.total', operator: 'greaterThan', value: 1000, factValue: 1500, result: true },
      ],
    },
  ],
  failed: [
    {
      name: 'autre',
      event: { type: 'reject' },
      conditions: [{ fact: 'x', operator: 'equal', value: null, factValue: 0, result: false }],
    },
  ],
  explanation: {
    fr: 'Montant 1500 $',
    en: 'Amount 1500 $',
    rules: [{ name: 'montant-eleve', fr: 'Montant', en: 'Amount' }],
  },
};
const decision: DecisionDocument = { ...meta, ...detail };

describe('decision detail as stored', () => {
  it('stores what queries read as fields and the rest as one deflated field, and reads all of it back', () => {
    const stored = toStored(decision);
    expect(stored).toEqual({ ...meta, detail: expect.any(Binary) });
    expect((stored.detail as Binary).sub_type).toBe(DEFLATED_JSON);
    expect(fromStored(stored)).toEqual(decision);
  });

  it('encodes a batch of large records giving the event loop turns between them, each as toStored would', async () => {
    // Facts near the body limit (85 000 members) take about 20 ms each to write as JSON and deflate: eight held
    // the loop for 150–200 ms in one turn.
    const facts = Object.fromEntries(Array.from({ length: 85_000 }, (_, i) => [`f${i.toString(36)}`, i]));
    const large = Array.from({ length: 8 }, (_, i) => ({ ...decision, _id: `large-${i}`, facts }));
    const { result, turns } = await turnsDuring(() => toStoredInTurns(large));
    expect(turns).toBeGreaterThanOrEqual(2);
    expect(result.map((stored) => fromStored(stored))).toEqual(large);
  });

  it('keeps a decision without an explanation without one', () => {
    const { explanation: _none, ...unexplained } = decision;
    expect(fromStored(toStored(unexplained))).toEqual(unexplained);
  });

  it('reads records written before: detail as JSON text, and detail as fields', () => {
    expect(fromStored({ ...meta, detail: JSON.stringify(detail) })).toEqual(decision);
    expect(fromStored({ ...meta, ...detail } as unknown as StoredDecision)).toEqual(decision);
  });

  it('stores traces citing the version’s trace table, and reads them back whole with it', () => {
    const table = new TraceTable({
      rules: [{ name: 'montant-eleve', event: { type: 'manual_review' } }],
      conditions: [{ fact: 'invoice', path: '$.total', operator: 'greaterThan', value: 1000 }],
    });
    const stored = toStored({ ...decision, traceTable: table });
    expect((stored.detail as Binary).sub_type).toBe(DEFLATED_JSON_CITING_TABLE);
    expect(stored).not.toHaveProperty('traceTable');
    expect(fromStored(stored, JSON.parse(table.json) as TableContent)).toEqual(decision);
    expect(() => fromStored(stored)).toThrow(`cite trace table ${table.id}, which was not found`);
  });

  it('writes a record of a rule set near the size limit in pieces, the same bytes as in one go', async () => {
    // 40 rules of 500 conditions reading a list of 2 000 numbers: the shape of a rule set at the size limit.
    const list = Array.from({ length: 2_000 }, (_, i) => i);
    const value = Object.freeze([0]);
    const rule = (r: number) => ({
      name: `r${r}`,
      event: { type: 'x' },
      conditions: Array.from({ length: 500 }, (_, c) =>
        c % 2 === 0
          ? {
              fact: 'list',
              operator: 'notEqual',
              value,
              result: true,
              omitted: { factValue: { type: 'array', length: 2_000 } },
            }
          : { fact: 'n', operator: 'equal', value: c, factValue: r, result: c % 3 === 0 ? null : false },
      ),
    });
    const table = new TraceTable({
      rules: Array.from({ length: 40 }, (_, r) => ({ name: `r${r}`, event: { type: 'x' } })),
      conditions: [{ fact: 'list', operator: 'notEqual', value }],
    });
    const big = {
      ...decision,
      facts: { list, n: 3 },
      fired: Array.from({ length: 20 }, (_, r) => rule(r)),
      failed: Array.from({ length: 20 }, (_, r) => rule(20 + r)),
    } as DecisionDocument;
    expect(40 * 500).toBeGreaterThan(CONDITIONS_ENCODED_AT_ONCE);
    for (const record of [big, { ...big, traceTable: table }, { ...big, explanation: undefined }]) {
      const [inPieces] = await toStoredInTurns([record]);
      expect((inPieces!.detail as Binary).buffer).toEqual((toStored(record).detail as Binary).buffer);
    }
    const [cited] = await toStoredInTurns([{ ...big, traceTable: table }]);
    expect(fromStored(cited!, JSON.parse(table.json) as TableContent)).toEqual(big);
  });

  it('looks at the clock after each rule of a record of 100 000 traced conditions, and gives turns then', async () => {
    const rule = (r: number) => ({
      name: `r${r}`,
      event: { type: 'x' },
      conditions: Array.from({ length: 5_000 }, (_, c) => ({
        fact: 'n',
        operator: 'equal',
        value: c,
        factValue: r,
        result: false,
      })),
    });
    const huge = { ...decision, fired: [], failed: Array.from({ length: 20 }, (_, r) => rule(r)) };
    // Turns counted while the record is written would count the deflate's too (it runs on the thread pool):
    // the slice is asked after each rule, and each turn it gives is one the loop took.
    let asked = 0;
    let given = 0;
    const slice = () => {
      asked++;
      return new Promise<void>((resolve) => setImmediate(() => (given++, resolve())));
    };
    const stored = await toStoredInPieces(huge, slice);
    expect([asked, given]).toEqual([20, 20]);
    expect(fromStored(stored).failed).toHaveLength(20);
    expect((stored.detail as Binary).buffer).toEqual((toStored(huge).detail as Binary).buffer);
  });

  it('deflates a record whose facts are near the body limit off the event loop, to the same bytes', async () => {
    // 40 000 small objects (700 KB of JSON): written and deflated in one go, one turn of 26–35 ms.
    const facts = { list: Array.from({ length: 40_000 }, (_, i) => ({ n: i, s: 'ab' })) };
    const record = { ...decision, facts } as DecisionDocument;
    const { result, turns } = await turnsDuring(() => toStoredInTurns([record]));
    expect(turns).toBeGreaterThanOrEqual(1);
    expect((result[0]!.detail as Binary).buffer).toEqual((toStored(record).detail as Binary).buffer);
  });

  it('writes a list item that JSON writes as nothing as null, as JSON.stringify does', async () => {
    const odd = { ...decision, failed: [undefined, ...decision.failed] } as unknown as DecisionDocument;
    const slice = () => undefined;
    expect((await toStoredInPieces(odd, slice)).detail).toEqual(toStored(odd).detail);
  });

  it('refuses a detail in an encoding it does not know, rather than reading it as something else', () => {
    expect(() => fromStored({ ...meta, detail: new Binary(Buffer.from('{}'), 0) })).toThrow(/unknown detail subtype 0/);
  });
});
