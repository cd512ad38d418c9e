// Plain JS: Jest loads global setup outside its module registry, so it reuses the compiled launcher from dist/.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const launcher = resolve('dist/common/database/embedded-ferretdb.js');

/**
 * Starts one real FerretDB (SQLite, temporary directory, free port) for the whole run; each test file then
 * uses its own database on it. With MONGODB_URI set, the suite runs against that server instead.
 */
export default async function globalSetup() {
  if (process.env.MONGODB_URI) {
    process.env.GABARIT_TEST_MONGODB_URI = process.env.MONGODB_URI;
    return;
  }
  if (!existsSync(launcher))
    throw new Error('dist/ is missing: run `npm run build:server` before the e2e and browser tests.');
  const { EmbeddedFerretDb } = await import(launcher);
  const ferretdb = new EmbeddedFerretDb({
    binary: resolve(process.env.FERRETDB_BIN ?? '.tools/bin/ferretdb'),
    dataDir: mkdtempSync(join(tmpdir(), 'gabarit-test-db-')),
    port: 0,
    log: () => undefined,
  });
  await ferretdb.start();
  process.env.GABARIT_TEST_MONGODB_URI = ferretdb.uri;
  globalThis.__gabaritFerretDb = ferretdb;
}
