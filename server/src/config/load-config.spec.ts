import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { projectRoot } from '../common/project-root.js';
import { ConfigError, loadConfig } from './load-config.js';

const dataDir = () => mkdtempSync(join(tmpdir(), 'gabarit-config-'));

describe('loadConfig', () => {
  it('applies defaults and coerces numbers', () => {
    const config = loadConfig({ DATA_DIR: dataDir(), PORT: '8080' });
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 8080,
      host: '127.0.0.1',
      logLevel: 'info',
      demoPassword: 'demo',
      bodyLimitBytes: 1048576,
      heapGrowingPercent: 20,
    });
    expect(config.mongodbUri).toBeUndefined();
  });

  it('takes the proxies to trust as a list of addresses, spaces after the commas or not', () => {
    // The README says « comma-separated »; « 10.0.0.1, 10.0.0.2 » stopped the start.
    expect(loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: '10.0.0.1, 10.0.0.0/8' }).trustProxy).toEqual([
      '10.0.0.1',
      '10.0.0.0/8',
    ]);
    expect(() => loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: 'proxy.local' })).toThrow(/TRUST_PROXY/);
    expect(loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: '::1,fd00::/8,10.0.0.0/255.0.0.0' }).trustProxy).toHaveLength(
      3,
    );
    // Hexadecimal words and impossible prefixes fit the characters of an address, not an address.
    expect(() => loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: 'dead,beef' })).toThrow(
      'TRUST_PROXY: « dead », « beef » is not an IP address or network',
    );
    expect(() => loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: '10.0.0.0/33' })).toThrow(/« 10\.0\.0\.0\/33 »/);
  });

  it('takes whole numbers in digits only: 1e3 or 0x50 for a port is a typo, not 1000 or 80', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), PORT: '1e3' })).toThrow(
      'Invalid configuration: PORT: must be a whole number written in digits',
    );
    expect(() => loadConfig({ DATA_DIR: dataDir(), JWT_TTL_SECONDS: '0x50' })).toThrow(/JWT_TTL_SECONDS/);
    expect(() => loadConfig({ DATA_DIR: dataDir(), PORT: '80.5' })).toThrow(/PORT: must be a whole number/);
  });

  it('takes a heap growing factor from 0 (V8 decides) to 300 percent', () => {
    expect(loadConfig({ DATA_DIR: dataDir(), HEAP_GROWING_PERCENT: '0' }).heapGrowingPercent).toBe(0);
    expect(() => loadConfig({ DATA_DIR: dataDir(), HEAP_GROWING_PERCENT: '301' })).toThrow(/HEAP_GROWING_PERCENT/);
  });

  it('finds the project’s FerretDB wherever it is started from, and says which values a variable takes', () => {
    const config = loadConfig({ DATA_DIR: dataDir() });
    expect(config.ferretdbBin).toBe(join(projectRoot(), '.tools', 'bin', 'ferretdb'));
    expect(loadConfig({ DATA_DIR: dataDir(), FERRETDB_BIN: '/opt/ferretdb' }).ferretdbBin).toBe('/opt/ferretdb');
    expect(() => loadConfig({ DATA_DIR: dataDir(), LOG_LEVEL: 'loud' })).toThrow(
      'LOG_LEVEL: must be equal to one of the allowed values (fatal, error, warn, info, debug, trace, silent)',
    );
  });

  it('names every bad variable', () => {
    expect(() =>
      loadConfig({ DATA_DIR: dataDir(), PORT: 'eighty', NODE_ENV: 'staging', MONGODB_URI: 'postgres://x' }),
    ).toThrow(ConfigError);
    try {
      loadConfig({ DATA_DIR: dataDir(), PORT: 'eighty', NODE_ENV: 'staging', MONGODB_URI: 'postgres://x' });
    } catch (err) {
      expect((err as Error).message).toMatch(/NODE_ENV/);
      expect((err as Error).message).toMatch(/PORT/);
      expect((err as Error).message).toMatch(/MONGODB_URI/);
    }
  });

  it('generates a JWT secret once outside production and keeps it in the data dir', () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir }).jwtSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({ DATA_DIR: dir }).jwtSecret).toBe(first);
    expect(readFileSync(join(dir, 'jwt-secret'), 'utf8')).toBe(first);
    expect(statSync(join(dir, 'jwt-secret')).mode & 0o077).toBe(0);
  });

  it('refuses an empty NODE_ENV rather than take it for development', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), NODE_ENV: '' })).toThrow(
      /NODE_ENV: must be equal to one of the allowed values/,
    );
  });

  it('refuses a kept secret file that is empty or short, rather than signing with it', () => {
    for (const held of ['', '\n', 'abc']) {
      const dir = dataDir();
      writeFileSync(join(dir, 'jwt-secret'), held);
      expect(() => loadConfig({ DATA_DIR: dir })).toThrow(/jwt-secret holds .*: remove it to have a new one made/);
    }
    const given = dataDir();
    writeFileSync(join(given, 'jwt-secret'), '');
    expect(loadConfig({ DATA_DIR: given, JWT_SECRET: 'x'.repeat(32) }).jwtSecret).toBe('x'.repeat(32));
  });

  it('requires a long enough JWT_SECRET in production', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required/);
    expect(() => loadConfig({ DATA_DIR: dataDir(), NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(
      /JWT_SECRET/,
    );
    const random = randomBytes(16).toString('hex');
    expect(loadConfig({ DATA_DIR: dataDir(), NODE_ENV: 'production', JWT_SECRET: random })).toMatchObject({
      jwtSecret: random,
      warnings: [],
    });
  });

  it('refuses production secrets plainly not random, or shared, where a new JWT_SECRET costs only sign-ins', () => {
    const production = { DATA_DIR: dataDir(), NODE_ENV: 'production' };
    const apart = { AUDIT_KEY: randomBytes(24).toString('base64'), SUBJECT_KEY: randomBytes(24).toString('base64') };
    for (const [jwt, why] of [
      ['x'.repeat(40), 'repeats a run of 1 character'],
      ['abc'.repeat(11), 'repeats a run of 3 characters'],
      ['0123456'.repeat(4) + '0123', 'repeats a run of 7 characters'],
      ['abcdefggfedcbaaabbccddeeffggabacadaeafag', 'has only 7 different characters'],
    ]) {
      expect(() => loadConfig({ ...production, JWT_SECRET: jwt, ...apart })).toThrow(
        new RegExp(`JWT_SECRET is not random \\(it ${why}\\); choose a new random JWT_SECRET \\(openssl rand`),
      );
    }
    const jwt = randomBytes(24).toString('base64');
    expect(() => loadConfig({ ...production, JWT_SECRET: jwt, ...apart, AUDIT_KEY: jwt })).toThrow(
      /AUDIT_KEY is the same as JWT_SECRET; choose a new random JWT_SECRET/,
    );
    expect(() => loadConfig({ ...production, JWT_SECRET: jwt, ...apart, SUBJECT_KEY: jwt })).toThrow(
      /SUBJECT_KEY is the same as JWT_SECRET; choose a new random JWT_SECRET/,
    );
    // The words never quote the secret: they are logged, and a repeated part may be most of it.
    expect(() => loadConfig({ ...production, JWT_SECRET: 's3cr3tK!'.repeat(4), ...apart })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('s3cr3tK!') }),
    );
    // Outside production, anything 32 characters long still goes: tests and demos.
    expect(loadConfig({ DATA_DIR: dataDir(), JWT_SECRET: 'x'.repeat(40), AUDIT_KEY: 'x'.repeat(40) }).warnings).toEqual(
      [],
    );
  });

  it('starts with a warning where a new key would break what it keyed: the audit chain, or pseudonyms', () => {
    const production = { DATA_DIR: dataDir(), NODE_ENV: 'production' };
    // The audit key derives from this JWT_SECRET: a new one would not verify the trail, so it is kept, and said.
    expect(loadConfig({ ...production, JWT_SECRET: 'q'.repeat(40) }).warnings).toEqual([
      expect.stringMatching(/^JWT_SECRET is not random \(it repeats a run of 1 character\)\. The audit key derives/),
    ]);
    const jwt = randomBytes(24).toString('base64');
    // AUDIT_KEY set apart, SUBJECT_KEY not: a new JWT_SECRET would start new pseudonyms, so it is not asked for.
    expect(loadConfig({ ...production, JWT_SECRET: jwt, SUBJECT_KEY: jwt, AUDIT_KEY: undefined }).warnings).toEqual([
      expect.stringMatching(/^SUBJECT_KEY is the same as JWT_SECRET\. The audit key derives from JWT_SECRET/),
    ]);
    expect(
      loadConfig({ ...production, JWT_SECRET: 'q'.repeat(40), AUDIT_KEY: randomBytes(24).toString('base64') }).warnings,
    ).toEqual([
      expect.stringMatching(/\. The pseudonyms key derives from JWT_SECRET: a new one would start new pseudonyms/),
    ]);
    const shared = randomBytes(24).toString('base64');
    expect(
      loadConfig({ ...production, JWT_SECRET: jwt, AUDIT_KEY: 'k'.repeat(32), SUBJECT_KEY: 'ab'.repeat(16) }).warnings,
    ).toEqual([
      expect.stringMatching(
        /^AUDIT_KEY is not random \(it repeats a run of 1 character\); a new one would break the audit chain/,
      ),
      expect.stringMatching(
        /^SUBJECT_KEY is not random \(it repeats a run of 2 characters\); a new one would break the pseudonyms/,
      ),
    ]);
    expect(loadConfig({ ...production, JWT_SECRET: jwt, AUDIT_KEY: shared, SUBJECT_KEY: shared }).warnings).toEqual([
      expect.stringMatching(/^SUBJECT_KEY is the same as AUDIT_KEY/),
    ]);
  });
});
