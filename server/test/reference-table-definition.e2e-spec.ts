import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { as, publishNewRuleset, signInCast } from './support/rulesets.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { suppliersTable } from './support/reference-tables.js';

/** The columns of the suppliers table, as a definition change sends them: each keeps its own values. */
const keptColumns = suppliersTable('x').columns;

describe('a reference table’s name, description and columns, changed after its creation', () => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof signInCast>>;
  let analyst: ReturnType<typeof as>;
  beforeAll(async () => {
    t = await startTestApp('reference_table_definition');
    cast = await signInCast(t);
    analyst = as(t, cast.analyst);
    expect((await analyst.post('/api/v1/reference-tables', suppliersTable('fournisseurs'))).status).toBe(201);
  });
  afterAll(() => t.close());

  const read = () => analyst.get('/api/v1/reference-tables/fournisseurs');
  const define = async (body: object, who = analyst) =>
    who.put('/api/v1/reference-tables/fournisseurs/definition', body, (await read()).headers['etag'] as string);

  it('renames a column with its values, retypes one, adds and removes others, in one audited change', async () => {
    const changed = await define({
      name: 'Fournisseurs du Québec',
      description: 'Inscrits au REQ',
      keyColumn: 'neq',
      columns: [
        { name: 'neq', type: 'string' },
        { name: 'raison_sociale', type: 'string', required: true, renamedFrom: 'name' },
        { name: 'onRena', type: 'boolean' },
        // A limit as text (« 50000 »), and a new column, empty.
        { name: 'creditLimit', type: 'string' },
        { name: 'region', type: 'string' },
      ],
      comment: 'Faute de frappe dans « name »',
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      name: 'Fournisseurs du Québec',
      description: 'Inscrits au REQ',
      rev: 2,
      updatedBy: 'analyst',
      columns: [
        { name: 'neq' },
        { name: 'raison_sociale', required: true },
        { name: 'onRena' },
        { name: 'creditLimit', type: 'string' },
        { name: 'region' },
      ],
    });
    expect(changed.body.rows[0]).toEqual({
      neq: '1145678901',
      raison_sociale: 'Fournitures Laval inc.',
      onRena: false,
      creditLimit: '50000',
      region: null,
    });
    const [event] = await t.db
      .collection('audit_events')
      .find({ action: 'reference_table.definition_changed', resourceKey: 'fournisseurs' })
      .toArray();
    expect(event).toMatchObject({
      actor: 'analyst',
      reason: 'Faute de frappe dans « name »',
      details: {
        columnsRenamed: { name: 'raison_sociale' },
        columnsAdded: ['region'],
        columnsRemoved: ['since'],
        columnsRetyped: ['creditLimit'],
        rows: 2,
      },
    });
    // And back: « 50000 » is a number again, read as a CSV cell is.
    const back = await define({
      name: 'Fournisseurs du Québec',
      keyColumn: 'neq',
      columns: [
        { name: 'neq', type: 'string' },
        { name: 'raison_sociale', type: 'string', required: true },
        { name: 'creditLimit', type: 'number' },
      ],
    });
    expect(back.status).toBe(200);
    expect(back.body.description).toBeUndefined();
    expect(back.body.rows).toEqual([
      { neq: '1145678901', raison_sociale: 'Fournitures Laval inc.', creditLimit: 50000 },
      { neq: '2245678901', raison_sociale: 'Rénovations Dubé', creditLimit: 0 },
    ]);
  });

  it('refuses values that do not fit their new column, naming the column and the row, and changes nothing', async () => {
    const before = await read();
    const refused = await define({
      name: 'Fournisseurs',
      keyColumn: 'neq',
      columns: [
        { name: 'neq', type: 'number' },
        { name: 'raison_sociale', type: 'boolean' },
        { name: 'creditLimit', type: 'number' },
        { name: 'contact', type: 'string', required: true },
      ],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: '/columns/1',
          message: 'row "1145678901": must be a boolean',
          params: { type: 'boolean', rowKey: '1145678901' },
        }),
        expect.objectContaining({ path: '/columns/3', message: 'row "2245678901": is required' }),
      ]),
    );
    // « 1,000 » is a thousand in English and one in French: refused, never guessed.
    const commas = await analyst.put(
      '/api/v1/reference-tables/fournisseurs/rows',
      { rows: [...before.body.rows.slice(0, 1), { ...before.body.rows[1], raison_sociale: '1,000' }] },
      before.headers['etag'] as string,
    );
    expect(commas.status).toBe(200);
    const ambiguous = await define({
      name: 'Fournisseurs',
      keyColumn: 'neq',
      columns: [
        { name: 'neq', type: 'string' },
        { name: 'raison_sociale', type: 'number' },
      ],
    });
    expect(ambiguous.body.details).toEqual([
      expect.objectContaining({ path: '/columns/1', message: expect.stringMatching(/^row "1145678901": /) }),
      expect.objectContaining({
        path: '/columns/1',
        keyword: 'ambiguousNumber',
        params: expect.objectContaining({ rowKey: '2245678901' }),
      }),
    ]);
    // An NEQ of ten digits is a number: the key column's type may change when every key fits.
    expect(refused.body.details.map((d: { path: string }) => d.path)).not.toContain('/columns/0');
    const after = await read();
    expect([after.body.rev, after.body.columns]).toEqual([before.body.rev + 1, before.body.columns]);
    expect(after.body.rows[1].raison_sociale).toBe('1,000');
    const renamedTwice = await define({
      name: 'Fournisseurs',
      keyColumn: 'neq',
      columns: [
        { name: 'neq', type: 'string' },
        { name: 'a', type: 'string', renamedFrom: 'raison_sociale' },
        { name: 'b', type: 'string', renamedFrom: 'raison_sociale' },
        { name: 'c', type: 'string', renamedFrom: 'nothing' },
      ],
    });
    expect(renamedTwice.body.details).toEqual([
      expect.objectContaining({ path: '/columns/2/renamedFrom', keyword: 'renamedTwice' }),
      expect.objectContaining({ path: '/columns/3/renamedFrom', keyword: 'unknownColumn' }),
    ]);
    const noKey = await define({ name: 'F', keyColumn: 'gone', columns: keptColumns });
    expect([noKey.status, noKey.body.details]).toEqual([
      400,
      [{ path: '/keyColumn', message: '"gone" is not among the columns' }],
    ]);
    expect((await analyst.put('/api/v1/reference-tables/fournisseurs/definition', keptColumns)).status).toBe(400);
    const stale = await analyst.put(
      '/api/v1/reference-tables/fournisseurs/definition',
      { name: 'F', keyColumn: 'neq', columns: [{ name: 'neq', type: 'string' }] },
      '"reference_table:fournisseurs:r1"',
    );
    expect(stale.status).toBe(412);
    expect((await define({ name: 'F', keyColumn: 'neq', columns: keptColumns }, as(t, cast.risk))).status).toBe(403);
  });

  it('renames a table a published rule set reads, but keeps its columns until the rule set changes', async () => {
    await publishNewRuleset(t, cast, {
      key: 'lit-les-fournisseurs',
      name: 'Lit les fournisseurs',
      pilot: 'invoices',
      format: 'rules',
      inputSchema: { type: 'object', required: ['neq'], properties: { neq: { type: 'string' } } },
      lookups: [{ fact: 'supplier', table: 'fournisseurs', key: { fact: 'neq' } }],
      definition: {
        rules: [
          {
            name: 'connu',
            conditions: { all: [{ fact: 'supplier', operator: 'notEqual', value: null }] },
            event: { type: 'known' },
          },
        ],
      },
    });
    const current = (await read()).body;
    const columns = current.columns as { name: string; type: string }[];
    const renamed = await define({ name: 'Fournisseurs inscrits', keyColumn: 'neq', columns });
    expect([renamed.status, renamed.body.name, renamed.body.pending]).toEqual([
      200,
      'Fournisseurs inscrits',
      undefined,
    ]);
    // The rows and who last changed them are as they were: a new name decides nothing.
    expect(renamed.body.updatedAt).toBe(current.updatedAt);
    const retyped = await define({
      name: 'Fournisseurs inscrits',
      keyColumn: 'neq',
      columns: columns.map((c) => (c.name === 'creditLimit' ? { ...c, type: 'string' } : c)),
    });
    expect(retyped.status).toBe(409);
    expect(retyped.body).toMatchObject({
      error: 'table_in_use',
      details: [{ path: '/columns', keyword: 'readers', params: { readers: 'lit-les-fournisseurs' } }],
    });
    expect((await read()).body.columns).toEqual(columns);
  });
});
