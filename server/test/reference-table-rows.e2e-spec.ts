import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { as, signInCast } from './support/rulesets.js';
import { startAnotherInstance, startTestApp, type TestApp } from './support/test-app.js';
import { ReferenceTablesRepository } from '../src/modules/reference-data/reference-tables.repository.js';

/**
 * Where a table's rows are kept (docs/adr/0041): apart from the table document, in row sets of chunks, so that
 * listing tables reads no rows and no single document the driver decodes is a whole table. What a user sees is
 * unchanged; what these tests hold is that no change loses a row or leaves rows behind.
 */
const columns = [
  { name: 'code', type: 'string' },
  { name: 'label', type: 'string' },
  { name: 'limit', type: 'number' },
];
const manyRows = (count: number, label: string) =>
  Array.from({ length: count }, (_, i) => ({ code: `C${String(i).padStart(5, '0')}`, label, limit: i }));

const lookupRuleset = {
  key: 'codes-check',
  name: 'Contrôle des codes',
  pilot: 'invoices',
  format: 'rules',
  inputSchema: { type: 'object', required: ['code'], properties: { code: { type: 'string' } } },
  lookups: [{ fact: 'codeRecord', table: 'codes', key: { fact: 'code' } }],
  definition: {
    rules: [
      {
        name: 'avant',
        conditions: { all: [{ fact: 'codeRecord', path: '$.label', operator: 'equal', value: 'avant' }] },
        event: { type: 'before' },
      },
      {
        name: 'après',
        conditions: { all: [{ fact: 'codeRecord', path: '$.label', operator: 'equal', value: 'après' }] },
        event: { type: 'after' },
      },
    ],
  },
};

