import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { UsersRepository } from '../src/modules/users/users.repository.js';
import { hashPassword } from '../src/modules/users/password.js';
import { as, publishNewRuleset, signInCast } from './support/rulesets.js';
import { startAnotherInstance, startTestApp, type TestApp } from './support/test-app.js';
import { DEMO_ROW_TABLES, SEEDED_TABLES as SEEDED, suppliersTable } from './support/reference-tables.js';

const suppliers = suppliersTable('suppliers');

const lookupRuleset = {
  key: 'supplier-check',
  name: 'Contrôle fournisseur',
  pilot: 'invoices',
  format: 'rules',
  inputSchema: {
    type: 'object',
    required: ['invoice'],
    properties: { invoice: { type: 'object', required: ['neq'], properties: { neq: { type: 'string' } } } },
  },
  lookups: [{ fact: 'supplierRecord', table: 'suppliers', key: { fact: 'invoice', path: '$.neq' } }],
  definition: {
    rules: [
      {
        name: 'rena',
        priority: 10,
        conditions: { all: [{ fact: 'supplierRecord', path: '$.onRena', operator: 'equal', value: true }] },
        event: { type: 'reject' },
        explanation: { fr: '{{invoice.neq}} est au RENA' },
      },
      {
        name: 'inconnu',
        priority: 10,
        conditions: { all: [{ fact: 'supplierRecord', operator: 'equal', value: null }] },
        event: { type: 'manual_review' },
      },
      {
        name: 'connu',
        priority: 1,
        conditions: { all: [{ fact: 'supplierRecord', path: '$.onRena', operator: 'equal', value: false }] },
        event: { type: 'auto_approve' },
      },
    ],
  },
};

