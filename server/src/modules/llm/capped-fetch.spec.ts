import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AnswerTooLargeError, cappedFetch } from './capped-fetch.js';

describe('cappedFetch', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    // `/chunked/N`: N bytes in 1 KiB chunks and no length said; `/sized/N`: N bytes with their length said.
    server = createServer((req, res) => {
      const [, kind, size] = req.url!.split('/');
      const bytes = Number(size);
      if (kind === 'sized') return void res.writeHead(200, { 'content-length': bytes }).end('y'.repeat(bytes));
      res.writeHead(200, { 'content-type': 'application/json' });
      for (let sent = 0; sent < bytes; sent += 1024) res.write('x'.repeat(Math.min(1024, bytes - sent)));
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('passes an answer within the limit on whole, with its status and headers', async () => {
    const response = await cappedFetch(10_000)(`${base}/chunked/9000`);
    expect([response.status, response.headers.get('content-type'), (await response.text()).length]).toEqual([
      200,
      'application/json',
      9000,
    ]);
  });

  it('stops reading an answer that says no length once it passes the limit', async () => {
    await expect(cappedFetch(10_000)(`${base}/chunked/50000`)).rejects.toBeInstanceOf(AnswerTooLargeError);
  });

  it('does not read an answer that says it is past the limit', async () => {
    await expect(cappedFetch(10_000)(`${base}/sized/10001`)).rejects.toBeInstanceOf(AnswerTooLargeError);
    expect((await (await cappedFetch(10_000)(`${base}/sized/10000`)).text()).length).toBe(10_000);
  });
});