describe('reference table rows in storage', () => {
  let t: TestApp;
  let analyst: ReturnType<typeof as>;
  let approver: ReturnType<typeof as>;
  beforeAll(async () => {
    t = await startTestApp('reference_table_rows');
    const cast = await signInCast(t);
    analyst = as(t, cast.analyst);
    approver = as(t, cast.approver);
  });
  afterAll(() => t.close());

  const tableDoc = (key: string) => t.db.collection('reference_tables').findOne({ _id: key as never });
  const setsOf = async (key: string) =>
    (await t.db.collection('reference_table_row_sets').find({ table: key }).toArray()).map((s) => String(s._id));
  const chunksOf = async (set: string) =>
    (await t.db.collection('reference_table_row_chunks').find({}).toArray())
      .map((c) => String(c._id))
      .filter((id) => id.startsWith(`${set}.`));
  const rowsRead = async (key: string) => (await analyst.get(`/api/v1/reference-tables/${key}`)).body.rows;

  it('keeps a large table in chunks apart from its document, and reads every row back in order', async () => {
    // 3 000 rows of 200-character labels: over 600 000 characters, several chunks.
    const rows = manyRows(3_000, 'x'.repeat(200));
    const created = await analyst.post('/api/v1/reference-tables', {
      key: 'wide',
      name: 'Large',
      keyColumn: 'code',
      columns,
      rows,
    });
    expect([created.status, created.body.rowCount]).toEqual([201, 3_000]);
    const doc = await tableDoc('wide');
    expect(doc).not.toHaveProperty('rows');
    expect(doc).toMatchObject({ rowCount: 3_000, rowSet: { count: 3_000 } });
    expect(doc!['rowSet'].chunks).toBeGreaterThan(3);
    expect(await chunksOf(doc!['rowSet'].set)).toHaveLength(doc!['rowSet'].chunks);
    expect(await rowsRead('wide')).toEqual(rows);
    // The list reads the small documents, and still counts the rows.
    const listed = (await analyst.get('/api/v1/reference-tables?filter={"q":"wide"}')).body;
    expect(listed).toEqual([expect.objectContaining({ key: 'wide', rowCount: 3_000, rows: [] })]);
  });

  it('replaces the rows with a new set and removes the old one', async () => {
    const before = (await tableDoc('wide'))!['rowSet'].set as string;
    const read = await analyst.get('/api/v1/reference-tables/wide');
    const replaced = await analyst.put(
      '/api/v1/reference-tables/wide/rows',
      { rows: manyRows(10, 'court') },
      read.headers['etag'] as string,
    );
    expect([replaced.status, replaced.body.rowCount]).toEqual([200, 10]);
    const after = (await tableDoc('wide'))!['rowSet'].set as string;
    expect(after).not.toBe(before);
    expect(await setsOf('wide')).toEqual([after]);
    expect(await chunksOf(before)).toEqual([]);
    expect(await rowsRead('wide')).toEqual(manyRows(10, 'court'));
    // Its key taken, a second creation is refused and leaves no rows behind.
    const again = await analyst.post('/api/v1/reference-tables', {
      key: 'wide',
      name: 'Encore',
      keyColumn: 'code',
      columns,
      rows: manyRows(3_000, 'y'),
    });
    expect(again.status).toBe(409);
    expect(await setsOf('wide')).toEqual([after]);
  });

  it('holds a pending change in its own set: approving adopts it, rejecting removes it, decisions follow', async () => {
    const rows = manyRows(200, 'avant');
    expect(
      (
        await analyst.post('/api/v1/reference-tables', {
          key: 'codes',
          name: 'Codes',
          keyColumn: 'code',
          columns,
          rows,
        })
      ).status,
    ).toBe(201);
    expect((await analyst.post('/api/v1/rulesets', lookupRuleset)).status).toBe(201);
    await analyst.post('/api/v1/rulesets/codes-check/versions/1/submit');
    await approver.post('/api/v1/rulesets/codes-check/versions/1/approve');
    expect((await approver.post('/api/v1/rulesets/codes-check/versions/1/publish')).status).toBe(200);
    const decide = async (code: string) =>
      (await analyst.post('/api/v1/rulesets/codes-check/evaluate', { facts: { code } })).body.events;
    expect(await decide('C00150')).toEqual([{ type: 'before' }]);

    const propose = async (label: string) => {
      const tag = (await analyst.get('/api/v1/reference-tables/codes')).headers['etag'] as string;
      const proposed = await analyst.put('/api/v1/reference-tables/codes/rows', { rows: manyRows(200, label) }, tag);
      expect(proposed.status).toBe(202);
      return proposed;
    };
    const current = (await tableDoc('codes'))!['rowSet'].set as string;

    // Rejected: the proposed rows go, the current ones stay where they were.
    const first = await propose('refusé');
    const held = (await tableDoc('codes'))!['pending'].rowSet.set as string;
    expect((await setsOf('codes')).sort()).toEqual([current, held].sort());
    const rejected = await approver
      .post('/api/v1/reference-tables/codes/pending/reject', { comment: 'Pas maintenant' })
      .set('if-match', first.headers['etag'] as string);
    expect(rejected.status).toBe(200);
    expect(await setsOf('codes')).toEqual([current]);
    expect(await chunksOf(held)).toEqual([]);
    expect(await decide('C00150')).toEqual([{ type: 'before' }]);

    // Approved: the proposed set becomes the table's, written once; the old rows go.
    const second = await propose('après');
    const adopted = (await tableDoc('codes'))!['pending'].rowSet.set as string;
    const approved = await approver
      .post('/api/v1/reference-tables/codes/pending/approve', { comment: 'Vérifié' })
      .set('if-match', second.headers['etag'] as string);
    expect(approved.status).toBe(200);
    const doc = await tableDoc('codes');
    expect(doc).not.toHaveProperty('pending');
    expect(doc!['rowSet'].set).toBe(adopted);
    expect(await setsOf('codes')).toEqual([adopted]);
    expect(await chunksOf(current)).toEqual([]);
    expect(await rowsRead('codes')).toEqual(manyRows(200, 'après'));
    expect(await decide('C00150')).toEqual([{ type: 'after' }]);
  });

  it('reads a table stored with its rows inline, moves them to a set on its next change, and sweeps abandoned sets', async () => {
    // As tables were stored before row sets (2026-12-07).
    const legacyRows = [
      { code: 'A1', label: 'ancien', limit: 1 },
      { code: 'A2', label: 'ancien', limit: 2 },
    ];
    await t.db.collection('reference_tables').insertOne({
      _id: 'legacy' as never,
      name: 'Ancienne',
      keyColumn: 'code',
      columns,
      rows: legacyRows,
      rowCount: 2,
      rev: 1,
      updatedBy: 'analyst',
      updatedAt: '2026-12-01T00:00:00.000Z',
      outbox: [],
    });
    // A set a writer registered and wrote a chunk of, then stopped before naming it: eleven minutes ago, and now.
    const sets = t.db.collection('reference_table_row_sets');
    const chunks = t.db.collection('reference_table_row_chunks');
    const old = new Date(Date.now() - 11 * 60_000);
    await sets.insertOne({ _id: 'abandoned' as never, table: 'legacy', chunks: 1, at: old });
    await chunks.insertOne({ _id: 'abandoned.0' as never, rows: legacyRows });
    await sets.insertOne({ _id: 'in-progress' as never, table: 'legacy', chunks: 1, at: new Date() });
    await chunks.insertOne({ _id: 'in-progress.0' as never, rows: legacyRows });
    // One of a table no longer stored, and the set a table names, both registered long ago.
    await sets.insertOne({ _id: 'of-no-table' as never, table: 'gone', chunks: 1, at: old });
    await chunks.insertOne({ _id: 'of-no-table.0' as never, rows: legacyRows });
    const [named] = await setsOf('codes');
    await sets.updateOne({ _id: named as never }, { $set: { at: old } });

    // Another instance starting sweeps what was abandoned, not what another writer may still be naming.
    const other = await startAnotherInstance(t);
    try {
      expect(await setsOf('legacy')).toEqual(['in-progress']);
      expect(await chunks.countDocuments({ _id: 'abandoned.0' as never })).toBe(0);
      expect([await setsOf('gone'), await chunks.countDocuments({ _id: 'of-no-table.0' as never })]).toEqual([[], 0]);
      expect(await setsOf('codes')).toEqual([named]);
      expect(await rowsRead('codes')).toEqual(manyRows(200, 'après'));
      const read = await as(other, await other.login('analyst')).get('/api/v1/reference-tables/legacy');
      expect([read.status, read.body.rows, read.body.rowCount]).toEqual([200, legacyRows, 2]);
    } finally {
      await other.close();
    }

    const read = await analyst.get('/api/v1/reference-tables/legacy');
    const merged = await analyst
      .post('/api/v1/reference-tables/legacy/import')
      .set('if-match', read.headers['etag'] as string)
      .send({ csv: 'code,label,limit\nA3,nouveau,3', mode: 'merge' });
    expect(merged.status).toBe(200);
    const doc = await tableDoc('legacy');
    expect(doc).not.toHaveProperty('rows');
    expect(doc).toMatchObject({ rowCount: 3, rowSet: { count: 3 } });
    expect(await rowsRead('legacy')).toEqual([...legacyRows, { code: 'A3', label: 'nouveau', limit: 3 }]);
  });

  it('refuses a writer that read the table revisions ago, and rolls a document written back by one forward', async () => {
    const created = await analyst.post('/api/v1/reference-tables', {
      key: 'stale',
      name: 'Périmée',
      keyColumn: 'code',
      columns,
      rows: manyRows(10, 'v1'),
    });
    expect(created.status).toBe(201);
    const repository = t.app.get(ReferenceTablesRepository);
    const read = (await repository.get('stale'))!;
    let tag = created.headers['etag'] as string;
    for (let v = 2; v <= 5; v++) {
      const put = await analyst.put('/api/v1/reference-tables/stale/rows', { rows: manyRows(10, `v${v}`) }, tag);
      expect(put.status).toBe(200);
      tag = put.headers['etag'] as string;
    }
    // A writer still holding revision 1 (an approval slowed down, a process paused) tries to write revision 2.
    expect(await repository.replace(read, { ...read, rev: 2, updatedBy: 'stale' })).toBe(false);
    const current = await analyst.get('/api/v1/reference-tables/stale');
    expect([current.headers['etag'], current.body.rows]).toEqual(['"reference_table:stale:r5"', manyRows(10, 'v5')]);

    // A slow writer's document landing after newer ones: readers roll forward past the claims kept without state.
    await t.db.collection('reference_tables').updateOne({ _id: 'stale' as never }, { $set: { rev: 2 } });
    const rolled = await analyst.get('/api/v1/reference-tables/stale');
    expect([rolled.headers['etag'], rolled.body.rows]).toEqual(['"reference_table:stale:r5"', manyRows(10, 'v5')]);
    expect(await setsOf('stale')).toEqual([(await tableDoc('stale'))!['rowSet'].set]);
  });
});
