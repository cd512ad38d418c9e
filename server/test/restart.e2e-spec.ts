import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from '@jest/globals';
import { EMBEDDED_DB } from '../src/common/database/database.module.js';
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
    const embedded = app.app.get<EmbeddedFerretDb>(EMBEDDED_DB);
    await embedded.stop();

    await waitForHealth(app, 503);
    expect((await app.http.get('/health')).body).toEqual({ status: 'degraded', db: 'down' });
    const write = await app.http
      .post('/api/v1/api-keys')
      .set('authorization', `Bearer ${admin}`)
      .send({ name: 'while-down', scopes: ['evaluate:*'] });
    expect(write.status).toBe(503);
    expect(write.body.error).toBe('database_unavailable');

    await embedded.start();
    await waitForHealth(app, 200);
    const list = await app.http.get('/api/v1/api-keys').set('authorization', `Bearer ${admin}`);
    const names = (list.body as { name: string }[]).map((k) => k.name);
    expect(names).toContain('persist');
    expect(names).not.toContain('while-down');
  }, 60_000);

  it('stops the FerretDB a killed run left behind before starting its own, so one process holds the files', async () => {
    const crashDir = mkdtempSync(join(tmpdir(), 'gabarit-crashed-'));
    const options = { binary: resolve('.tools/bin/ferretdb'), dataDir: crashDir, port: 0, log: () => undefined };
    const leftBehind = new EmbeddedFerretDbClass(options);
    await leftBehind.start();
    const orphanPid = Number(readFileSync(join(crashDir, 'ferretdb.pid'), 'utf8'));
    // What a service killed with SIGKILL leaves: its FerretDB still running, its pid file still there.
    expect(isAlive(orphanPid)).toBe(true);
    const next = new EmbeddedFerretDbClass(options);
    try {
      await next.start();
      for (let i = 0; i < 50 && isAlive(orphanPid); i++) await sleep(100);
      expect(isAlive(orphanPid)).toBe(false);
      expect(Number(readFileSync(join(crashDir, 'ferretdb.pid'), 'utf8'))).not.toBe(orphanPid);
    } finally {
      await next.stop();
      await leftBehind.stop();
    }
    expect(existsSync(join(crashDir, 'ferretdb.pid'))).toBe(false);
  }, 60_000);
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').split(' ')[2]?.startsWith('Z'); // a zombie is gone, only not yet reaped
  } catch {
    return false;
  }
}