describe('reference tables', () => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof signInCast>>;
  let analyst: ReturnType<typeof as>;
  beforeAll(async () => {
    t = await startTestApp('reference_tables');
    cast = await signInCast(t);
    analyst = as(t, cast.analyst);
  });
  afterAll(() => t.close());

  const etag = async () => (await analyst.get('/api/v1/reference-tables/suppliers')).headers['etag'] as string;
  const importCsv = async (csv: string, mode = 'replace') =>
    analyst
      .post('/api/v1/reference-tables/suppliers/import')
      .set('if-match', await etag())
      .send({ csv, mode });

  it('creates a table with typed columns, audited', async () => {
    const created = await analyst.post('/api/v1/reference-tables', suppliers);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ key: 'suppliers', rowCount: 2, rev: 1 });
    expect(created.headers['etag']).toBe('"reference_table:suppliers:r1"');
    expect(
      await t.db
        .collection('audit_events')
        .countDocuments({ action: 'reference_table.created', resourceKey: 'suppliers', actor: 'analyst' }),
    ).toBe(1);
    // Beside the tables seeded for the invoice pilot (seeds/reference-tables).
    const list = await analyst.get('/api/v1/reference-tables');
    expect(list.headers['content-range']).toBe(`reference-tables 0-${SEEDED.length}/${SEEDED.length + 1}`);
    expect(list.body.map((table: { key: string }) => table.key).sort()).toEqual([...SEEDED, 'suppliers'].sort());
    // The list leaves the rows out but says how many each table holds (the console's « Lignes » column).
    const listed = (key: string) => list.body.find((table: { key: string }) => table.key === key);
    expect(listed('suppliers')).toMatchObject({ rows: [], rowCount: 2 });
    // Searched by text; text no key or name can hold (NUL) finds nothing instead of failing.
    const search = (q: string) =>
      analyst.get(`/api/v1/reference-tables?filter=${encodeURIComponent(JSON.stringify({ q }))}`);
    expect((await search('suppl')).body.map((table: { key: string }) => table.key)).toContain('suppliers');
    const nul = await search('sup\u0000pliers');
    expect([nul.status, nul.body, nul.headers['content-range']]).toEqual([200, [], 'reference-tables */0']);
    // The description is searched too, case and accents aside (« autorite » finds « Autorité des marchés publics »).
    expect((await search('LCOP')).body.map((table: { key: string }) => table.key)).toEqual(['amp-thresholds']);
    expect((await search('autorite des MARCHES')).body.map((table: { key: string }) => table.key)).toEqual([
      'amp-thresholds',
    ]);
    // Sorted as asked, in both directions, page by page.
    const keys = async (sort: [string, string], range = [0, 24]) =>
      (
        await analyst.get(
          `/api/v1/reference-tables?sort=${encodeURIComponent(JSON.stringify(sort))}&range=${encodeURIComponent(JSON.stringify(range))}`,
        )
      ).body.map((table: { key: string }) => table.key);
    const ascending = await keys(['key', 'ASC']);
    expect(ascending).toEqual([...SEEDED, 'suppliers'].sort());
    expect(await keys(['key', 'DESC'])).toEqual([...ascending].reverse());
    expect(await keys(['key', 'DESC'], [1, 2])).toEqual([...ascending].reverse().slice(1, 3));
    const byName = (await analyst.get(`/api/v1/reference-tables?sort=${encodeURIComponent('["name","ASC"]')}`)).body;
    const names = byName.map((table: { name: string }) => table.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b, 'fr')));
    expect(listed('amp-thresholds').rowCount).toBe(
      JSON.parse(readFileSync('seeds/reference-tables/amp-thresholds.json', 'utf8')).rows.length,
    );
    const bad = await analyst.post('/api/v1/reference-tables', {
      ...suppliers,
      key: 'bad',
      keyColumn: 'id',
      rows: [{ neq: 'x', name: 3 }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([{ path: '/keyColumn', message: '"id" is not among the columns' }]);
    expect((await as(t, cast.risk).post('/api/v1/reference-tables', { ...suppliers, key: 'risky' })).status).toBe(403);
  });

  it('refuses a CSV with bad lines, naming each line and column, and changes nothing', async () => {
    const csv = [
      'neq;name;onRena;creditLimit;since',
      '3345678901;Ateliers Côté;non;1 500,50;2020-01-01',
      '4445678901;;peut-être;abc;01/02/2020',
      '3345678901;Doublon;oui;0;2020-01-01',
    ].join('\n');
    const response = await importCsv(csv);
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([
      { path: '/csv/line/3/name', message: 'is required', keyword: 'required' },
      { path: '/csv/line/3/onRena', message: 'must be a boolean', keyword: 'cellType', params: { type: 'boolean' } },
      { path: '/csv/line/3/creditLimit', message: 'must be a number', keyword: 'cellType', params: { type: 'number' } },
      {
        path: '/csv/line/3/since',
        message: 'must be a date YYYY-MM-DD, from 1900-01-01 to 9999-12-31',
        keyword: 'cellType',
        params: { type: 'date' },
      },
      {
        path: '/csv/line/4/neq',
        message: 'repeats the key "3345678901" of line 2',
        keyword: 'repeatedKey',
        params: { key: '3345678901', line: 2 },
      },
    ]);
    const table = await analyst.get('/api/v1/reference-tables/suppliers');
    expect(table.body).toMatchObject({ rev: 1, rowCount: 2 });
  });

  it('refuses a CSV it cannot read, saying at which line and what kind of mistake, so a client can word it', async () => {
    const unclosed = await importCsv('neq;name\n3345678901;Ateliers Côté\n4445678901;"Ateliers\n');
    expect(unclosed.status).toBe(400);
    expect(unclosed.body).toMatchObject({
      error: 'invalid_csv',
      details: [{ path: '/csv/line/3', keyword: 'syntax', params: { line: 3, reason: 'quote_not_closed' } }],
    });
    const uneven = await importCsv('neq;name\n3345678901;Ateliers Côté;en trop');
    expect(uneven.body.details).toMatchObject([{ keyword: 'syntax', params: { reason: 'field_count' } }]);
    for (const empty of ['', ' \r\n\n'])
      expect((await importCsv(empty)).body).toMatchObject({
        error: 'validation_failed',
        details: [{ path: '/csv', keyword: 'minLength', params: { limit: 1 } }],
      });
  });

  it('imports French-formatted CSV, replaces or merges rows, and records what changed', async () => {
    const replaced = await importCsv(
      'neq;name;onRena;creditLimit;since\n1145678901;Fournitures Laval inc.;non;1 500,50;2019-04-01\n2245678901;Rénovations Dubé;oui;0;2021-09-15',
    );
    expect(replaced.status).toBe(200);
    expect(replaced.body.rows[0]).toEqual({
      neq: '1145678901',
      name: 'Fournitures Laval inc.',
      onRena: false,
      creditLimit: 1500.5,
      since: '2019-04-01',
    });
    const merged = await importCsv('neq,name,onRena\n5545678901,Nouveau fournisseur,false', 'merge');
    expect(merged.body.rowCount).toBe(3);
    const event = await t.db.collection('audit_events').findOne({ action: 'reference_table.csv_merged' });
    // The rows it changed, side by side: absent (null) before, as added after.
    expect(event).toMatchObject({
      summary: {
        before: { rows: 2, changedRows: [null] },
        after: { rows: 3, changedRows: [{ neq: '5545678901', name: 'Nouveau fournisseur', onRena: false }] },
      },
      details: { added: 1, removed: 0, changed: 0 },
    });
  });

  it('merges only the columns the header names: a row it updates keeps its other values', async () => {
    // Line 2 updates a row, line 3 adds one: the required name the header leaves out is the new row's alone to miss.
    const refused = await importCsv('neq;creditLimit\n1145678901;2 000\n6645678901;10', 'merge');
    expect([refused.status, refused.body.details]).toEqual([
      400,
      [{ path: '/csv/line/3/name', message: 'is required', keyword: 'required' }],
    ]);
    const merged = await importCsv('neq;creditLimit\n1145678901;2 000', 'merge');
    expect(merged.status).toBe(200);
    // It emptied every other column of the rows it updated (and refused their required name as missing).
    expect((merged.body.rows as Record<string, unknown>[]).find((r) => r['neq'] === '1145678901')).toEqual({
      neq: '1145678901',
      name: 'Fournitures Laval inc.',
      onRena: false,
      creditLimit: 2000,
      since: '2019-04-01',
    });
    const event = await t.db
      .collection('audit_events')
      .find({ action: 'reference_table.csv_merged' })
      .sort({ seq: -1 })
      .limit(1)
      .next();
    expect(event).toMatchObject({ details: { added: 0, removed: 0, changed: 1 } });
  });

  it('exports the rows as CSV its import reads back to the same rows, to every reader', async () => {
    const before = (await analyst.get('/api/v1/reference-tables/suppliers')).body;
    const exported = await as(t, cast.risk).get('/api/v1/reference-tables/suppliers/csv');
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(exported.headers['content-disposition']).toBe('attachment; filename="suppliers.csv"');
    const text = exported.text;
    // A French spreadsheet's file: semicolons, a decimal comma, oui/non, and a byte-order mark for the accents.
    expect(text.startsWith('\uFEFFneq;name;onRena;creditLimit;since\n')).toBe(true);
    expect(text).toContain('1145678901;Fournitures Laval inc.;non;2000;2019-04-01');
    const reimported = await importCsv(text.slice(1));
    expect(reimported.status).toBe(200);
    expect(reimported.body.rows).toEqual(before.rows);
    expect((await analyst.get('/api/v1/reference-tables/nope/csv')).status).toBe(404);
  });

  it('refuses keys written with spaces at their ends, which a CSV merge would have made a second row of', async () => {
    const spaced = await analyst
      .put('/api/v1/reference-tables/suppliers/rows', { rows: [{ neq: ' 1145678901 ', name: 'Espacé' }] })
      .set('if-match', await etag());
    expect(spaced.status).toBe(400);
    expect(spaced.body.details).toEqual([
      {
        path: '/rows/0/neq',
        message: 'begins or ends with spaces: write the key without them, as a CSV import reads it',
        keyword: 'keySpaces',
      },
    ]);
    // A key repeated in the rows sent names the first row by its index, as the paths do.
    const twice = await analyst
      .put('/api/v1/reference-tables/suppliers/rows', {
        rows: [
          { neq: '1145678901', name: 'Un' },
          { neq: '1145678901', name: 'Deux' },
        ],
      })
      .set('if-match', await etag());
    expect(twice.body.details).toEqual([
      {
        path: '/rows/1/neq',
        message: 'repeats the key "1145678901" of row 0',
        keyword: 'repeatedKey',
        params: { key: '1145678901', row: 0 },
      },
    ]);
    // A merge that would take the table past its 20 000 rows names the file it came in.
    const lines = Array.from({ length: 20_000 }, (_, i) => `${9_000_000_000 + i},Fournisseur ${i}`);
    const tooMany = await importCsv(['neq,name', ...lines].join('\n'), 'merge');
    expect([tooMany.status, tooMany.body.details]).toEqual([
      400,
      [
        {
          path: '/csv',
          message: 'adds 20000 rows to 3: 20003',
          keyword: 'csv',
          params: { reason: 'merge_too_many_rows', limit: 20_000, added: 20_000, rows: 3 },
        },
      ],
    ]);
  });

  it('guards row edits with If-Match', async () => {
    const noTag = await analyst.put('/api/v1/reference-tables/suppliers/rows', { rows: [] });
    expect(noTag.status).toBe(428);
    const stale = await analyst
      .put('/api/v1/reference-tables/suppliers/rows', { rows: [] })
      .set('if-match', '"reference_table:suppliers:r1"');
    expect(stale.status).toBe(412);
    expect(stale.body.details).toEqual([
      {
        path: '/headers/if-match',
        message: expect.stringMatching(/^is "reference_table:suppliers:r1", the current one is /),
        keyword: 'staleCopy',
      },
    ]);
  });

  it('feeds decisions through lookups, and a table change shows in the next decision', async () => {
    const approver = as(t, cast.approver);
    expect((await analyst.post('/api/v1/rulesets', lookupRuleset)).status).toBe(201);
    await analyst.post('/api/v1/rulesets/supplier-check/versions/1/submit');
    await approver.post('/api/v1/rulesets/supplier-check/versions/1/approve');
    await approver.post('/api/v1/rulesets/supplier-check/versions/1/publish');
    const decide = (neq: string) =>
      analyst.post('/api/v1/rulesets/supplier-check/evaluate', { facts: { invoice: { neq } }, explain: true });
    expect((await decide('2245678901')).body.events).toEqual([{ type: 'reject' }]);
    expect((await decide('1145678901')).body.events).toEqual([{ type: 'auto_approve' }]);
    expect((await decide('9999999999')).body.events).toEqual([{ type: 'manual_review' }]);
    expect((await decide('2245678901')).body.fired[0].conditions[0]).toMatchObject({
      fact: 'supplierRecord',
      path: '$.onRena',
      factValue: true,
    });
    // A caller cannot answer the lookup in its place.
    const forged = await analyst.post('/api/v1/rulesets/supplier-check/evaluate', {
      facts: { invoice: { neq: '2245678901' }, supplierRecord: { onRena: false } },
    });
    expect(forged.status).toBe(400);
    expect(forged.body).toMatchObject({
      error: 'derived_fact',
      details: [{ path: '/facts/supplierRecord', message: expect.stringContaining('lookup') }],
    });

    // A published rule set reads the table now: the change waits for an approver, and decisions do not move.
    const read = (await analyst.get('/api/v1/reference-tables/suppliers')).body;
    const beforeProposal = { updatedBy: read.updatedBy, updatedAt: read.updatedAt };
    await new Promise((resolve) => setTimeout(resolve, 5)); // a new updatedAt would differ
    const proposed = await importCsv('neq,name,onRena\n1145678901,Fournitures Laval inc.,true', 'merge');
    expect(proposed.status).toBe(202);
    expect(proposed.body.pending).toMatchObject({
      action: 'csv_merged',
      proposedBy: 'analyst',
      readers: ['supplier-check'],
      counts: { added: 0, removed: 0, changed: 1 },
    });
    expect(proposed.body.pending.changes).toEqual([
      {
        key: '1145678901',
        before: expect.objectContaining({ onRena: false }),
        after: expect.objectContaining({ onRena: true }),
      },
    ]);
    expect((await decide('1145678901')).body.events).toEqual([{ type: 'auto_approve' }]);
    // Until approved, the rows are as they were: so are who changed them last, and when.
    expect({ updatedBy: proposed.body.updatedBy, updatedAt: proposed.body.updatedAt }).toEqual(beforeProposal);
    const approved = await approver
      .post('/api/v1/reference-tables/suppliers/pending/approve', { comment: 'RENA vérifié' })
      .set('if-match', proposed.headers['etag'] as string);
    expect(approved.status).toBe(200);
    expect(approved.body.pending).toBeUndefined();
    // Approved once: a second approval finds nothing awaiting it.
    const twice = await approver
      .post('/api/v1/reference-tables/suppliers/pending/approve', { comment: 'encore' })
      .set('if-match', approved.headers['etag'] as string);
    expect([twice.status, twice.body.details]).toEqual([
      409,
      [{ path: '/key', message: 'has no change awaiting approval' }],
    ]);
    expect((await decide('1145678901')).body.events).toEqual([{ type: 'reject' }]);
    const event = await t.db
      .collection('audit_events')
      .findOne({ action: 'reference_table.csv_merged', actor: 'approver' });
    expect(event).toMatchObject({
      reason: 'RENA vérifié',
      // With the counts a direct change's event carries.
      details: {
        proposedBy: 'analyst',
        approvedBy: 'approver',
        readers: ['supplier-check'],
        added: 0,
        removed: 0,
        changed: 1,
      },
      // A changed row reads as changed, before and after (it read as a key removed).
      summary: {
        before: { changedRows: [expect.objectContaining({ neq: '1145678901', onRena: false })] },
        after: { changedRows: [expect.objectContaining({ neq: '1145678901', onRena: true })] },
      },
    });
    // The change is its author's; the trail says who approved it.
    expect(approved.body.updatedBy).toBe('analyst');
    expect(approved.body.updatedAt > beforeProposal.updatedAt).toBe(true);
  });

  it('uses a table changed on another instance in its decisions within seconds', async () => {
    const other = await startAnotherInstance(t);
    try {
      const decideThere = async () =>
        (
          await as(other, cast.analyst).post('/api/v1/rulesets/supplier-check/evaluate', {
            facts: { invoice: { neq: '9999999999' } },
          })
        ).body.events;
      expect(await decideThere()).toEqual([{ type: 'manual_review' }]); // the other instance holds the table now
      const proposed = await importCsv('neq,name,onRena\n9999999999,Nouveau fournisseur,false', 'merge');
      const approved = await as(t, cast.approver)
        .post('/api/v1/reference-tables/suppliers/pending/approve', { comment: 'Fournisseur vérifié' })
        .set('if-match', proposed.headers['etag'] as string);
      expect(approved.status).toBe(200);
      let seen = await decideThere();
      for (let i = 0; i < 50 && seen[0]?.type !== 'auto_approve'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        seen = await decideThere();
      }
      expect(seen).toEqual([{ type: 'auto_approve' }]);
    } finally {
      await other.close();
    }
  });

  it('holds changes to a table that published rules read for a second person: four eyes, one change at a time', async () => {
    const admin = as(t, cast.admin);
    const both = {
      username: 'analyst-approver',
      displayName: 'Deux rôles',
      password: 'deux-roles-mot-de-passe',
      roles: ['analyst', 'approver'],
    };
    expect((await admin.post('/api/v1/users', both)).status).toBe(201);
    const self = as(t, await t.login(both.username, both.password));
    const rows = (await analyst.get('/api/v1/reference-tables/suppliers')).body.rows as Record<string, unknown>[];
    const proposed = await self.put(
      '/api/v1/reference-tables/suppliers/rows',
      { rows: rows.slice(1), comment: 'Retrait' },
      await etag(),
    );
    expect(proposed.status).toBe(202);
    expect(proposed.body).toMatchObject({
      rowCount: rows.length,
      pending: { rowCount: rows.length - 1, counts: { removed: 1 } },
    });
    const tag = proposed.headers['etag'] as string;
    const ownApproval = await self.post('/api/v1/reference-tables/suppliers/pending/approve').set('if-match', tag);
    expect(ownApproval.status).toBe(403);
    expect(ownApproval.body.error).toBe('four_eyes');
    expect(ownApproval.body.details).toMatchObject([{ path: '/key' }]);
    const blocked = await analyst.put('/api/v1/reference-tables/suppliers/rows', { rows }, tag);
    expect([blocked.body.error, blocked.body.details]).toEqual([
      'change_pending',
      [{ path: '/key', message: expect.stringMatching(/^has a change by \S+ awaiting approval$/) }],
    ]);
    expect(
      (
        await analyst
          .post('/api/v1/reference-tables/suppliers/pending/reject', { comment: 'Pas à moi' })
          .set('if-match', tag)
      ).status,
    ).toBe(403);
    expect(
      (await as(t, cast.approver).post('/api/v1/reference-tables/suppliers/pending/reject').set('if-match', tag))
        .status,
    ).toBe(400);
    const blank = await as(t, cast.approver)
      .post('/api/v1/reference-tables/suppliers/pending/reject', { comment: '   ' })
      .set('if-match', tag);
    expect([blank.status, blank.body.details?.[0]?.path]).toEqual([400, '/comment']);
    const rejected = await as(t, cast.approver)
      .post('/api/v1/reference-tables/suppliers/pending/reject', { comment: 'Fournisseur encore actif' })
      .set('if-match', tag);
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ rowCount: rows.length });
    expect(rejected.body.pending).toBeUndefined();
    // Discarded, the change touched no row: who changed them last, and when, are as before the proposal.
    expect({ updatedBy: rejected.body.updatedBy, updatedAt: rejected.body.updatedAt }).toEqual({
      updatedBy: proposed.body.updatedBy,
      updatedAt: proposed.body.updatedAt,
    });
    expect(rejected.body.updatedBy).not.toBe('approver');
    // Its author reads why on the table (analysts do not read the audit trail), until the next change.
    expect((await self.get('/api/v1/reference-tables/suppliers')).body.lastRejected).toMatchObject({
      action: 'rows_replaced',
      proposedBy: proposed.body.pending.proposedBy,
      rejectedBy: 'approver',
      comment: 'Fournisseur encore actif',
    });
    expect(
      await t.db
        .collection('audit_events')
        .countDocuments({ action: 'reference_table.change_rejected', reason: 'Fournisseur encore actif' }),
    ).toBe(1);
    // Its author may withdraw a proposal.
    const again = await self.put('/api/v1/reference-tables/suppliers/rows', { rows: rows.slice(1) }, await etag());
    expect(again.body.lastRejected).toBeUndefined();
    const withdrawn = await self
      .post('/api/v1/reference-tables/suppliers/pending/reject', { comment: 'Erreur de ma part' })
      .set('if-match', again.headers['etag'] as string);
    expect(withdrawn.status).toBe(200);
    expect(await t.db.collection('audit_events').countDocuments({ action: 'reference_table.change_withdrawn' })).toBe(
      1,
    );
    expect((await analyst.get('/api/v1/reference-tables/suppliers')).body.rowCount).toBe(rows.length);
  });

  it('answers a change that changes nothing as done, proposing and recording nothing, on a table rules read', async () => {
    const before = await analyst.get('/api/v1/reference-tables/suppliers');
    expect(before.body.pending).toBeUndefined();
    const tag = before.headers['etag'] as string;
    const events = () => t.db.collection('audit_events').countDocuments({ resourceKey: 'suppliers' });
    const recorded = await events();
    const exported = (await analyst.get('/api/v1/reference-tables/suppliers/csv')).text;
    const reimported = await analyst
      .post('/api/v1/reference-tables/suppliers/import')
      .set('if-match', tag)
      .send({ csv: exported, mode: 'replace' });
    const merged = await analyst
      .post('/api/v1/reference-tables/suppliers/import')
      .set('if-match', tag)
      .send({ csv: exported, mode: 'merge' });
    const unedited = await analyst.put('/api/v1/reference-tables/suppliers/rows', { rows: before.body.rows }, tag);
    const { name, description, keyColumn, columns } = before.body;
    const sameDefinition = await analyst.put(
      '/api/v1/reference-tables/suppliers/definition',
      { name, ...(description && { description }), keyColumn, columns },
      tag,
    );
    for (const answer of [reimported, merged, unedited, sameDefinition]) {
      expect([answer.status, answer.headers['etag'], answer.body.pending]).toEqual([200, tag, undefined]);
    }
    expect(await events()).toBe(recorded);
    // Another analyst's change is not held up by a proposal of nothing.
    const moved = [...before.body.rows].reverse();
    expect((await analyst.put('/api/v1/reference-tables/suppliers/rows', { rows: moved }, tag)).status).toBe(202);
    const proposal = await analyst.get('/api/v1/reference-tables/suppliers');
    const withdrawn = await analyst
      .post('/api/v1/reference-tables/suppliers/pending/reject', { comment: 'Ordre seulement' })
      .set('if-match', proposal.headers['etag'] as string);
    expect(withdrawn.status).toBe(200);
  });

  it('keeps concurrent decisions with async lookups whole', async () => {
    const neqs = Array.from({ length: 60 }, (_, i) => ['2245678901', '5545678901', '0000000000'][i % 3]!);
    const responses = await Promise.all(
      neqs.map((neq) => analyst.post('/api/v1/rulesets/supplier-check/evaluate', { facts: { invoice: { neq } } })),
    );
    const expected: Record<string, string> = {
      '2245678901': 'reject',
      '5545678901': 'auto_approve',
      '0000000000': 'manual_review',
    };
    expect(responses.map((r) => r.body.events.map((e: { type: string }) => e.type).join())).toEqual(
      neqs.map((n) => expected[n]),
    );
  });

  it('deletes a table: lookups find nothing, the history stays audited, the key is not reused', async () => {
    expect((await analyst.delete('/api/v1/reference-tables/suppliers')).status).toBe(428);
    const proposed = await analyst.delete('/api/v1/reference-tables/suppliers').set('if-match', await etag());
    expect(proposed.status).toBe(202);
    // No row after a deletion: the view and the trail said the rows were still there.
    expect(proposed.body.pending).toMatchObject({
      action: 'deleted',
      deleted: true,
      readers: ['supplier-check'],
      rowCount: 0,
    });
    expect((await analyst.get('/api/v1/reference-tables/suppliers')).status).toBe(200);
    const approved = await as(t, cast.approver)
      .post('/api/v1/reference-tables/suppliers/pending/approve')
      .set('if-match', proposed.headers['etag'] as string);
    expect(approved.status).toBe(200);
    expect((await analyst.get('/api/v1/reference-tables/suppliers')).status).toBe(404);
    expect(
      (await analyst.get('/api/v1/reference-tables')).body.map((table: { key: string }) => table.key).sort(),
    ).toEqual([...SEEDED].sort());
    await new Promise((r) => setTimeout(r, 50));
    const decision = await analyst.post('/api/v1/rulesets/supplier-check/evaluate', {
      facts: { invoice: { neq: '2245678901' } },
    });
    expect(decision.body.events).toEqual([{ type: 'manual_review' }]);
    const deleted = await t.db
      .collection('audit_events')
      .find({ action: 'reference_table.deleted', resourceKey: 'suppliers' })
      .toArray();
    expect(deleted).toHaveLength(1);
    expect(deleted[0]!['summary']['after']).toMatchObject({ rows: 0 });
    expect(deleted[0]!['summary']['before']['rows']).toBeGreaterThan(0);
    expect((await analyst.post('/api/v1/reference-tables', suppliers)).status).toBe(409);
  });
  it('holds the rows of a table that a published rule set named before it existed: one person cannot move decisions', async () => {
    const approver = as(t, cast.approver);
    const ruleset = {
      ...lookupRuleset,
      key: 'supplier-check-later',
      lookups: [{ ...lookupRuleset.lookups[0]!, table: 'suppliers-later' }],
    };
    expect((await analyst.post('/api/v1/rulesets', ruleset)).status).toBe(201);
    await analyst.post('/api/v1/rulesets/supplier-check-later/versions/1/submit');
    await approver.post('/api/v1/rulesets/supplier-check-later/versions/1/approve');
    expect((await approver.post('/api/v1/rulesets/supplier-check-later/versions/1/publish')).status).toBe(200);
    const decide = async () =>
      (
        await analyst.post('/api/v1/rulesets/supplier-check-later/evaluate', {
          facts: { invoice: { neq: '2245678901' } },
        })
      ).body.events;
    expect(await decide()).toEqual([{ type: 'manual_review' }]); // no table: no supplier found

    const created = await analyst.post('/api/v1/reference-tables', suppliersTable('suppliers-later'));
    expect(created.status).toBe(202);
    expect(created.body).toMatchObject({
      rowCount: 0,
      pending: { proposedBy: 'analyst', readers: ['supplier-check-later'], rowCount: 2 },
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(await decide()).toEqual([{ type: 'manual_review' }]);
    const actions = await t.db
      .collection('audit_events')
      .find({ resourceKey: 'suppliers-later' })
      .map((e) => e['action'])
      .toArray();
    expect(actions).toEqual(['reference_table.created', 'reference_table.change_proposed']);

    const own = await analyst
      .post('/api/v1/reference-tables/suppliers-later/pending/approve')
      .set('if-match', created.headers['etag'] as string);
    expect(own.status).toBe(403);
    const approved = await approver
      .post('/api/v1/reference-tables/suppliers-later/pending/approve')
      .set('if-match', created.headers['etag'] as string);
    expect([approved.status, approved.body.rowCount]).toEqual([200, 2]);
    await new Promise((r) => setTimeout(r, 50));
    expect(await decide()).toEqual([{ type: 'reject' }]);
  });

  it('holds changes to a table that a version in review or approved reads: what was approved is what gets published', async () => {
    const approver = as(t, cast.approver);
    const ruleset = {
      ...lookupRuleset,
      key: 'supplier-check-review',
      lookups: [{ ...lookupRuleset.lookups[0]!, table: 'suppliers-review' }],
    };
    const created = await analyst.post('/api/v1/reference-tables', suppliersTable('suppliers-review'));
    expect(created.status).toBe(201);
    const replace = (csv: string) =>
      analyst.get('/api/v1/reference-tables/suppliers-review').then((read) =>
        analyst
          .post('/api/v1/reference-tables/suppliers-review/import')
          .set('if-match', read.headers['etag'] as string)
          .send({ csv, mode: 'replace' }),
      );
    // A draft is still being written: the table is too, and changes apply at once.
    expect((await analyst.post('/api/v1/rulesets', ruleset)).status).toBe(201);
    expect((await replace('neq,name,onRena\n2245678901,Brouillon,true')).status).toBe(200);

    expect((await analyst.post('/api/v1/rulesets/supplier-check-review/versions/1/submit')).status).toBe(200);
    const inReview = await replace('neq,name,onRena\n2245678901,En révision,false');
    expect([inReview.status, inReview.body.pending?.readers]).toEqual([202, ['supplier-check-review']]);
    const rejected = await approver
      .post('/api/v1/reference-tables/suppliers-review/pending/reject')
      .set('if-match', inReview.headers['etag'] as string)
      .send({ comment: 'Pas pendant la révision' });
    expect(rejected.status).toBe(200);

    expect((await approver.post('/api/v1/rulesets/supplier-check-review/versions/1/approve')).status).toBe(200);
    const approved = await replace('neq,name,onRena\n2245678901,Après approbation,false');
    expect([approved.status, approved.body.pending?.readers]).toEqual([202, ['supplier-check-review']]);
    const rows = (await analyst.get('/api/v1/reference-tables/suppliers-review')).body.rows;
    expect(rows).toEqual([{ neq: '2245678901', name: 'Brouillon', onRena: true, creditLimit: null, since: null }]);
  });

  it('holds the tables of a version a rollback can put back, not those of an approved version that can no longer be published', async () => {
    const approver = as(t, cast.approver);
    const withTable = (table: string) => [{ ...lookupRuleset.lookups[0]!, table }];
    const noLookup = {
      rules: [lookupRuleset.definition.rules[0]!].map((r) => ({
        ...r,
        conditions: { all: [{ fact: 'invoice', path: '$.neq', operator: 'equal', value: 'x' }] },
      })),
    };
    const importInto = async (table: string, csv: string) => {
      const read = await analyst.get(`/api/v1/reference-tables/${table}`);
      return analyst
        .post(`/api/v1/reference-tables/${table}/import`)
        .set('if-match', read.headers['etag'] as string)
        .send({ csv, mode: 'replace' });
    };
    const nextVersion = async (key: string, draft: object) => {
      const read = await analyst.get(`/api/v1/rulesets/${key}`);
      const saved = await analyst.put(`/api/v1/rulesets/${key}/draft`, draft, read.headers['etag'] as string);
      expect(saved.status).toBe(200);
      const n = saved.body.draftVersion as number;
      expect((await analyst.post(`/api/v1/rulesets/${key}/versions/${n}/submit`)).status).toBe(200);
      expect((await approver.post(`/api/v1/rulesets/${key}/versions/${n}/approve`)).status).toBe(200);
      return n;
    };
    for (const table of ['suppliers-retired', 'suppliers-stale'])
      expect((await analyst.post('/api/v1/reference-tables', suppliersTable(table))).status).toBe(201);

    // Version 1 read the table and was in force; version 2 no longer reads it. A rollback can put 1 back.
    await publishNewRuleset(t, cast, {
      ...lookupRuleset,
      key: 'retired-reader',
      lookups: withTable('suppliers-retired'),
    });
    const v2 = await nextVersion('retired-reader', { lookups: [], definition: noLookup });
    expect((await approver.post(`/api/v1/rulesets/retired-reader/versions/${v2}/publish`)).status).toBe(200);
    const retired = await importInto('suppliers-retired', 'neq,name,onRena\n2245678901,Après retrait,false');
    expect([retired.status, retired.body.pending?.readers]).toEqual([202, ['retired-reader']]);

    // Version 2 reads the table and is approved; version 3, written from 1, is published first: 2 can never be.
    await publishNewRuleset(t, cast, { ...lookupRuleset, key: 'stale-reader', lookups: [], definition: noLookup });
    await nextVersion('stale-reader', { lookups: withTable('suppliers-stale') });
    const held = await importInto('suppliers-stale', 'neq,name,onRena\n2245678901,Tant que publiable,false');
    expect([held.status, held.body.pending?.readers]).toEqual([202, ['stale-reader']]);
    const withdrawn = await analyst
      .post('/api/v1/reference-tables/suppliers-stale/pending/reject')
      .set('if-match', held.headers['etag'] as string)
      .send({ comment: 'Retirée' });
    expect(withdrawn.status).toBe(200);
    const v3 = await nextVersion('stale-reader', {
      definition: { ...noLookup, rules: noLookup.rules.map((r) => ({ ...r, priority: 5 })) },
    });
    expect((await approver.post(`/api/v1/rulesets/stale-reader/versions/${v3}/publish`)).status).toBe(200);
    const free = await importInto('suppliers-stale', 'neq,name,onRena\n2245678901,Plus lue,false');
    expect(free.status).toBe(200);
  });

  it('refuses a lookup key sent as a list or an object, naming the fact: no row is found by its text', async () => {
    const loose = {
      ...lookupRuleset,
      key: 'supplier-check-loose',
      inputSchema: { type: 'object', properties: { invoice: { type: 'object', properties: { neq: {} } } } },
      lookups: [{ ...lookupRuleset.lookups[0]!, table: 'suppliers-loose' }],
    };
    expect((await analyst.post('/api/v1/reference-tables', suppliersTable('suppliers-loose'))).status).toBe(201);
    expect((await analyst.post('/api/v1/rulesets', loose)).status).toBe(201);
    const decide = (neq: unknown) =>
      analyst.post('/api/v1/rulesets/supplier-check-loose/evaluate', { facts: { invoice: { neq } }, version: 1 });
    expect((await decide('2245678901')).body.events).toEqual([{ type: 'reject' }]);
    // A list found the row of its only item, by its text; an object whose toString is no function answered 500.
    for (const neq of [['2245678901'], [['2245678901']], JSON.parse('{"toString": "a"}'), {}]) {
      const refused = await decide(neq);
      expect([refused.status, refused.body.error, refused.body.details]).toEqual([
        400,
        'invalid_lookup_key',
        [expect.objectContaining({ path: '/facts/invoice', keyword: 'lookupKey' })],
      ]);
    }
    const batch = await analyst.post('/api/v1/rulesets/supplier-check-loose/evaluate/batch', {
      version: 1,
      items: [{ facts: { invoice: { neq: '2245678901' } } }, { facts: { invoice: { neq: ['2245678901'] } } }],
    });
    expect([batch.status, batch.body.details?.[0]?.path]).toEqual([400, '/items/1/facts/invoice']);
    // A batch refused on a later item decided nothing: /metrics counts none of its items, a good batch all of them.
    await publishNewRuleset(t, cast, { ...loose, key: 'supplier-check-counted' });
    const decideBatch = (neqs: unknown[]) =>
      analyst.post('/api/v1/rulesets/supplier-check-counted/evaluate/batch', {
        items: neqs.map((neq) => ({ facts: { invoice: { neq } } })),
      });
    const counted = async () => {
      const text = (await as(t, cast.admin).get('/metrics')).text;
      const line = /gabarit_evaluations_total\{ruleset="supplier-check-counted",outcome="reject"\} (\d+)/.exec(text);
      return Number(line?.[1] ?? 0);
    };
    expect((await decideBatch(['2245678901', '2245678901', ['2245678901']])).status).toBe(400);
    expect(await counted()).toBe(0);
    expect((await decideBatch(['2245678901', '2245678901'])).status).toBe(200);
    expect(await counted()).toBe(2);
    // A key the version computes as a list is the version's doing, and the answer says so.
    const computedKey = {
      ...loose,
      key: 'supplier-check-computed',
      computedFacts: [{ name: 'neqs', expression: '[invoice.neq]' }],
      lookups: [{ fact: 'supplierRecord', table: 'suppliers-loose', key: { fact: 'neqs' } }],
    };
    expect((await analyst.post('/api/v1/rulesets', computedKey)).status).toBe(201);
    const derived = await analyst.post('/api/v1/rulesets/supplier-check-computed/evaluate', {
      facts: { invoice: { neq: '2245678901' } },
      version: 1,
    });
    expect([derived.status, derived.body.error, derived.body.details?.[0]?.path]).toEqual([
      400,
      'invalid_lookup_key',
      '/facts/invoice/neq',
    ]);
    expect(derived.body.details[0].message).toMatch(/^gives the computed fact "neqs", the key of the lookup/);
  });

  it('reads every row of a column (the lines of an order) and rows under a fixed key, in the table’s order', async () => {
    const approver = as(t, cast.approver);
    const table = {
      key: 'order-lines',
      name: 'Lignes de commande',
      keyColumn: 'lineId',
      columns: [
        { name: 'lineId', type: 'string' },
        { name: 'order', type: 'string', required: true },
        { name: 'scope', type: 'string' },
        { name: 'quantity', type: 'number' },
      ],
      rows: [
        { lineId: 'A-2', order: 'A', scope: 'all', quantity: 2 },
        { lineId: 'B-1', order: 'B', scope: 'all', quantity: 5 },
        { lineId: 'A-1', order: 'A', quantity: 1 },
      ],
    };
    expect((await analyst.post('/api/v1/reference-tables', table)).status).toBe(201);
    const ruleset = {
      key: 'order-lines-check',
      name: 'Lignes de commande',
      pilot: 'invoices',
      format: 'rules',
      inputSchema: { type: 'object', required: ['order'], properties: { order: { type: 'string' } } },
      lookups: [
        { fact: 'lines', table: 'order-lines', key: { fact: 'order' }, column: 'order' },
        { fact: 'scoped', table: 'order-lines', key: { value: 'all' }, column: 'scope' },
      ],
      computedFacts: [
        { name: 'quantities', expression: 'lines.map(l, l.quantity)' },
        { name: 'scopedCount', expression: 'size(scoped)' },
      ],
      definition: {
        rules: [
          {
            name: 'lignes',
            conditions: { all: [{ fact: 'scopedCount', operator: 'equal', value: 2 }] },
            event: { type: 'auto_approve' },
            explanation: { fr: '{{#each quantities}}{{this}} {{/each}}', en: '{{#each quantities}}{{this}} {{/each}}' },
          },
        ],
      },
    };
    expect((await analyst.post('/api/v1/rulesets', ruleset)).status).toBe(201);
    await analyst.post('/api/v1/rulesets/order-lines-check/versions/1/submit');
    await approver.post('/api/v1/rulesets/order-lines-check/versions/1/approve');
    await approver.post('/api/v1/rulesets/order-lines-check/versions/1/publish');
    const decide = async (order: string) =>
      (await analyst.post('/api/v1/rulesets/order-lines-check/evaluate', { facts: { order }, explain: true })).body;
    const a = await decide('A');
    expect(a.events).toEqual([{ type: 'auto_approve' }]);
    expect(a.explanation.fr).toBe('2 1 ');
    expect((await decide('C')).explanation.fr).toBe('');
  });

  it('refuses a change that would make a table’s rows weigh more than 4 MiB, naming the file: the table as it was', async () => {
    // A table is one document of the database: merging 30 rows of 32 000 characters at a time had answered 500 at
    // its 16 MiB, and held the event loop 80–184 ms a merge from 8 MB on.
    const created = await analyst.post('/api/v1/reference-tables', {
      key: 'wide-notes',
      name: 'Notes',
      keyColumn: 'id',
      columns: [
        { name: 'id', type: 'string' },
        { name: 'note', type: 'string' },
      ],
    });
    expect(created.status).toBe(201);
    const merge = async (round: number) =>
      analyst
        .post('/api/v1/reference-tables/wide-notes/import')
        .set('if-match', (await analyst.get('/api/v1/reference-tables/wide-notes')).headers['etag'] as string)
        .send({
          csv: ['id,note', ...Array.from({ length: 30 }, (_, i) => `n${round}-${i},${'x'.repeat(30_000)}`)].join('\n'),
          mode: 'merge',
        });
    const statuses = [];
    let refused;
    for (let round = 0; round < 6 && !refused; round++) {
      const answer = await merge(round);
      statuses.push(answer.status);
      if (answer.status !== 200) refused = answer;
    }
    expect(statuses).toEqual([200, 200, 200, 200, 413]);
    expect([refused!.body.error, refused!.body.details]).toEqual([
      'table_too_large',
      [
        {
          path: '/csv',
          message: 'makes the rows 4398 KiB; the limit is 4096 KiB',
          keyword: 'maxBytes',
          params: { size: 4398, limit: 4096 },
        },
      ],
    ]);
    const table = await analyst.get('/api/v1/reference-tables/wide-notes');
    expect([table.body.rowCount, table.body.rev]).toEqual([120, 5]);
    // Grown past the 1 MiB of BODY_LIMIT_BYTES by merges, the table still goes round a spreadsheet whole, and its
    // grid still saves: those routes take a whole table (they had answered 413).
    const exported = (await analyst.get('/api/v1/reference-tables/wide-notes/csv')).text;
    expect(exported.length).toBeGreaterThan(3_500_000);
    const edited = exported.replace(/\nn0-0;x+/, '\nn0-0;changée dans le tableur');
    const reimported = await analyst
      .post('/api/v1/reference-tables/wide-notes/import')
      .set('if-match', table.headers['etag'] as string)
      .send({ csv: edited, mode: 'replace' });
    expect([reimported.status, reimported.body.rev, reimported.body.rowCount]).toEqual([200, 6, 120]);
    const rows = (await analyst.get('/api/v1/reference-tables/wide-notes')).body.rows as { id: string; note: string }[];
    expect(rows.find((row) => row.id === 'n0-0')!.note).toBe('changée dans le tableur');
    rows[1]!.note = 'changée dans la grille';
    const saved = await analyst.put(
      '/api/v1/reference-tables/wide-notes/rows',
      { rows },
      reimported.headers['etag'] as string,
    );
    expect([saved.status, saved.body.rev]).toEqual([200, 7]);
    const tooMuch = await analyst.put(
      '/api/v1/reference-tables/wide-notes/rows',
      { rows, comment: 'x', padding: 'y'.repeat(5_300_000) },
      saved.headers['etag'] as string,
    );
    expect([tooMuch.status, tooMuch.body.error, tooMuch.body.message]).toEqual([
      413,
      'payload_too_large',
      expect.stringContaining('5242880 bytes (this route)'),
    ]);
  });
});

