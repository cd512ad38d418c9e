import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import openapiTS, { astToString, UNKNOWN } from 'openapi-typescript';
import * as prettier from 'prettier';
import { startTestApp, type TestApp } from './support/test-app.js';

// The console's API types are generated from the service's OpenAPI document, so a route that changes its
// contract without the console knowing fails here. `npm run api:types` writes the file (this test with
// API_TYPES_WRITE=1); the same code compares it otherwise.
const generatedFile = new URL('../../admin-ui/src/api/schema.gen.ts', import.meta.url);
const banner = `// Generated from the service's OpenAPI document by \`npm run api:types\` (openapi-typescript): do not edit.
// server/test/api-types.e2e-spec.ts fails when this file no longer matches the document.
`;

async function typesFrom(document: object): Promise<string> {
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0], {
    // An object schema without properties is any object, not an object that must be empty.
    emptyObjectsUnknown: true,
    // Any JSON value is a recursive union TypeScript cannot name through indexed access: it is `unknown` here.
    transform: (_schema, metadata) => (metadata.path === '#/components/schemas/JsonValue' ? UNKNOWN : undefined),
  });
  const text = banner + astToString(ast);
  const config = await prettier.resolveConfig(generatedFile.pathname);
  return prettier.format(text, { ...config, filepath: generatedFile.pathname });
}

describe('the console’s API types', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('api-types');
  });
  afterAll(() => t.close());

  it('are the ones generated from the current OpenAPI document (npm run api:types refreshes them)', async () => {
    const document = (await t.http.get('/api/docs-json')).body as object;
    const expected = await typesFrom(document);
    if (process.env['API_TYPES_WRITE'] === '1') writeFileSync(generatedFile, expected);
    const committed = readFileSync(generatedFile, 'utf8');
    // A plain comparison first: a diff of two 4 000-line files is unreadable, the first differing line is not.
    const firstDifference = expected.split('\n').findIndex((line, i) => line !== committed.split('\n')[i]);
    expect({ firstDifference, line: expected.split('\n')[firstDifference] }).toEqual({
      firstDifference: -1,
      line: undefined,
    });
    expect(committed).toBe(expected);
  });
});
