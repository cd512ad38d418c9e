import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from '@jest/globals';
import { MongoClient } from 'mongodb';
import { freePort } from '../src/common/database/free-port.js';
import { connectWithRetry } from '../src/common/database/mongo-connection.js';
import { freshDatabaseName, startTestApp, uriForDatabase } from './support/test-app.js';
import { spawnSync } from 'node:child_process';

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Runs the built service (`node dist/main.js`, what `npm start` runs) with the given environment. */
function runService(env: Record<string, string>): Run {
  let output = '';
  const child = spawn(process.execPath, ['dist/main.js'], {
    env: {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'test',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'gabarit-start-')),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, output: () => output, exited };
}

describe('starting the service', () => {
  it('serves health, then shuts down cleanly on SIGTERM', async () => {
    const port = await freePort();
    const run = runService({
      PORT: String(port),
      MONGODB_URI: uriForDatabase(process.env['GABARIT_TEST_MONGODB_URI']!, freshDatabaseName('startup')),
    });
    let health: Response | undefined;
    for (let i = 0; i < 100 && !health; i++) {
      health = await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined);
      if (!health) await sleep(200);
    }
    expect(health?.status).toBe(200);
    // One line per request, written once the answer has gone: give it a moment to reach the pipe.
    const requestLogOf = (lines: string[]) =>
      lines
        .map((l) => JSON.parse(l) as { reqId?: string; req?: { url?: string } })
        .find((l) => l.req?.url === '/health');
    let lines: string[] = [];
    for (let i = 0; i < 50 && !requestLogOf(lines); i++) {
      if (i > 0) await sleep(100);
      lines = run
        .output()
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('{'));
    }
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => typeof JSON.parse(l).level === 'number')).toBe(true);
    const requestLog = requestLogOf(lines);
    expect(requestLog?.reqId).toMatch(/^[0-9a-f-]{36}$/);

    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  }, 60_000);

  it('answers every request on its keep-alive connections until it has closed them, on SIGTERM under load', async () => {
    const port = await freePort();
    const run = runService({
      PORT: String(port),
      MONGODB_URI: uriForDatabase(process.env['GABARIT_TEST_MONGODB_URI']!, freshDatabaseName('drain')),
    });
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 100 && !(await fetch(`${base}/health`).catch(() => undefined)); i++) await sleep(200);
    // Eight clients on keep-alive connections (fetch's default), each asking again as soon as it is answered.
    const outcomes = new Map<string, number>();
    const count = (outcome: string) => outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    let stopped = false;
    const client = async () => {
      while (!stopped) {
        const outcome = await fetch(`${base}/health`).then(
          async (r) => (await r.arrayBuffer(), String(r.status)),
          (err: { cause?: { code?: string } }) => err.cause?.code ?? 'error',
        );
        count(outcome);
        // What a load balancer does: a 503 from /health (draining) or a closed listener sends it elsewhere.
        if (outcome === '503' || outcome === 'ECONNREFUSED') return;
      }
    };
    const clients = Array.from({ length: 8 }, client);
    await sleep(500);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    stopped = true;
    await Promise.all(clients);
    // Before, each connection lost the request it had on its way when the listener closed (ECONNRESET); now
    // /health answers 503 `draining` for SHUTDOWN_DRAIN_MS first.
    const failures = [...outcomes].filter(([outcome]) => !['200', '503', 'ECONNREFUSED'].includes(outcome));
    expect(failures).toEqual([]);
    expect(outcomes.get('200')).toBeGreaterThan(8);
    expect(outcomes.get('503')).toBe(8);
  }, 60_000);

  it('refuses to start with an audit key other than the one the trail was written with', async () => {
    const mongodbUri = uriForDatabase(process.env['GABARIT_TEST_MONGODB_URI']!, freshDatabaseName('audit-key'));
    const withSecret = (secret: string) => ({ MONGODB_URI: mongodbUri, JWT_SECRET: secret.repeat(40) });
    const first = await startTestApp('audit-key', withSecret('a')); // seeding writes the first events
    await first.close();
    // JWT_SECRET rotated without an AUDIT_KEY: the key the chain is written with would change with it.
    await expect(startTestApp('audit-key', withSecret('b'))).rejects.toThrow(
      /the audit trail's latest event \(\d+\) does not verify with this process's audit key/,
    );
    const again = await startTestApp('audit-key', withSecret('a'));
    try {
      const admin = await again.login('admin');
      expect((await again.http.get('/api/v1/audit/verify').set('authorization', `Bearer ${admin}`)).body).toMatchObject(
        {
          ok: true,
        },
      );
    } finally {
      await again.close();
    }
  });

  it('refuses to start on a bad value, naming the variable', async () => {
    const run = runService({ PORT: 'eighty', LOG_LEVEL: 'loud' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('PORT');
    expect(run.output()).toContain('LOG_LEVEL');
    expect(run.output()).not.toContain('    at ');
  });

  it('says a taken PORT before it starts a database or seeds anything', async () => {
    const taken = createServer().listen(0, '127.0.0.1');
    await new Promise((listening) => taken.once('listening', listening));
    const port = (taken.address() as AddressInfo).port;
    const dataDir = mkdtempSync(join(tmpdir(), 'gabarit-taken-port-'));
    try {
      const run = runService({ PORT: String(port), DATA_DIR: dataDir });
      expect(await run.exited).toBe(1);
      expect(run.output()).toContain(`PORT ${port} on 127.0.0.1 is already in use by another process`);
      expect(existsSync(join(dataDir, 'db'))).toBe(false); // no embedded database was made, nothing seeded into it
    } finally {
      taken.close();
    }
  });

  it('keeps its data in the gabarit database when MONGODB_URI names none (the driver would use test)', async () => {
    const withoutDatabase = uriForDatabase(process.env['GABARIT_TEST_MONGODB_URI']!, '').replace(/\/(\?|$)/, '$1');
    expect(withoutDatabase).toMatch(/^mongodb:\/\/[^/]+(\?.*)?$/);
    const connection = await connectWithRetry(withoutDatabase, { info: () => undefined, warn: () => undefined });
    try {
      expect(connection.db!.databaseName).toBe('gabarit');
    } finally {
      await connection.close();
    }
  });

  it('requires JWT_SECRET in production', async () => {
    const run = runService({ NODE_ENV: 'production', MONGODB_URI: 'mongodb://127.0.0.1:1/x' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('JWT_SECRET is required');
    // A secret of one repeated letter, with the audit and pseudonym keys apart: a new one costs only sign-ins, so it
    // is refused.
    const weak = runService({
      NODE_ENV: 'production',
      MONGODB_URI: 'mongodb://127.0.0.1:1/x',
      JWT_SECRET: 'x'.repeat(40),
      AUDIT_KEY: 'an audit key kept apart from the sessions secret',
      SUBJECT_KEY: 'a pseudonyms key kept apart from the other two',
    });
    expect(await weak.exited).toBe(1);
    expect(weak.output()).toContain(
      'JWT_SECRET is not random (it repeats a run of 1 character); choose a new random JWT_SECRET',
    );
  });

  it('explains what to install or set when there is neither Go nor MONGODB_URI', async () => {
    const run = runService({ PATH: '/nonexistent', FERRETDB_BIN: '/nonexistent/ferretdb' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(/install Go .* or set MONGODB_URI/s);
  });

  it('makes a first admin from the command line without loading anything else, and the pilots load at the first start after', async () => {
    const mongodbUri = uriForDatabase(process.env['GABARIT_TEST_MONGODB_URI']!, freshDatabaseName('cli'));
    const env = {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      MONGODB_URI: mongodbUri,
    };
    const created = spawnSync(process.execPath, ['dist/create-user.js', 'chef', 'admin', 'Chef de projet'], {
      env: {
        ...env,
        DATA_DIR: mkdtempSync(join(tmpdir(), 'gabarit-cli-')),
        NEW_USER_PASSWORD: 'une longue phrase de passe',
      },
      encoding: 'utf8',
    });
    expect(created.stdout).toContain('created chef with roles admin');
    expect(created.status).toBe(0);
    const misspelt = spawnSync(process.execPath, ['dist/create-user.js', 'bob', 'admin,Approver'], {
      env: { ...env, DATA_DIR: mkdtempSync(join(tmpdir(), 'gabarit-cli-')), NEW_USER_PASSWORD: 'une longue phrase' },
      encoding: 'utf8',
    });
    expect([misspelt.status, misspelt.stderr.trim()]).toEqual([
      1,
      'unknown role(s): Approver; roles are analyst, approver, risk, admin',
    ]);
    const client = await MongoClient.connect(mongodbUri);
    try {
      expect(await client.db().collection('users').countDocuments()).toBe(1);
      expect(await client.db().collection('rulesets').countDocuments()).toBe(0); // the command seeded nothing
    } finally {
      await client.close();
    }
    const t = await startTestApp('cli', { ...env, MONGODB_URI: mongodbUri });
    try {
      // The command wrote the account and its audit event, nothing else: the first start then loaded the pilots.
      const chef = await t.login('chef', 'une longue phrase de passe');
      const rulesets = await t.http.get('/api/v1/rulesets').set('authorization', `Bearer ${chef}`);
      expect((rulesets.body as { key: string }[]).map((r) => r.key)).toEqual(
        expect.arrayContaining(['enrolment', 'invoices']),
      );
      expect(await t.db.collection('users').countDocuments()).toBe(1);
      expect(await t.db.collection('seed_marks').countDocuments({ _id: 'pilots' } as never)).toBe(1);
    } finally {
      await t.close();
    }
  }, 60_000);
});
