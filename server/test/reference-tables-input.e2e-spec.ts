import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { as, signInCast } from './support/rulesets.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { suppliersTable } from './support/reference-tables.js';

// What a hostile or careless caller sends a reference table: each refusal names its place, and nothing is stored.
describe('reference tables refuse what they cannot hold', () => {
  let t: TestApp;
  let analyst: ReturnType<typeof as>;
  beforeAll(async () => {
    t = await startTestApp('reference_tables_input');
    analyst = as(t, (await signInCast(t)).analyst);
    expect((await analyst.post('/api/v1/reference-tables', suppliersTable('suppliers'))).status).toBe(201);
  });
  afterAll(() => t.close());

  const table = () => analyst.get('/api/v1/reference-tables/suppliers');
  const importCsv = async (csv: string, mode = 'replace') =>
    analyst
      .post('/api/v1/reference-tables/suppliers/import')
      .set('if-match', (await table()).headers['etag'] as string)
      .send({ csv, mode });

  it.each(['__proto__', 'constructor', 'prototype'])(
    'refuses a column named %s, even as the key column',
    async (name) => {
      const key = `reserved-${name.replace(/_/g, '')}`;
      const response = await analyst.post('/api/v1/reference-tables', {
        key,
        name: 'Réservé',
        keyColumn: name,
        columns: [
          { name, type: 'string' },
          { name: 'v', type: 'number' },
        ],
        rows: [{ v: 1 }, { v: 2 }],
      });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ error: 'validation_failed' });
      expect(response.body.details).toEqual([
        expect.objectContaining({ path: '/columns/0/name', keyword: 'reservedName', params: { name } }),
        expect.objectContaining({ path: '/keyColumn', keyword: 'reservedName', params: { name } }),
      ]);
      expect((await analyst.get(`/api/v1/reference-tables/${key}`)).status).toBe(404);
    },
  );

  it('refuses days that do not exist and years before 1900, in a CSV or in rows, and stores nothing', async () => {
    const refused = await importCsv(
      ['neq;name;since', '1;Un;2020-02-30', '2;Deux;0000-01-01', '3;Trois;2023-02-29', '4;Quatre;2024-02-29'].join(
        '\n',
      ),
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe('validation_failed');
    expect(refused.body.details.map((d: { path: string }) => d.path)).toEqual([
      '/csv/line/2/since',
      '/csv/line/3/since',
      '/csv/line/4/since',
    ]);
    expect(refused.body.details[0]).toMatchObject({ keyword: 'cellType', params: { type: 'date' } });
    const put = await analyst.put(
      '/api/v1/reference-tables/suppliers/rows',
      { rows: [{ neq: '1', name: 'Un', since: '2021-04-31' }] },
      (await table()).headers['etag'] as string,
    );
    expect(put.status).toBe(400);
    expect(put.body.details).toEqual([expect.objectContaining({ path: '/rows/0/since', keyword: 'cellType' })]);
    expect((await table()).body).toMatchObject({ rev: 1, rowCount: 2 });
  });

  it('refuses to replace the rows with a header alone, which would empty the table', async () => {
    const refused = await importCsv('neq;name;creditLimit\n');
    expect([refused.status, refused.body.details]).toEqual([
      400,
      [
        {
          path: '/csv',
          message: 'has no row after its header: a replacing import would delete every row of the table',
          keyword: 'csv',
          params: { reason: 'no_rows', rows: 2 },
        },
      ],
    ]);
    expect((await table()).body).toMatchObject({ rev: 1, rowCount: 2 });
  });

  it('refuses « 1,000 » in a file separated by commas, which a French reader takes for 1 and an English one for 1000', async () => {
    const refused = await importCsv('neq,name,creditLimit\n1,Un,"1,000"\n2,Deux,"12,5"', 'merge');
    expect([refused.status, refused.body.details]).toEqual([
      400,
      [
        expect.objectContaining({
          path: '/csv/line/2/creditLimit',
          keyword: 'ambiguousNumber',
          params: { text: '1,000' },
        }),
      ],
    ]);
    expect((await table()).body).toMatchObject({ rev: 1, rowCount: 2 });
    // Separated by semicolons, a French spreadsheet's: the comma is its decimal point, and « 9,975 » is no
    // problem (line 3's missing name keeps the table as it is).
    const french = await importCsv('neq;name;creditLimit\n1;Un;9,975\n2;;12,5', 'merge');
    expect(french.body.details).toEqual([{ path: '/csv/line/3/name', message: 'is required', keyword: 'required' }]);
  });

  it('refuses a number too large to represent, at its cell, and stores nothing (it was a 500)', async () => {
    const refused = await importCsv(`neq;name;creditLimit\n1;Un;${'9'.repeat(309)}`, 'merge');
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([
      expect.objectContaining({ path: '/csv/line/2/creditLimit', keyword: 'cellType', params: { type: 'number' } }),
    ]);
    // An identifier of 19 digits in a number column would be kept as another number: refused, saying where it goes.
    const inexact = await importCsv('neq;name;creditLimit\n1;Un;9007199254740993', 'merge');
    expect([inexact.status, inexact.body.details]).toEqual([
      400,
      [
        {
          path: '/csv/line/2/creditLimit',
          message: 'is an integer of more digits than a number holds exactly: keep such identifiers in a text column',
          keyword: 'inexactNumber',
        },
      ],
    ]);
    expect((await table()).body).toMatchObject({ rev: 1, rowCount: 2 });
  });

  it('reads vrai/faux like oui/non, and 9999-12-31 as a date', async () => {
    const imported = await importCsv(
      'neq;name;onRena;since\n1;Un;vrai;9999-12-31\n2;Deux;FAUX;1900-01-01\n3;Trois;Oui;',
    );
    expect(imported.status).toBe(200);
    expect(imported.body.rows.map((r: { onRena: boolean }) => r.onRena)).toEqual([true, false, true]);
    expect(imported.body.rows[0].since).toBe('9999-12-31');
  });

  it('refuses a CSV header that names a column twice or names __proto__, and stores nothing', async () => {
    const twice = await importCsv('neq,name,name\n1,Un,Deux');
    expect(twice.status).toBe(400);
    expect(twice.body).toMatchObject({ error: 'validation_failed' });
    expect(twice.body.details).toEqual([
      expect.objectContaining({ path: '/csv/line/1/name', params: { reason: 'duplicate_header', column: 'name' } }),
    ]);
    const proto = await importCsv('neq,name,__proto__\n1,Un,x');
    expect(proto.status).toBe(400);
    expect(proto.body.details).toEqual([
      expect.objectContaining({
        path: '/csv/line/1/__proto__',
        message: 'is not a column of this table',
        keyword: 'unknownColumn',
        params: { column: '__proto__' },
      }),
    ]);
    // A row's unknown key is named as one JSON Pointer segment (`/` and `~` escaped), as a header is.
    const slash = await analyst.put(
      '/api/v1/reference-tables/suppliers/rows',
      { rows: [{ neq: '1', name: 'Un', 'x/0': 1 }] },
      (await table()).headers['etag'] as string,
    );
    expect([slash.status, slash.body.details.map((d: { path: string }) => d.path)]).toEqual([400, ['/rows/0/x~10']]);
    expect((await table()).body).toMatchObject({ rowCount: 3 });
  });

  it('refuses a CSV past 20 000 rows at the first row too many, and stores nothing', async () => {
    const csv = ['neq;name', ...Array.from({ length: 20_005 }, (_, i) => `${i};n${i}`)].join('\n');
    const refused = await importCsv(csv, 'merge');
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([
      expect.objectContaining({ path: '/csv/line/20002', params: { reason: 'too_many_rows', limit: 20_000 } }),
    ]);
    const wide = await importCsv(`${Array.from({ length: 60 }, (_, i) => `c${i}`).join(';')}\n1`);
    expect(wide.status).toBe(400);
    expect(wide.body.details).toEqual([
      expect.objectContaining({ path: '/csv/line/1', params: { reason: 'too_many_columns', limit: 50 } }),
    ]);
    expect((await table()).body).toMatchObject({ rowCount: 3 });
  });
});
