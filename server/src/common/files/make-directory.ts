import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * `mkdir -p`, one level at a time from the nearest folder that exists. Node's own `{ recursive: true }` never
 * returns under /proc, where every mkdir answers ENOENT: DATA_DIR=/proc/x kept a core busy at start-up, and
 * `export:rulesets /proc/x` spun until killed (a command-line review). Here the first refusal is the answer.
 */
export function makeDirectory(path: string, mode?: number): void {
  const missing: string[] = [];
  for (let folder = resolve(path); !exists(folder); folder = dirname(folder)) {
    missing.unshift(folder);
    if (dirname(folder) === folder) break; // the root itself is missing: mkdir says why
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder, { mode });
    } catch (err) {
      // Made meanwhile by another process (two tools starting on one DATA_DIR): what was asked for is there.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
}

function exists(folder: string): boolean {
  try {
    statSync(folder);
    return true;
  } catch {
    return false;
  }
}
