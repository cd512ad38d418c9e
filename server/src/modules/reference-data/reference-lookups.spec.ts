import { describe, expect, it } from '@jest/globals';
import type { AuditService } from '../audit/audit.service.js';
import { type NamingEvent, TrailFeed } from '../audit/trail-feed.js';
import { ReferenceLookups } from './reference-lookups.js';
import type { Row } from './reference-table.js';
import type { ReferenceTablesService } from './reference-tables.service.js';

/** The database's tables, as rows by key and a revision, counting the reads. */
class Tables {
  readonly tables = new Map<string, { rows: Row[]; rev: number }>();
  rowReads = 0;
  revisionReads = 0;

  asService(): ReferenceTablesService {
    return {
      onChange: () => undefined,
      revisionsOf: async (keys: string[]) => {
        this.revisionReads += keys.length;
        const revs = new Map<string, number>();
        for (const key of keys) if (this.tables.has(key)) revs.set(key, this.tables.get(key)!.rev);
        return revs;
      },
      rowsByKey: async (key: string) => {
        this.rowReads++;
        const table = this.tables.get(key);
        return {
          rows: table ? new Map(table.rows.map((row) => [String(row['id']), row])) : null,
          rev: table?.rev,
        };
      },
    } as unknown as ReferenceTablesService;
  }

  /** Another instance writes the table (its revision moves). */
  write(key: string, status: string): void {
    const rev = (this.tables.get(key)?.rev ?? 0) + 1;
    this.tables.set(key, { rows: [{ id: 's1', status }], rev });
  }
}

class Trail {
  readonly events: (NamingEvent & { seq: number })[] = [];
  readonly feed = new TrailFeed<NamingEvent & { seq: number }>({
    changeMarker: async () => this.events.length,
    claimedEvents: async (seqs) => seqs.map((seq) => this.events[seq - 1] ?? null),
  });

  names(resourceType: string, resourceKey: string): void {
    this.events.push({ seq: this.events.length + 1, resourceType, resourceKey });
  }
}

async function setUp() {
  const tables = new Tables();
  const trail = new Trail();
  await trail.feed.start();
  const lookups = new ReferenceLookups(tables.asService(), { feed: trail.feed } as unknown as AuditService);
  const status = async (table: string) => ((await lookups.row(table, 's1')) as Row | null)?.['status'] ?? null;
  return { tables, trail, lookups, status };
}

describe('ReferenceLookups', () => {
  it('finds a table another instance created after a lookup found none, once the trail names it', async () => {
    const { tables, trail, status } = await setUp();
    expect(await status('suppliers')).toBeNull();
    tables.write('suppliers', 'known');
    trail.names('reference_table', 'suppliers');
    await trail.feed.catchUp();
    expect(await status('suppliers')).toBe('known');
  });

  it('reads a table again only when the trail names it, not for other resources', async () => {
    const { tables, trail, status } = await setUp();
    tables.write('suppliers', 'known');
    tables.write('rates', 'known');
    await status('suppliers');
    await status('rates');
    trail.names('ruleset', 'suppliers'); // a rule set may share a table's key
    trail.names('reference_table', 'other');
    await trail.feed.catchUp();
    await status('suppliers');
    expect(tables.rowReads).toBe(2);

    tables.write('suppliers', 'banned');
    trail.names('reference_table', 'suppliers');
    await trail.feed.catchUp();
    expect(await status('suppliers')).toBe('banned');
    expect(await status('rates')).toBe('known');
    expect(tables.rowReads).toBe(3);
  });

  it('sees, in the periodic sweep, a change whose event is late, and reads nothing more when nothing moved', async () => {
    const { tables, lookups, status } = await setUp();
    tables.write('suppliers', 'known');
    tables.write('rates', 'known');
    expect(await status('suppliers')).toBe('known');
    expect(await status('rates')).toBe('known');
    tables.write('suppliers', 'banned'); // changed by an instance whose audit write is still pending
    await lookups.sweep();
    expect(await status('suppliers')).toBe('banned');
    expect(await status('rates')).toBe('known');
    expect(tables.rowReads).toBe(3);

    await lookups.sweep();
    await status('suppliers');
    await status('rates');
    expect(tables.rowReads).toBe(3);
  });

  it('reads every table again when the feed lost track', async () => {
    const { tables, trail, status } = await setUp();
    tables.write('suppliers', 'known');
    await status('suppliers');
    tables.write('suppliers', 'banned');
    // A restored database: the trail is shorter than the feed had read.
    trail.names('user', 'x');
    await trail.feed.catchUp();
    trail.events.length = 0;
    await trail.feed.catchUp();
    expect(await status('suppliers')).toBe('banned');
  });
});

describe('ReferenceLookups.preload', () => {
  it('loads tables a few at a time and indexes the columns lookups read, so the run itself builds nothing', async () => {
    const { tables, lookups } = await setUp();
    // Ten tables of rows sharing a `group`: a run reading them by group had built each index within itself.
    for (let t = 0; t < 10; t++)
      tables.tables.set(`t${t}`, {
        rows: Array.from({ length: 3 }, (_, i) => ({ id: `r${i}`, group: i < 2 ? 'a' : 'b' })),
        rev: 1,
      });
    let reading = 0;
    let mostAtOnce = 0;
    const read = tables.asService().rowsByKey;
    (lookups as unknown as { tables: ReferenceTablesService }).tables.rowsByKey = async (key: string) => {
      mostAtOnce = Math.max(mostAtOnce, ++reading);
      await new Promise((resolve) => setImmediate(resolve));
      reading--;
      return read(key);
    };
    const names = [...tables.tables.keys()];
    const columns = names.map((table) => [table, 'group'] as const);
    await lookups.preload(names, columns);
    expect(mostAtOnce).toBe(4);
    const indexes = (lookups as unknown as { columnIndexes: WeakMap<object, Map<string, unknown>> }).columnIndexes;
    const loaded = (lookups as unknown as { loaded: Map<string, { rows: object }> }).loaded;
    expect(names.every((table) => indexes.get(loaded.get(table)!.rows)?.has('group'))).toBe(true);
    expect(lookups.rowsNow('t3', 'group', 'a').map((row) => row['id'])).toEqual(['r0', 'r1']);
    // Loaded and indexed: nothing to wait for. A column not indexed yet is waited for.
    expect(lookups.preload(names, columns)).toBeUndefined();
    expect(lookups.preload(names, [['t1', 'id']])).toBeInstanceOf(Promise);
  });
});
