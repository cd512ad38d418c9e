import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { freePort } from '../src/common/database/free-port.js';

// What an operator meets when running the command-line tools by hand: usage, refusals, and what they wait for.
const run = (script: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [`dist/${script}`, ...args], {
    env: { PATH: process.env['PATH'] ?? '', NODE_ENV: 'test', ...env },
    encoding: 'utf8',
  });

describe('the command-line tools', () => {
  it('print their usage on --help and refuse options and arguments they do not take, doing nothing', () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'gabarit-cli-args-')), 'data');
    for (const [script, args] of [
      ['seed.js', ['--help']],
      ['export-rulesets.js', ['-h']],
      ['create-user.js', ['--help']],
    ] as const) {
      const asked = run(script, [...args], { DATA_DIR: dataDir });
      expect([asked.status, asked.stdout]).toEqual([0, expect.stringMatching(/^usage: /)]);
    }
    const dryRun = run('seed.js', ['--dry-run'], { DATA_DIR: dataDir });
    expect([dryRun.status, dryRun.stderr]).toEqual([1, expect.stringContaining("Unknown option '--dry-run'")]);
    const helpBesideUnknown = run('seed.js', ['--dry-run', '-h'], { DATA_DIR: dataDir });
    expect([helpBesideUnknown.status, helpBesideUnknown.stdout]).toEqual([0, expect.stringMatching(/^usage: /)]);
    const twoFolders = run('export-rulesets.js', ['one', 'two'], { DATA_DIR: dataDir });
    expect([twoFolders.status, twoFolders.stderr]).toEqual([1, expect.stringContaining('too many arguments')]);
    // None of them made an installation on the way.
    expect(existsSync(dataDir)).toBe(false);
  });

  it('refuse to export from a data directory holding no database, rather than make one', () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'gabarit-cli-typo-')), 'dta');
    const exported = run('export-rulesets.js', [join(dataDir, '..', 'out')], { DATA_DIR: dataDir });
    expect([exported.status, exported.stderr]).toEqual([
      1,
      `Export failed: there is no Gabarit database in ${dataDir} (DATA_DIR): nothing to export; check DATA_DIR\n`,
    ]);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('say which database they are waiting for, on standard error, while it does not answer', async () => {
    const port = await freePort(); // nothing listens there
    const tool = spawn(process.execPath, ['dist/export-rulesets.js', mkdtempSync(join(tmpdir(), 'gabarit-cli-out-'))], {
      env: {
        PATH: process.env['PATH'] ?? '',
        NODE_ENV: 'test',
        MONGODB_URI: `mongodb://127.0.0.1:${port}/gabarit`,
        DATA_DIR: mkdtempSync(join(tmpdir(), 'gabarit-cli-wait-')),
      },
    });
    let stderr = '';
    let stdout = '';
    tool.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    try {
      await new Promise<void>((resolve, reject) => {
        tool.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          if (stderr.includes('\n')) resolve();
        });
        tool.once('exit', () => reject(new Error(`exited before saying anything: ${stderr}`)));
      });
    } finally {
      tool.kill('SIGKILL');
    }
    expect(JSON.parse(stderr.split('\n')[0]!)).toMatchObject({
      msg: expect.stringMatching(new RegExp(`^database not reachable at mongodb://127\\.0\\.0\\.1:${port}/gabarit`)),
    });
    expect(stdout).toBe(''); // its answer alone goes to standard output
  }, 60_000);
});
