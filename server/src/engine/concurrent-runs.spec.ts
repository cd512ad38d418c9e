import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from '@jest/globals';
import type { AuditService } from '../modules/audit/audit.service.js';
import { TrailFeed } from '../modules/audit/trail-feed.js';
import { HttpMetrics } from '../common/metrics/http-metrics.js';
import { PreparedVersions } from '../modules/evaluation/prepared-versions.js';
import { ReferenceLookups } from '../modules/reference-data/reference-lookups.js';
import type { Row } from '../modules/reference-data/reference-table.js';
import type { ReferenceTablesService } from '../modules/reference-data/reference-tables.service.js';
import type { RulesetContent } from '../modules/rulesets/ruleset.types.js';
import type { AppConfig } from '../config/config.schema.js';
import { run, UndefinedFactError } from './evaluate.js';

/** Reference tables that answer slowly (and differently after a change), as a database would. */
function slowTables(initial: Record<string, Row>) {
  let rows = initial;
  const listeners: ((key: string) => void)[] = [];
  let loads = 0;
  const service = {
    onChange: (listener: (key: string) => void) => listeners.push(listener),
    rowsByKey: async (key: string) => {
      loads++;
      await sleep(Math.random() * 5);
      return { rows: key === 'suppliers' ? new Map(Object.entries(rows)) : null, rev: undefined };
    },
    revisionsOf: async () => new Map<string, number>(),
  };
  return {
    service: service as unknown as ReferenceTablesService,
    change: (next: Record<string, Row>) => {
      rows = next;
      listeners.forEach((l) => l('suppliers'));
    },
    loads: () => loads,
  };
}

/** No other instance: the audit trail's feed tells nothing. */
const quietTrail = {
  feed: new TrailFeed({ changeMarker: async () => 0, claimedEvents: async () => [] }),
} as unknown as AuditService;

// A high-priority rule on a lookup, then a lower-priority rule: the pattern that broke shared engines.
const content = {
  inputSchema: { type: 'object' },
  definition: {
    rules: [
      {
        name: 'lookup',
        priority: 10,
        conditions: { all: [{ fact: 'supplier', path: '$.status', operator: 'equal', value: 'known' }] },
        event: { type: 'supplier_known' },
      },
      {
        name: 'amount',
        priority: 1,
        conditions: { all: [{ fact: 'amount', operator: 'greaterThan', value: 0 }] },
        event: { type: 'amount_positive' },
      },
      {
        name: 'elsewhere',
        priority: 1,
        conditions: {
          all: [
            { fact: 'amount', operator: 'lessThan', value: 0, priority: 2 },
            { fact: 'other', operator: 'equal', value: 'x' },
          ],
        },
        event: { type: 'never' },
      },
    ],
  },
  lookups: [
    { fact: 'supplier', table: 'suppliers', key: { fact: 'supplierId' } },
    { fact: 'other', table: 'missing-table', key: { fact: 'otherId' } },
  ],
} as unknown as RulesetContent;

/** The version of `content` as the service prepares it, its lookups answered from `tables`. */
const preparedOn = (tables: ReturnType<typeof slowTables>, checksum: string) =>
  new PreparedVersions(
    new ReferenceLookups(tables.service, quietTrail),
    { compiledCacheSize: 10 } as AppConfig,
    new HttpMetrics(),
  ).for(checksum, 'rules', content);

describe('runs with reference-table lookups', () => {
  it('keeps every decision whole under 200 overlapping runs', async () => {
    const tables = slowTables({ s1: { id: 's1', status: 'known' }, s2: { id: 's2', status: 'banned' } });
    const { prepared } = await preparedOn(tables, 'c1');
    const results = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        await sleep(Math.random() * 3);
        const outcome = await run(prepared, { amount: i + 1, supplierId: i % 2 ? 's1' : 's2' });
        return {
          i,
          types: outcome.events.map((e) => e.type).join(),
          traced: outcome.fired.length + outcome.failed.length,
        };
      }),
    );
    for (const { i, types, traced } of results) {
      expect(types).toBe(i % 2 ? 'supplier_known,amount_positive' : 'amount_positive');
      expect(traced).toBe(3);
    }
    expect(tables.loads()).toBeLessThanOrEqual(4); // preloads share one load per table
  });

  it('reads a lookup lazily: a missing key fact is an undefined fact only when a condition reads the lookup', async () => {
    const tables = slowTables({ s1: { id: 's1', status: 'known' } });
    const { prepared } = await preparedOn(tables, 'c2');
    await expect(run(prepared, { amount: 1 })).rejects.toEqual(new UndefinedFactError('supplierId'));
    // `other` is keyed by the absent otherId: read (and failing) only once the higher-priority `amount < 0` holds.
    await expect(run(prepared, { amount: -1, supplierId: 's1' })).rejects.toEqual(new UndefinedFactError('otherId'));
    expect((await run(prepared, { amount: 1, supplierId: 's1' })).events.map((e) => e.type)).toEqual([
      'supplier_known',
      'amount_positive',
    ]);
  });

  it('answers from the new rows once a table changed', async () => {
    const tables = slowTables({ s1: { id: 's1', status: 'known' } });
    const { prepared } = await preparedOn(tables, 'c3');
    expect((await run(prepared, { amount: 1, supplierId: 's1' })).events[0]!.type).toBe('supplier_known');
    tables.change({ s1: { id: 's1', status: 'banned' } });
    expect((await run(prepared, { amount: 1, supplierId: 's1' })).events.map((e) => e.type)).toEqual([
      'amount_positive',
    ]);
  });
});
