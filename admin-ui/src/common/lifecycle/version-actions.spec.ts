import { describe, expect, it } from 'vitest';
import { rollbackCandidates, versionActions } from './version-actions';

describe('versionActions', () => {
  it('offers submit to analysts on drafts only', () => {
    expect(versionActions({ number: 1, status: 'draft', authors: ['ana'] }, { id: 'ana', roles: ['analyst'] })).toEqual(
      [{ action: 'submit' }],
    );
    expect(
      versionActions({ number: 1, status: 'draft', authors: ['ana'] }, { id: 'appro', roles: ['approver'] }),
    ).toEqual([]);
  });

  it('disables approve and reject for an approver who wrote the version, saying why', () => {
    const own = versionActions(
      { number: 2, status: 'in_review', authors: ['both'] },
      { id: 'both', roles: ['analyst', 'approver'] },
    );
    expect(own).toEqual([
      { action: 'approve', disabledReason: 'gabarit.lifecycle.four_eyes' },
      { action: 'reject', disabledReason: 'gabarit.lifecycle.four_eyes' },
    ]);
    expect(
      versionActions({ number: 2, status: 'in_review', authors: ['ana'] }, { id: 'appro', roles: ['approver'] }),
    ).toEqual([{ action: 'approve' }, { action: 'reject' }]);
  });

  it('offers publish on approved versions to approvers, nothing to risk officers', () => {
    expect(
      versionActions({ number: 3, status: 'approved', authors: ['ana'] }, { id: 'appro', roles: ['approver'] }),
    ).toEqual([{ action: 'publish' }]);
    expect(versionActions({ number: 3, status: 'approved', authors: ['ana'] }, { id: 'r', roles: ['risk'] })).toEqual(
      [],
    );
  });

  it('disables publish while the tests of this exact content fail, as the API would refuse it', () => {
    const approved = { number: 3, status: 'approved' as const, authors: ['ana'], checksum: 'c3' };
    const approver = { id: 'appro', roles: ['approver'] };
    expect(versionActions({ ...approved, testRun: { checksum: 'c3', passed: 74, failed: 2 } }, approver)).toEqual([
      { action: 'publish', disabledReason: 'gabarit.lifecycle.tests_fail' },
    ]);
    // A run on other content says nothing of this one: the API decides, on publishing.
    expect(versionActions({ ...approved, testRun: { checksum: 'c2', passed: 74, failed: 2 } }, approver)).toEqual([
      { action: 'publish' },
    ]);
  });

  it('disables publish over a version put in force since this one was written, naming both', () => {
    const approver = { id: 'appro', roles: ['approver'] };
    const fromOne = { number: 2, status: 'approved' as const, authors: ['ana'], basedOn: 1 };
    expect(versionActions(fromOne, approver, 3)).toEqual([
      {
        action: 'publish',
        disabledReason: 'gabarit.lifecycle.stale_base',
        reasonArgs: { version: 2, base: 1, inForce: 3, smart_count: 1 },
      },
    ]);
    expect(versionActions(fromOne, approver, 1)).toEqual([{ action: 'publish' }]);
    // Written when nothing was in force: the wording's second form.
    const fromNothing = { number: 2, status: 'approved' as const, authors: ['ana'] };
    expect(versionActions(fromNothing, approver, 1)[0]!.reasonArgs).toMatchObject({ base: '—', smart_count: 2 });
    // Nothing in force, or not known: nothing to undo that the page can tell.
    expect(versionActions(fromOne, approver, null)).toEqual([{ action: 'publish' }]);
    expect(versionActions(fromOne, approver)).toEqual([{ action: 'publish' }]);
  });
});

describe('rollbackCandidates', () => {
  const now = Date.parse('2026-12-04T12:00:00Z');
  const version = (number: number, status: 'published' | 'retired' | 'approved', effectiveFrom?: string) => ({
    number,
    status,
    authors: ['redactrice'],
    checksum: `sha256:${number}`,
    ...(effectiveFrom && { publications: [{ effectiveFrom }] }),
  });

  it('offers the versions that were in force once, never the one in force or one only scheduled for later', () => {
    const versions = [
      version(1, 'retired', '2026-01-05T14:00:00Z'),
      version(2, 'published', '2026-06-01T14:00:00Z'),
      version(3, 'published', '2027-01-15T13:00:00Z'),
      version(4, 'approved'),
    ];
    expect(rollbackCandidates(versions, 2, now).map((v) => [v.number, v.lastInForce])).toEqual([
      [1, '2026-01-05T14:00:00.000Z'],
    ]);
    expect(rollbackCandidates(versions.slice(1), 2, now)).toEqual([]);
  });
});
