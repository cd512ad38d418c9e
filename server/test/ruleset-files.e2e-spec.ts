import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { RulesetFiles } from '../src/modules/rulesets/ruleset-files.js';
import { as, invoiceRuleset, signInCast } from './support/rulesets.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('rule sets as files', () => {
  let t: TestApp;
  let files: RulesetFiles;
  let cast: Awaited<ReturnType<typeof signInCast>>;
  const dir = mkdtempSync(join(tmpdir(), 'gabarit-rulesets-'));
  const write = (name: string, body: object) => {
    mkdirSync(join(dir, 'invoices'), { recursive: true });
    writeFileSync(join(dir, 'invoices', name), JSON.stringify(body));
  };
  beforeAll(async () => {
    t = await startTestApp('ruleset_files');
    files = t.app.get(RulesetFiles);
    cast = await signInCast(t);
  });
  afterAll(() => t.close());

  it('loads files as published versions, and a second load adds nothing', async () => {
    write('seuil.json', invoiceRuleset('from-file'));
    expect(await files.importDirectory(dir)).toEqual({ imported: ['from-file'], unchanged: [], failed: [] });
    const view = (await as(t, cast.analyst).get('/api/v1/rulesets/from-file')).body;
    expect(view).toMatchObject({
      activeVersion: 1,
      versions: [{ number: 1, status: 'published', publishedBy: 'seed' }],
    });
    expect(await files.importDirectory(dir)).toEqual({ imported: [], unchanged: ['from-file'], failed: [] });
    expect((await as(t, cast.analyst).get('/api/v1/rulesets/from-file')).body.latestVersion).toBe(1);
  });

  it('says that a file’s new name is not loaded over the stored one', async () => {
    const warned = jest.spyOn(Logger.prototype, 'warn');
    try {
      write('seuil.json', { ...invoiceRuleset('from-file'), name: 'Factures — seuil renommé' });
      expect(await files.importDirectory(dir)).toEqual({ imported: [], unchanged: ['from-file'], failed: [] });
      expect(warned.mock.calls.map(([message]) => String(message))).toContainEqual(
        expect.stringMatching(/seuil\.json: the stored name is kept, not the file's; change it in the console$/),
      );
      expect((await as(t, cast.analyst).get('/api/v1/rulesets/from-file')).body.name).toBe('Factures — seuil');
    } finally {
      warned.mockRestore();
      write('seuil.json', invoiceRuleset('from-file'));
    }
  });

  it('publishes a changed file as a new version, audited with its source', async () => {
    write('seuil.json', invoiceRuleset('from-file', 20000));
    expect((await files.importDirectory(dir)).imported).toEqual(['from-file']);
    const view = (await as(t, cast.analyst).get('/api/v1/rulesets/from-file')).body;
    expect(view.activeVersion).toBe(2);
    expect(view.versions.map((v: { status: string }) => v.status)).toEqual(['retired', 'published']);
    const events = (await as(t, cast.risk).get('/api/v1/audit?resourceKey=from-file&action=ruleset.imported')).body;
    expect(events[0]).toMatchObject({
      actor: 'seed',
      version: 2,
      reason: 'rulesets/invoices/seuil.json',
    });
  });

  it('reports a bad file with its problems and loads the others', async () => {
    write('casse.json', {
      ...invoiceRuleset('broken'),
      definition: {
        rules: [
          { name: 'r', conditions: { all: [{ fact: 'a', operator: 'bigger', value: 1 }] }, event: { type: 'reject' } },
        ],
      },
    });
    write('zzz.json', invoiceRuleset('other-file'));
    const report = await files.importDirectory(dir);
    expect(report.imported).toEqual(['other-file']);
    expect(report.failed).toEqual([
      {
        file: 'invoices/casse.json',
        message: expect.any(String),
        code: 'validation_failed', // what the seed's log line starts with, as the API would answer
        details: [expect.objectContaining({ path: '/definition/rules/0/conditions/all/0/operator' })],
      },
    ]);
    expect((await as(t, cast.analyst).get('/api/v1/rulesets/broken')).status).toBe(404);
  });

  /** `node dist/export-rulesets.js <out>` on this test's database, as an operator runs it. */
  const exportTo = (out: string) =>
    spawnSync(process.execPath, ['dist/export-rulesets.js', out], {
      env: {
        PATH: process.env['PATH'] ?? '',
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        MONGODB_URI: t.config.mongodbUri!,
        DATA_DIR: t.config.dataDir,
      },
      encoding: 'utf8',
    });

  it('exports the versions in force so that reloading them changes nothing', async () => {
    const out = mkdtempSync(join(tmpdir(), 'gabarit-export-'));
    const run = exportTo(out);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/\d+ rule set\(s\) written/);
    const exported = JSON.parse(readFileSync(join(out, 'invoices', 'from-file.json'), 'utf8'));
    expect(exported).toMatchObject({
      key: 'from-file',
      pilot: 'invoices',
      format: 'rules',
      definition: { rules: [{ conditions: { all: [{ value: 20000 }] } }] },
    });
    const reloaded = await files.importDirectory(out);
    expect(reloaded.imported).toEqual([]);
    expect(reloaded.failed).toEqual([]);
    expect(reloaded.unchanged).toEqual(expect.arrayContaining(['from-file', 'other-file', 'invoices', 'enrolment']));

    // A file this export did not write (a rule set archived since) is named: seed would load it again.
    mkdirSync(join(out, 'enrolment'), { recursive: true });
    writeFileSync(join(out, 'enrolment', 'retired.json'), '{}');
    const again = exportTo(out);
    expect([again.status, again.stderr]).toEqual([
      0,
      `1 file(s) in ${out} name no rule set in force here; \`npm run seed\` would load them:\n  ${join(out, 'enrolment', 'retired.json')}\n`,
    ]);
  });
});
