import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ensureFerretDbBinary } from './ferretdb-binary.js';

describe('the FerretDB binary', () => {
  it('names the path it looked for when none is there and none can be built', async () => {
    const path = process.env['PATH'];
    process.env['PATH'] = mkdtempSync(join(tmpdir(), 'gabarit-no-go-')); // no Go to build it with
    try {
      await expect(ensureFerretDbBinary('/nowhere/ferretdb')).rejects.toThrow(
        /^There is no FerretDB at \/nowhere\/ferretdb \(FERRETDB_BIN\)\. Gabarit needs a MongoDB-compatible database/,
      );
    } finally {
      process.env['PATH'] = path;
    }
  });
});
