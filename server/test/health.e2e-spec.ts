import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('health, metrics, docs and HTTP basics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('health');
  });
  afterAll(() => t.close());

  it('reports the service and database up', async () => {
    const response = await t.http.get('/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', db: 'up' });
  });

  it('answers liveness', async () => {
    const response = await t.http.get('/health/live');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('counts requests by route pattern in Prometheus format, for a metrics key or an admin only', async () => {
    await t.http.get('/health');
    await t.http.delete('/api/v1/api-keys/some-id-that-is-not-a-label');
    expect((await t.http.get('/metrics')).status).toBe(401);
    const admin = await t.login('admin');
    expect((await t.http.get('/metrics').set('authorization', `Bearer ${await t.login('analyst')}`)).status).toBe(403);
    expect((await t.http.get('/metrics').set('authorization', `Bearer ${admin}`)).status).toBe(200);
    const scraper = (
      await t.http
        .post('/api/v1/api-keys')
        .set('authorization', `Bearer ${admin}`)
        .send({ name: 'prometheus', scopes: ['metrics:*'] })
    ).body.key as string;
    const evaluator = (
      await t.http
        .post('/api/v1/api-keys')
        .set('authorization', `Bearer ${admin}`)
        .send({ name: 'erp', scopes: ['evaluate:*'] })
    ).body.key as string;
    expect((await t.http.get('/metrics').set('x-api-key', evaluator)).status).toBe(403);
    // Prometheus before 3.0 can send only an Authorization header: the key as a bearer token is the same key.
    expect((await t.http.get('/metrics').set('authorization', `Bearer ${evaluator}`)).status).toBe(403);
    expect((await t.http.get('/metrics').set('authorization', `Bearer ${scraper}x`)).status).toBe(401);
    expect((await t.http.get('/metrics').set('authorization', `Bearer ${scraper}`)).status).toBe(200);
    const response = await t.http.get('/metrics').set('x-api-key', scraper);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.text).toMatch(/http_requests_total\{method="GET",route="\/health",status="200"\} \d+/);
    expect(response.text).toContain('route="/api/v1/api-keys/:id"');
    expect(response.text).not.toContain('some-id-that-is-not-a-label');
    expect(response.text).toMatch(/http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/health"\}/);
  });

  it('publishes the OpenAPI document and its UI', async () => {
    const json = await t.http.get('/api/docs-json');
    expect(json.status).toBe(200);
    const paths = (json.body as { paths: Record<string, unknown> }).paths;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/api-keys', '/api/v1/api-keys/{id}', '/health']),
    );
    const ui = await t.http.get('/api/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });

  it('answers unknown routes with a JSON 404', async () => {
    const response = await t.http.get('/api/v1/no-such-thing');
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ error: 'not_found', details: [] });
  });

  it('tags every response with a request id, keeping a sane one from the caller', async () => {
    const generated = await t.http.get('/health');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await t.http.get('/health').set('x-request-id', 'erp-42.abc');
    expect(kept.headers['x-request-id']).toBe('erp-42.abc');
    const replaced = await t.http.get('/health').set('x-request-id', '<script>');
    expect(replaced.headers['x-request-id']).not.toBe('<script>');
  });

  it('sends security headers and no CORS permission by default', async () => {
    const response = await t.http.get('/health').set('origin', 'https://evil.example');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await t.http
      .options('/api/v1/auth/login')
      .set('origin', 'https://evil.example')
      .set('access-control-request-method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('sends API responses the lean header set for APIs (no caching, no framing, no sniffing), pages the full one', async () => {
    const api = await t.http.post('/api/v1/auth/login').send({ username: 'nobody', password: 'x' });
    expect(api.headers).toMatchObject({
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
    });
    expect(api.headers['strict-transport-security']).toContain('max-age=');
    expect(api.headers['cross-origin-opener-policy']).toBeUndefined();
    const page = await t.http.get('/admin/');
    expect(page.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('lets only the console page compile JSON Schemas in the browser (unsafe-eval), never the API', async () => {
    const page = await t.http.get('/admin/');
    expect(page.status).toBe(200);
    const scriptSrc = (page.headers['content-security-policy'] as string)
      .split(';')
      .find((d) => d.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self' 'unsafe-eval'");
    const api = await t.http.get('/health');
    expect(api.headers['content-security-policy']).not.toContain('unsafe-eval');
  });
});
