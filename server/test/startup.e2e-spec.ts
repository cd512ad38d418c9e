import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from '@jest/globals';
import { freePort } from '../src/common/database/free-port.js';
import { freshDatabaseName, uriForDatabase } from './support/test-app.js';

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

  it('refuses to start on a bad value, naming the variable', async () => {
    const run = runService({ PORT: 'eighty', LOG_LEVEL: 'loud' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('PORT');
    expect(run.output()).toContain('LOG_LEVEL');
    expect(run.output()).not.toContain('    at ');
  });

  it('requires JWT_SECRET in production', async () => {
    const run = runService({ NODE_ENV: 'production', MONGODB_URI: 'mongodb://127.0.0.1:1/x' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('JWT_SECRET is required');
  });

  it('explains what to install or set when there is neither Go nor MONGODB_URI', async () => {
    const run = runService({ PATH: '/nonexistent', FERRETDB_BIN: '/nonexistent/ferretdb' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(/install Go .* or set MONGODB_URI/s);
  });
});
