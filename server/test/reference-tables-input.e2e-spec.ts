import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { as, signInCast } from './support/rulesets.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// What a hostile or careless caller sends a reference table: each refusal names its place, and nothing is stored.
describe('reference tables refuse what they cannot hold', () => {
  let t: TestApp;
  let analyst: ReturnType<typeof as>;
  beforeAll(async () => {
    t = await startTestApp('reference_tables_input');
    analyst = as(t, (await signInCast(t)).analyst);
  });
  afterAll(() => t.close());

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
});