// Production starts with the pilots, but not with the invented suppliers and purchase orders of the demonstration.
describe('seeded reference tables in production', () => {
  it('creates the demo-row tables empty, keeps the policy tables, and an unknown supplier goes to a person', async () => {
    const prod = await startTestApp('tables_prod', { NODE_ENV: 'production', JWT_SECRET: 'q'.repeat(40) });
    try {
      const password = 'a long production password';
      await prod.app.get(UsersRepository).createIfAbsent({
        username: 'chef',
        displayName: 'Chef',
        roles: ['admin'],
        passwordHash: await hashPassword(password),
        demo: false,
      });
      const admin = await prod.login('chef', password);
      const tables = (await as(prod, admin).get('/api/v1/reference-tables')).body as {
        key: string;
        rowCount: number;
      }[];
      const rowCount = Object.fromEntries(tables.map((t) => [t.key, t.rowCount]));
      expect(Object.keys(rowCount).sort()).toEqual(SEEDED);
      for (const key of DEMO_ROW_TABLES) expect(rowCount[key]).toBe(0);
      expect(rowCount['amp-thresholds']).toBeGreaterThan(0);
      expect(rowCount['signing-limits']).toBeGreaterThan(0);

      const key = (await as(prod, admin).post('/api/v1/api-keys', { name: 'ERP', scopes: ['evaluate:invoices'] })).body
        .key;
      const demoCase = (
        JSON.parse(readFileSync('rulesets/invoices/invoices.json', 'utf8')).tests as {
          facts: object;
          expectedEvents: string[];
        }[]
      ).find((c) => c.expectedEvents.includes('auto_approve'))!;
      const decided = await prod.http
        .post('/api/v1/rulesets/invoices/evaluate')
        .set('x-api-key', key)
        .send({ facts: demoCase.facts, explain: true });
      expect(decided.status).toBe(200);
      // Neither the supplier nor the order is on file: both go to a person, and the explanation says why.
      expect(decided.body.events.map((e: { type: string }) => e.type)).toEqual(['manual_review', 'manual_review']);
      expect(decided.body.explanation.fr).toContain("FRN-001 n'est pas au fichier des fournisseurs");
      // The order was named: it is not on file (« Aucun bon de commande associé » said the invoice named none).
      expect(decided.body.explanation.fr).toContain("Le bon de commande BC-77 n'est pas au dossier");
    } finally {
      await prod.close();
    }
  });
});
