import { mkdtempSync, readFileSync, statSync } from 'node:fs';
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

  it('requires a long enough JWT_SECRET in production', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required/);
    expect(() => loadConfig({ DATA_DIR: dataDir(), NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(
      /JWT_SECRET/,
    );
    expect(loadConfig({ DATA_DIR: dataDir(), NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).jwtSecret).toBe(
      'x'.repeat(32),
    );
  });
});
