import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Every `.json` file below a folder, in path order (a missing folder has none): the pilots' content files. */
export async function jsonFilesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}
