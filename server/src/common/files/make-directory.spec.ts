import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { makeDirectory } from './make-directory.js';

describe('makeDirectory', () => {
  it('makes the missing folders of a path, and leaves one that exists', () => {
    const root = mkdtempSync(join(tmpdir(), 'gabarit-mkdir-'));
    makeDirectory(join(root, 'a', 'b', 'c'), 0o700);
    expect(statSync(join(root, 'a', 'b', 'c')).isDirectory()).toBe(true);
    expect(statSync(join(root, 'a', 'b', 'c')).mode & 0o777).toBe(0o700);
    expect(() => makeDirectory(join(root, 'a', 'b'))).not.toThrow();
  });

  it('answers the first refusal instead of trying again: under /proc, and under a file', () => {
    // Node's recursive mkdir never returns for a path under /proc; this returns with the system's answer.
    expect(() => makeDirectory('/proc/gabarit-test/data')).toThrow(/ENOENT|EACCES|EPERM/);
    const file = join(mkdtempSync(join(tmpdir(), 'gabarit-mkdir-')), 'plain-file');
    writeFileSync(file, '');
    expect(() => makeDirectory(join(file, 'below'))).toThrow(/ENOTDIR/);
  });
});
