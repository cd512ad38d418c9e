import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerConsole } from './console-static.js';

describe('the console served at /admin', () => {
  let root: string;
  let fastify: FastifyInstance;
  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'gabarit-console-'));
    fastify = Fastify({ logger: false });
    await registerConsole(fastify, root);
    await fastify.listen({ port: 0, host: '127.0.0.1' });
  });
  afterEach(async () => {
    await fastify.close();
    rmSync(root, { recursive: true, force: true });
  });
  /** A GET of this exact path (fetch would resolve `..` before sending it). */
  const get = (path: string) =>
    new Promise<{ status: number; type?: string; body: string }>((resolve, reject) => {
      const { port } = fastify.server.address() as AddressInfo;
      request({ host: '127.0.0.1', port, path }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, type: response.headers['content-type'], body }),
        );
      })
        .on('error', reject)
        .end();
    });
  const build = (script: string) => {
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'assets', script), `console.log(${JSON.stringify(script)})`);
    writeFileSync(join(root, 'index.html'), `<script src="/admin/assets/${script}"></script>`);
  };

  it('says the console is not built, then serves the build made while the service runs, and the next one', async () => {
    const before = await get('/admin/');
    expect([before.status, (JSON.parse(before.body) as { error: string }).error]).toEqual([503, 'console_not_built']);

    build('index-first.js');
    const page = await get('/admin/rulesets/invoices');
    expect([page.status, page.body]).toEqual([200, '<script src="/admin/assets/index-first.js"></script>']);
    const script = await get('/admin/assets/index-first.js');
    expect([script.status, script.type, script.body]).toEqual([
      200,
      'application/javascript; charset=utf-8',
      'console.log("index-first.js")',
    ]);

    build('index-second.js');
    expect((await get('/admin/')).body).toContain('index-second.js');
    expect((await get('/admin/assets/index-second.js')).body).toBe('console.log("index-second.js")');
  });

  it('never serves a file outside the build: other paths are client routes and get the page', async () => {
    build('index-first.js');
    writeFileSync(join(tmpdir(), 'gabarit-secret.txt'), 'secret');
    for (const url of [
      '/admin/../gabarit-secret.txt',
      '/admin/%2e%2e/gabarit-secret.txt',
      '/admin/assets/..%2f..%2fx.js',
    ]) {
      expect((await get(url)).body).not.toContain('secret');
    }
  });
});
