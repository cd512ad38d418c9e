import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import { errorBodySchema } from '../src/common/errors/error-body.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const isErrorBody = new Ajv({ strict: false }).compile(errorBodySchema);

describe('error bodies', () => {
  let t: TestApp;
  let adminToken: string;
  beforeAll(async () => {
    t = await startTestApp('errors', { BODY_LIMIT_BYTES: '4096' });
    adminToken = await t.login('admin');
  });
  afterAll(() => t.close());

  const post = (path: string) => t.http.post(path).set('authorization', `Bearer ${adminToken}`);

  it('rejects malformed JSON with 400 invalid_json', async () => {
    const response = await post('/api/v1/api-keys').set('content-type', 'application/json').send('{"name": "erp",');
    expect(response.status).toBe(400);
    expect(response.body.error).toBe('invalid_json');
    expect(isErrorBody(response.body)).toBe(true);
    expect(response.body.details).toEqual([{ path: '/', message: 'is not valid JSON', keyword: 'syntax' }]);
  });

  it('rejects a body over the configured limit with 413', async () => {
    const response = await post('/api/v1/api-keys').send({ name: 'x'.repeat(5000), scopes: ['evaluate:*'] });
    expect(response.status).toBe(413);
    expect(response.body.error).toBe('payload_too_large');
    expect(isErrorBody(response.body)).toBe(true);
    // The limit is said, so the caller knows how much to send.
    expect(response.body.message).toMatch(
      /larger than \d+ bytes \(BODY_LIMIT_BYTES\): send a smaller one \(a batch: fewer items per request\)\./,
    );
  });

  it('rejects hostile nesting before validating it', async () => {
    let deep = '1';
    for (let i = 0; i < 1000; i++) deep = `[${deep}]`;
    const response = await post('/api/v1/api-keys')
      .set('content-type', 'application/json')
      .send(`{"name":"x","scopes":${deep}}`);
    expect(response.status).toBe(400);
    expect(response.body.error).toBe('too_deep');
  });

  it('names every offending path: unknown field, wrong type, missing field, bad scope', async () => {
    const response = await post('/api/v1/api-keys').send({ name: 42, scopes: ['delete:everything'], color: 'red' });
    expect(response.status).toBe(400);
    expect(response.body.error).toBe('validation_failed');
    const paths = (response.body.details as { path: string }[]).map((d) => d.path).sort();
    expect(paths).toEqual(['/color', '/name', '/scopes/0']);
    const missing = await post('/api/v1/api-keys').send({ name: 'erp' });
    expect(missing.body.details).toEqual([
      { path: '/scopes', message: 'is required', keyword: 'required', params: { missingProperty: 'scopes' } },
    ]);
  });

  it('refuses other media types with 415 saying what was sent and what the route takes', async () => {
    const response = await post('/api/v1/api-keys').set('content-type', 'text/plain').send('name=erp');
    expect(response.status).toBe(415);
    expect(isErrorBody(response.body)).toBe(true);
    expect(response.body.details).toEqual([
      { path: '/headers/content-type', message: 'is not a media type this route reads' },
    ]);
    expect(response.body.message).toBe('The body is text/plain; this route takes application/json.');
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml']) {
      const refused = await post('/api/v1/api-keys').set('content-type', type).send('name=erp');
      expect([refused.status, refused.body.message]).toEqual([
        415,
        `The body is ${type.split(';')[0]}; this route takes application/json.`,
      ]);
    }
    const keys = await t.http.get('/api/v1/api-keys').set('authorization', `Bearer ${adminToken}`);
    expect(keys.body.some((k: { name: string }) => k.name === 'erp')).toBe(false);
  });

  it('takes a request without a body whatever its label: the console revokes a key with text/plain and nothing', async () => {
    const created = await post('/api/v1/api-keys').send({ name: 'à révoquer', scopes: ['evaluate:invoices'] });
    const revoked = await t.http
      .delete(`/api/v1/api-keys/${created.body.id}`)
      .set('authorization', `Bearer ${adminToken}`)
      .set('content-type', 'text/plain');
    expect(revoked.status).toBeLessThan(300);
    // Another tool's label on an empty body is no body either.
    const other = await post('/api/v1/api-keys').send({ name: 'à révoquer aussi', scopes: ['evaluate:invoices'] });
    const alsoRevoked = await t.http
      .delete(`/api/v1/api-keys/${other.body.id}`)
      .set('authorization', `Bearer ${adminToken}`)
      .set('content-type', 'application/octet-stream');
    expect(alsoRevoked.status).toBeLessThan(300);
    const keys = await t.http.get('/api/v1/api-keys').set('authorization', `Bearer ${adminToken}`);
    expect(keys.body.find((k: { id: string }) => k.id === created.body.id)).toMatchObject({ revoked: true });
  });

  it('refuses JSON it cannot read as sent (another charset, compressed) with 415 saying what to send', async () => {
    const body = JSON.stringify({ name: 'erp', scopes: ['evaluate:*'] });
    const utf16 = await post('/api/v1/api-keys')
      .set('content-type', 'application/json; charset=utf-16')
      .send(Buffer.from(body, 'utf16le'));
    expect([utf16.status, utf16.body.error]).toEqual([415, 'unsupported_media_type']);
    expect(utf16.body.message).toMatch(/UTF-8 only/);
    expect(utf16.body.details).toEqual([
      { path: '/headers/content-type', message: 'is not a charset this route reads' },
    ]);
    const gzipped = await post('/api/v1/api-keys')
      .set('content-type', 'application/json')
      .set('content-encoding', 'gzip')
      .send(gzipSync(body));
    expect([gzipped.status, gzipped.body.error]).toEqual([415, 'unsupported_media_type']);
    expect(gzipped.body.details).toEqual([
      { path: '/headers/content-encoding', message: 'is not an encoding this route reads' },
    ]);
    // A byte-order mark before the JSON means nothing (RFC 8259): the body is read.
    const marked = await post('/api/v1/api-keys')
      .set('content-type', 'application/json; charset=UTF-8')
      .send(`\ufeff${JSON.stringify({ name: 'avec-bom', scopes: ['evaluate:*'] })}`);
    expect(marked.status).toBe(201);
    // Latin-1 labelled UTF-8 (or not labelled): refused, rather than stored with U+FFFD where « é » was.
    const bytes = (text: string, encoding: BufferEncoding) =>
      post('/api/v1/api-keys')
        .set('content-type', 'application/json; charset=utf-8')
        .serialize(() => Buffer.from(text, encoding) as unknown as string) // the bytes as they are, not as JSON
        .send({});
    const latin1 = await bytes(JSON.stringify({ name: 'Équipements Lévis', scopes: ['evaluate:*'] }), 'latin1');
    expect([latin1.status, latin1.body.error]).toEqual([400, 'invalid_encoding']);
    const keys = await t.http.get('/api/v1/api-keys').set('authorization', `Bearer ${adminToken}`);
    expect(JSON.stringify(keys.body)).not.toContain('\ufffd');
    const accented = await bytes(JSON.stringify({ name: 'Équipements Lévis', scopes: ['evaluate:*'] }), 'utf8');
    expect([accented.status, accented.body.name]).toEqual([201, 'Équipements Lévis']);
  });

  it('rejects a malformed list query with paths', async () => {
    const response = await t.http
      .get('/api/v1/api-keys?sort=["secretHash","ASC"]&range=[-1,3]')
      .set('authorization', `Bearer ${adminToken}`);
    expect(response.status).toBe(400);
    expect((response.body.details as { path: string }[]).map((d) => d.path)).toEqual(['/sort', '/range']);
  });
});
