import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError } from '../../config/load-config.js';
import { projectRoot } from '../project-root.js';

export const NO_DATABASE_MESSAGE =
  'Gabarit needs a MongoDB-compatible database and none is available. With no MONGODB_URI it builds and starts an ' +
  'embedded FerretDB v1.24.2, which needs Go 1.24 or newer on the PATH to build once (https://go.dev/dl; a ' +
  "distribution's older Go cannot build it). Either install Go and run `npm start` again, or set MONGODB_URI to a " +
  'MongoDB 6+ server (replica set or Atlas) or a FerretDB server, for example ' +
  'MONGODB_URI=mongodb://127.0.0.1:27017/gabarit.';

/**
 * Makes sure the FerretDB binary exists, building it once from the Go module proxy (scripts/build-ferretdb.sh).
 * A binary the script built earlier with other patches is rebuilt; a binary someone else provided is used as it is.
 */
export async function ensureFerretDbBinary(binary: string): Promise<void> {
  const script = join(projectRoot(), 'scripts', 'build-ferretdb.sh');
  if (existsSync(binary) && !staleBuild(binary, script)) return;
  // The path is said first: a mistyped FERRETDB_BIN had read as « Go is needed », not as a file that is not there.
  if (spawnSync('go', ['version'], { stdio: 'ignore', env: process.env }).status !== 0)
    throw new ConfigError(`There is no FerretDB at ${binary} (FERRETDB_BIN). ${NO_DATABASE_MESSAGE}`);
  await new Promise<void>((resolveBuild, reject) => {
    const build = spawn('bash', [script], {
      env: { ...process.env, FERRETDB_BIN: binary },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    build.on('error', reject);
    build.on('exit', (code) =>
      code === 0 ? resolveBuild() : reject(new Error(`Building FerretDB failed (bash ${script} exited with ${code}).`)),
    );
  });
}

/** Ours (in .tools/ or with a build id beside it) and not built by the current script. */
function staleBuild(binary: string, script: string): boolean {
  const idFile = `${binary}.build-id`;
  const ours = existsSync(idFile) || resolve(binary).startsWith(join(projectRoot(), '.tools'));
  if (!ours) return false;
  const text = readFileSync(script, 'utf8');
  const version = /^VERSION="([^"]+)"/m.exec(text)?.[1] ?? '';
  const wanted = /^BUILD_ID="([^"]+)"/m.exec(text)?.[1]?.replace('$VERSION', version);
  return !existsSync(idFile) || readFileSync(idFile, 'utf8').trim() !== wanted;
}
