import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { AppConfig } from '../../config/config.schema.js';
import { AuditAnchors } from './audit-anchors.js';

describe('AuditAnchors', () => {
  const made: string[] = [];
  afterEach(() => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('creates a data directory nothing else created (an external database and a given secret) and anchors there', () => {
    const parent = mkdtempSync(join(tmpdir(), 'anchors-'));
    made.push(parent);
    const dataDir = join(parent, 'not-yet', 'data');
    const anchors = new AuditAnchors({ dataDir } as AppConfig);
    anchors.note(3, 'abc');
    anchors.flush();
    expect(readFileSync(join(dataDir, 'audit-anchors.jsonl'), 'utf8')).toMatch(/^\{"seq":3,"head":"abc","at":"/);
    expect(anchors.all().map(({ seq, head }) => [seq, head])).toEqual([[3, 'abc']]);
  });
});
