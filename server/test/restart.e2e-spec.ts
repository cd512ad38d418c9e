import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from '@jest/globals';
import { EMBEDDED_DB } from '../src/common/database/database.module.js';
import { freePort } from '../src/common/database/free-port.js';
import {
  EmbeddedFerretDb as EmbeddedFerretDbClass,
  type EmbeddedFerretDb,
} from '../src/common/database/embedded-ferretdb.js';
import { loadConfig } from '../src/config/load-config.js';
import { startWithConfig, type TestApp } from './support/test-app.js';

// This file runs the app exactly as `npm start` does: no MONGODB_URI, so the app starts its own FerretDB.
describe('data survives restarts (embedded database)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gabarit-restart-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    FERRETDB_BIN: resolve('.tools/bin/ferretdb'),
  });
  let t: TestApp | undefined;
  afterAll(() => t?.close());

  async function waitForHealth(app: TestApp, status: number): Promise<void> {
    for (let i = 0; i < 100; i++) {
      if ((await app.http.get('/health')).status === status) return;
      await sleep(200);
    }
    throw new Error(`health never answered ${status}`);
  }

  it('keeps users, keys and the session secret across an app restart', async () => {
    t = await startWithConfig(config);
    const admin = await t.login('admin');
    const created = await t.http
      .post('/api/v1/api-keys')
      .set('authorization', `Bearer ${admin}`)
      .send({ name: 'persist', scopes: ['evaluate:*'] });
    expect(created.status).toBe(201);
    await t.close();

    t = await startWithConfig(
      loadConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATA_DIR: dataDir,
        FERRETDB_BIN: resolve('.tools/bin/ferretdb'),
      }),
    );
    // The token issued before the restart is still valid: the generated JWT secret is kept in the data dir.
    const list = await t.http.get('/api/v1/api-keys').set('authorization', `Bearer ${admin}`);
    expect(list.status).toBe(200);
    expect((list.body as { name: string }[]).map((k) => k.name)).toContain('persist');
    expect((await t.http.get('/api/v1/auth/me').set('x-api-key', created.body.key)).status).toBe(200);
    expect(await t.db.collection('users').countDocuments()).toBe(5); // seeded once, not again
  });

  it('reports the database down, refuses writes with 503, and recovers when the database process comes back', async () => {
    const app = t!;
    const admin = await app.login('admin');
    // A scraper's key, as Prometheus uses: a known key stays valid from memory while the database is away, where
    // a session is checked again against the database once 5 s old (the wait for 503 can take longer).
    const scraper = (
      await app.http
        .post('/api/v1/api-keys')
        .set('authorization', `Bearer ${admin}`)
        .send({ name: 'prometheus', scopes: ['metrics:*'] })
    ).body.key as string;
    expect((await app.http.get('/metrics').set('x-api-key', scraper)).status).toBe(200); // now a known key
    const embedded = app.app.get<EmbeddedFerretDb>(EMBEDDED_DB);
    await embedded.stop();

    await waitForHealth(app, 503);
    expect((await app.http.get('/health')).body).toEqual({ status: 'degraded', db: 'down' });
    // Liveness does not follow the database: a restart would not bring it back, and decisions go on from memory.
    expect((await app.http.get('/health/live')).status).toBe(200);
    const databaseUp = async () =>
      /^gabarit_database_up (\d)$/m.exec((await app.http.get('/metrics').set('x-api-key', scraper)).text)?.[1];
    expect(await databaseUp()).toBe('0');
    const write = await app.http
      .post('/api/v1/api-keys')
      .set('authorization', `Bearer ${admin}`)
      .send({ name: 'while-down', scopes: ['evaluate:*'] });
    expect(write.status).toBe(503);
    expect(write.body.error).toBe('database_unavailable');
    expect(write.headers['retry-after']).toBe('5'); // the driver looks for the database every 2 s

    await embedded.start();
    await waitForHealth(app, 200);
    expect(await databaseUp()).toBe('1');
    const list = await app.http.get('/api/v1/api-keys').set('authorization', `Bearer ${admin}`);
    const names = (list.body as { name: string }[]).map((k) => k.name);
    expect(names).toContain('persist');
    expect(names).not.toContain('while-down');
  }, 60_000);

  it('records the audit event of a write that lands after the database stopped answering, without a restart', async () => {
    const app = t!;
    const admin = await app.login('admin');
    expect((await app.http.get('/api/v1/api-keys').set('authorization', `Bearer ${admin}`)).status).toBe(200);
    // Frozen, not stopped: its sockets stay open, so the insert reaches it and is applied when it resumes, after
    // the driver has given the request up (a review saw the key stored, and no api_key.created event, until a start).
    const ferretdb = ferretDbPid(dataDir);
    process.kill(ferretdb, 'SIGSTOP');
    let write;
    try {
      write = await app.http
        .post('/api/v1/api-keys')
        .set('authorization', `Bearer ${admin}`)
        .send({ name: 'while-frozen', scopes: ['evaluate:*'] });
    } finally {
      process.kill(ferretdb, 'SIGCONT');
    }
    expect([write.status, write.body.error]).toEqual([503, 'database_unavailable']);
    expect(write.body.message).toMatch(/may or may not have been made/);
    await waitForHealth(app, 200);
    const keys = (await app.http.get('/api/v1/api-keys').set('authorization', `Bearer ${admin}`)).body as {
      id: string;
      name: string;
    }[];
    const landed = keys.find((key) => key.name === 'while-frozen');
    expect(landed).toBeDefined(); // the insert had reached the database
    const risk = await app.login('risk');
    let actions: string[] = [];
    for (let i = 0; i < 50 && !actions.includes('api_key.created'); i++) {
      await sleep(200);
      const trail = await app.http
        .get(`/api/v1/audit?resourceKey=${landed!.id}`)
        .set('authorization', `Bearer ${risk}`);
      actions = (trail.body as { action: string }[]).map((event) => event.action);
    }
    expect(actions).toEqual(['api_key.created']);
  }, 60_000);

  const options = (dataDir: string, port = 0) => ({
    binary: resolve('.tools/bin/ferretdb'),
    dataDir,
    port,
    log: () => undefined,
  });
  const ferretDbPid = (dataDir: string) =>
    (JSON.parse(readFileSync(join(dataDir, 'ferretdb.pid'), 'utf8')) as { ferretdb: number }).ferretdb;
  const ownerOf = (dataDir: string) =>
    (JSON.parse(readFileSync(join(dataDir, 'ferretdb.pid'), 'utf8')) as { owner: number }).owner;

  it('lets a command-line tool use the database of the service running on its data directory, and stops a killed run’s leftover', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gabarit-shared-'));
    const service = await runService(dir);
    const servicesDb = ferretDbPid(dir);
    expect(statSync(join(dir, 'db')).mode & 0o777).toBe(0o700); // password hashes and facts: owner only
    // What `npm run user:create` does beside a running service: before, it stopped the service's FerretDB as a
    // leftover, and the service answered 503 until someone restarted it.
    const tool = new EmbeddedFerretDbClass(options(dir));
    await tool.start();
    await tool.stop();
    expect(isAlive(servicesDb)).toBe(true);
    expect((await fetch(`${service.base}/health`)).status).toBe(200);

    // What a service killed with SIGKILL leaves: its FerretDB still running, its pid file still there.
    service.child.kill('SIGKILL');
    await service.exited;
    expect(isAlive(servicesDb)).toBe(true);
    const next = new EmbeddedFerretDbClass(options(dir));
    try {
      await next.start();
      for (let i = 0; i < 50 && isAlive(servicesDb); i++) await sleep(100);
      expect(isAlive(servicesDb)).toBe(false);
      expect(ferretDbPid(dir)).not.toBe(servicesDb);
    } finally {
      await next.stop();
    }
    expect(existsSync(join(dir, 'ferretdb.pid'))).toBe(false);
  }, 90_000);

  it('takes the database over when the process it shared it with stops it, tool or service', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gabarit-takeover-'));
    // A command-line tool (this test) starts first and owns the database; the service then starts and uses it.
    const tool = new EmbeddedFerretDbClass(options(dir));
    await tool.start();
    const toolsDb = ferretDbPid(dir);
    const service = await runService(dir);
    try {
      const health = () => fetch(`${service.base}/health`).then(async (r) => [r.status, await r.json()] as const);
      expect(await health()).toEqual([200, { status: 'ok', db: 'up' }]);
      // The tool ends, stopping its FerretDB: the service had answered « db: down » until someone restarted it.
      await tool.stop();
      expect(isAlive(toolsDb)).toBe(false);
      let owner: number | undefined;
      for (let i = 0; i < 100 && owner !== service.child.pid; i++) {
        await sleep(200);
        owner = existsSync(join(dir, 'ferretdb.pid')) ? ownerOf(dir) : undefined;
      }
      expect(owner).toBe(service.child.pid);
      let answer = await health();
      for (let i = 0; i < 50 && answer[0] !== 200; i++) {
        await sleep(200);
        answer = await health();
      }
      expect(answer).toEqual([200, { status: 'ok', db: 'up' }]);
      // The same files: what the first start seeded is there.
      const login = await fetch(`${service.base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'demo' }),
      });
      expect(login.status).toBe(200);

      // And the other way round: a tool using the service's FerretDB takes it over when the service stops.
      const next = new EmbeddedFerretDbClass(options(dir));
      await next.start();
      try {
        service.child.kill('SIGTERM');
        await service.exited;
        for (let i = 0; i < 100 && !next.running; i++) await sleep(200);
        expect(next.running).toBe(true);
        expect(ownerOf(dir)).toBe(process.pid);
      } finally {
        await next.stop();
      }
    } finally {
      service.child.kill('SIGKILL');
    }
  }, 120_000);

  it('says in a sentence that a FERRETDB_BIN cannot be run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gabarit-bin-'));
    const binary = join(dir, 'ferretdb');
    writeFileSync(binary, '#!/bin/sh\n', { mode: 0o644 }); // there, but not executable
    const embedded = new EmbeddedFerretDbClass({ ...options(dir), binary });
    await expect(embedded.start()).rejects.toThrow(
      `FerretDB (FERRETDB_BIN ${binary}) cannot be run: permission denied`,
    );
    expect(existsSync(join(dir, 'ferretdb.pid'))).toBe(false);
  });

  it('starts its database again when it dies under the service', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gabarit-respawn-'));
    const embedded = new EmbeddedFerretDbClass(options(dir));
    await embedded.start();
    try {
      const first = ferretDbPid(dir);
      process.kill(first, 'SIGKILL');
      let again = first;
      for (let i = 0; i < 100 && (again === first || !isAlive(again)); i++) {
        await sleep(100);
        again = ferretDbPid(dir);
      }
      expect(again).not.toBe(first);
      expect(isAlive(again)).toBe(true);
      expect(embedded.running).toBe(true);
    } finally {
      await embedded.stop();
    }
  }, 60_000);

  it('refuses a FERRETDB_PORT another process listens on, rather than using that database', async () => {
    const taken = createServer().listen(0, '127.0.0.1');
    await new Promise((done) => taken.once('listening', done));
    const port = (taken.address() as AddressInfo).port;
    try {
      const embedded = new EmbeddedFerretDbClass(options(mkdtempSync(join(tmpdir(), 'gabarit-port-')), port));
      await expect(embedded.start()).rejects.toThrow(
        `Port ${port} (FERRETDB_PORT) is already in use by another process`,
      );
    } finally {
      taken.close();
    }
  });
});

/** The built service (`node dist/main.js`) on `dataDir`, once its /health answers 200. */
async function runService(dataDir: string) {
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/main.js'], {
    env: { PATH: process.env['PATH'] ?? '', NODE_ENV: 'test', DATA_DIR: dataDir, PORT: String(port) },
    stdio: 'ignore',
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    const status = await fetch(`${base}/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return { child, exited, base };
    await sleep(200);
  }
  child.kill('SIGKILL');
  throw new Error('the service did not answer /health');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').split(' ')[2]?.startsWith('Z'); // a zombie is gone, only not yet reaped
  } catch {
    return false;
  }
}
