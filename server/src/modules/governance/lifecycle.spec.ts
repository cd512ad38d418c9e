import { describe, expect, it } from '@jest/globals';
import { checksumOf } from '../../common/json/canonical.js';
import { draftEtag } from './etag.js';
import { Lifecycle } from './lifecycle.js';
import { versionInForce } from './publications.js';
import type { ResourceState } from './versioned-resource.js';

type Content = { threshold: number };
const lifecycle = new Lifecycle<{ name: string }, Content>('ruleset', 'rule set');
const t0 = new Date('2026-03-01T09:00:00Z');
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

function publishedV1(): ResourceState<{ name: string }, Content> {
  let s = lifecycle.create('invoices', { name: 'Factures' }, { threshold: 10000 }, 'analyst', t0).state;
  s = lifecycle.submit(s, 1, 'analyst', undefined, later(1)).state;
  s = lifecycle.approve(s, 1, 'approver', 'ok', later(2)).state;
  return lifecycle.publish(s, 1, 'approver', { requiresTestRun: false }, later(3)).state;
}

/** Version 1 in force; versions 2 and 3 both written from it, both approved. */
function twoApprovedFromV1(): ResourceState<{ name: string }, Content> {
  let s = publishedV1();
  const draft = (content: Content, at: Date) => lifecycle.editDraft(s, content, draftEtag('ruleset', s), 'analyst', at);
  s = draft({ threshold: 2 }, later(5)).state;
  s = lifecycle.submit(s, 2, 'analyst', undefined, later(6)).state;
  s = draft({ threshold: 3 }, later(7)).state;
  s = lifecycle.submit(s, 3, 'analyst', undefined, later(8)).state;
  s = lifecycle.approve(s, 2, 'approver', undefined, later(9)).state;
  return lifecycle.approve(s, 3, 'approver', undefined, later(9)).state;
}

describe('Lifecycle', () => {
  it('walks draft → in review → approved → published, freezing the content by checksum', () => {
    const created = lifecycle.create('invoices', { name: 'Factures' }, { threshold: 10000 }, 'analyst', t0);
    const submitted = lifecycle.submit(created.state, 1, 'analyst', 'prêt', later(1));
    expect(submitted.frozenContent?.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(submitted.state.draft).toBeNull();
    const approved = lifecycle.approve(submitted.state, 1, 'approver', undefined, later(2));
    expect(approved.state.versions[0]).toMatchObject({
      status: 'approved',
      approvalChecksum: submitted.frozenContent?.checksum,
    });
    const published = lifecycle.publish(approved.state, 1, 'approver', { requiresTestRun: false }, later(3));
    expect(published.state.versions[0]?.status).toBe('published');
    expect(versionInForce(published.state.publications, later(4))).toBe(1);
    expect(published.events.map((e) => e.action)).toEqual(['ruleset.published']);
  });

  it('refuses approval or rejection by an author (four eyes)', () => {
    let s = lifecycle.create('invoices', { name: 'F' }, { threshold: 1 }, 'analyst', t0).state;
    s = lifecycle.editDraft(s, { threshold: 2 }, draftEtag('ruleset', s), 'approver', later(1)).state;
    s = lifecycle.submit(s, 1, 'analyst', undefined, later(2)).state;
    expect(() => lifecycle.approve(s, 1, 'approver', undefined, later(3))).toThrow(/four-eyes/);
    expect(() => lifecycle.reject(s, 1, 'analyst', 'non', later(3), { threshold: 2 })).toThrow(/four-eyes/);
    expect(() => lifecycle.approve(s, 1, 'risk-approver', undefined, later(3))).not.toThrow();
  });

  it('guards draft edits with the ETag and starts a new draft from the version in force', () => {
    const s = publishedV1();
    expect(() => lifecycle.editDraft(s, { threshold: 12000 }, undefined, 'analyst', later(5))).toThrow(/If-Match/);
    expect(() => lifecycle.editDraft(s, { threshold: 12000 }, `"ruleset:${s.key}:v1:r1"`, 'analyst', later(5))).toThrow(
      /changed by someone else/,
    );
    // Another rule set's ETag is said to be that, not a change by someone else.
    expect(() =>
      lifecycle.editDraft(s, { threshold: 12000 }, '"ruleset:other:nodraft:n2"', 'analyst', later(5)),
    ).toThrow(/holds the ETag of ruleset "other", not of this resource/);
    const edited = lifecycle.editDraft(s, { threshold: 12000 }, draftEtag('ruleset', s), 'analyst2', later(5), {
      threshold: 10000,
    });
    expect(edited.state.draft).toMatchObject({ version: 2, content: { threshold: 12000 } });
    expect(edited.state.versions[1]).toMatchObject({ number: 2, status: 'draft', basedOn: 1, authors: ['analyst2'] });
    const stale = draftEtag('ruleset', s);
    expect(() => lifecycle.editDraft(edited.state, { threshold: 13000 }, stale, 'analyst', later(6))).toThrow(
      /changed by someone else/,
    );
  });

  it('refuses a new draft from an ETag read before a publication or a rollback: it would undo that change', () => {
    let s = twoApprovedFromV1();
    const readWithV1InForce = draftEtag('ruleset', s, later(10));
    s = lifecycle.publish(s, 2, 'approver', { requiresTestRun: false }, later(11)).state;
    expect(() => lifecycle.editDraft(s, { threshold: 1 }, readWithV1InForce, 'analyst', later(12))).toThrow(
      /changed by someone else/,
    );
    const readWithV2InForce = draftEtag('ruleset', s, later(12));
    s = lifecycle.rollback(s, { version: 1, comment: 'retour' }, 'approver', later(13)).state;
    expect(() => lifecycle.editDraft(s, { threshold: 1 }, readWithV2InForce, 'analyst', later(14))).toThrow(
      /changed by someone else/,
    );
    // Read again, the tag names version 1 in force, and a draft starts from it.
    const edited = lifecycle.editDraft(s, { threshold: 1 }, draftEtag('ruleset', s, later(14)), 'analyst', later(14));
    expect(edited.state.versions.at(-1)).toMatchObject({ status: 'draft', basedOn: 1 });
  });

  it('refuses to publish what was not approved, or approved content that has tests without a passing run', () => {
    let s = lifecycle.create('x', { name: 'x' }, { threshold: 1 }, 'analyst', t0).state;
    expect(() => lifecycle.publish(s, 1, 'approver', { requiresTestRun: false }, later(1))).toThrow(
      /only a version that is approved/,
    );
    s = lifecycle.submit(s, 1, 'analyst', undefined, later(1)).state;
    s = lifecycle.approve(s, 1, 'approver', undefined, later(2)).state;
    expect(() => lifecycle.publish(s, 1, 'approver', { requiresTestRun: true }, later(3))).toThrow(
      expect.objectContaining({ code: 'tests_not_passed' }),
    );
    const checksum = s.versions[0]!.checksum!;
    const failing = lifecycle.recordTestRun(s, 1, { checksum, passed: 3, failed: 1 }, 'analyst', later(3)).state;
    expect(() => lifecycle.publish(failing, 1, 'approver', { requiresTestRun: true }, later(4))).toThrow(
      expect.objectContaining({
        code: 'tests_failed',
        message: expect.stringMatching(/^1 of version 1's test cases fail/),
      }),
    );
    const passing = lifecycle.recordTestRun(s, 1, { checksum, passed: 4, failed: 0 }, 'analyst', later(3)).state;
    expect(
      lifecycle.publish(passing, 1, 'approver', { requiresTestRun: true }, later(4)).state.versions[0]?.status,
    ).toBe('published');
  });

  it('drops a draft’s test run once the draft holds other content, and keeps it when saved unchanged', () => {
    let s = publishedV1();
    const draft = (content: Content, at: Date) =>
      lifecycle.editDraft(s, content, draftEtag('ruleset', s), 'analyst', at);
    s = draft({ threshold: 2 }, later(5)).state;
    const run = { checksum: checksumOf({ threshold: 2 }), passed: 90, failed: 0 };
    s = lifecycle.recordTestRun(s, 2, run, 'analyst', later(6)).state;
    s = draft({ threshold: 2 }, later(7)).state;
    expect(s.versions.find((v) => v.number === 2)?.testRun).toMatchObject(run);
    s = draft({ threshold: 3 }, later(8)).state;
    expect(s.versions.find((v) => v.number === 2)).not.toHaveProperty('testRun');
  });

  it('refuses to publish a version written from one that another has replaced since: it would undo that one', () => {
    let s = publishedV1();
    const draft = (content: Content, at: Date) =>
      lifecycle.editDraft(s, content, draftEtag('ruleset', s), 'analyst', at);
    s = draft({ threshold: 2 }, later(5)).state; // v2 from v1
    s = lifecycle.submit(s, 2, 'analyst', undefined, later(6)).state;
    s = draft({ threshold: 3 }, later(7)).state; // v3 from v1 too, while v2 is in review
    s = lifecycle.submit(s, 3, 'analyst', undefined, later(8)).state;
    s = lifecycle.approve(s, 3, 'approver', undefined, later(9)).state;
    s = lifecycle.publish(s, 3, 'approver', { requiresTestRun: false }, later(10)).state;
    s = lifecycle.approve(s, 2, 'approver', undefined, later(11)).state;
    expect(() => lifecycle.publish(s, 2, 'approver', { requiresTestRun: false }, later(12))).toThrow(
      expect.objectContaining({
        code: 'stale_base',
        message: expect.stringContaining('written from version 1, but version 3 is in force now'),
      }),
    );
    // Back on version 1 (a rollback), version 2 is what its approver read against: it may be published.
    s = lifecycle.rollback(s, { version: 1, comment: 'retour' }, 'approver', later(13)).state;
    expect(lifecycle.publish(s, 2, 'approver', { requiresTestRun: false }, later(14)).state.versions[1]?.status).toBe(
      'published',
    );
  });

  it('publishes, after the first, a second version begun before anything was in force: it was written from the first', () => {
    let s = lifecycle.create('nouveau', { name: 'N' }, { threshold: 1 }, 'analyst', t0).state;
    s = lifecycle.submit(s, 1, 'analyst', undefined, later(1)).state;
    s = lifecycle.editDraft(s, { threshold: 2 }, draftEtag('ruleset', s), 'analyst', later(2)).state;
    expect(s.versions[1]).toMatchObject({ number: 2, basedOn: 1 });
    s = lifecycle.submit(s, 2, 'analyst', undefined, later(3)).state;
    for (const n of [1, 2]) {
      s = lifecycle.approve(s, n, 'approver', undefined, later(4)).state;
      s = lifecycle.publish(s, n, 'approver', { requiresTestRun: false }, later(5 + n)).state;
    }
    expect(versionInForce(s.publications, later(8))).toBe(2);
  });

  it('refuses to schedule a version where another will be in force by then, written from an older one', () => {
    let s = twoApprovedFromV1();
    const inADay = later(24 * 60).toISOString();
    s = lifecycle.publish(s, 2, 'approver', { requiresTestRun: false, effectiveFrom: inADay }, later(10)).state;
    expect(() =>
      lifecycle.publish(
        s,
        3,
        'approver',
        { requiresTestRun: false, effectiveFrom: later(48 * 60).toISOString() },
        later(11),
      ),
    ).toThrow(
      expect.objectContaining({ code: 'stale_base', message: expect.stringContaining('version 2 is in force from') }),
    );
  });

  it('schedules a future publication and retires the previous version once it takes over', () => {
    let s = publishedV1();
    s = lifecycle.editDraft(s, { threshold: 12000 }, draftEtag('ruleset', s), 'analyst', later(10)).state;
    s = lifecycle.submit(s, 2, 'analyst', undefined, later(11)).state;
    s = lifecycle.approve(s, 2, 'approver', undefined, later(12)).state;
    const from = '2026-04-01T00:00:00.000Z';
    s = lifecycle.publish(s, 2, 'approver', { effectiveFrom: from, requiresTestRun: false }, later(13)).state;
    expect(versionInForce(s.publications, later(14))).toBe(1);
    expect(versionInForce(s.publications, new Date('2026-04-02T00:00:00Z'))).toBe(2);
    expect(s.versions.map((v) => v.status)).toEqual(['published', 'published']);
    expect(() => lifecycle.publish(s, 2, 'approver', { requiresTestRun: false }, later(15))).toThrow(/is published/);
  });

  it('refuses to publish now what a version scheduled later would undo, until that schedule is withdrawn', () => {
    let s = twoApprovedFromV1();
    const inADay = later(24 * 60).toISOString();
    s = lifecycle.publish(s, 2, 'approver', { requiresTestRun: false, effectiveFrom: inADay }, later(10)).state;
    // Both were written from version 1: version 3 now, then version 2 tomorrow, would lose version 3's change.
    expect(() => lifecycle.publish(s, 3, 'approver', { requiresTestRun: false }, later(11))).toThrow(
      expect.objectContaining({
        code: 'scheduled_later',
        message: expect.stringContaining(`Version 2 is scheduled to take effect from ${inADay}`),
      }),
    );
    const withdrawn = lifecycle.unschedule(s, 2, 'approver2', 'Remplacée par la version 3', later(12));
    expect(withdrawn.state.publications.map((p) => p.version)).toEqual([1]);
    expect(withdrawn.state.versions[1]).toMatchObject({ status: 'approved', approvalChecksum: expect.any(String) });
    expect(withdrawn.state.versions[1]).not.toHaveProperty('publishedAt');
    expect(withdrawn.state.versions[1]?.comments.at(-1)).toMatchObject({ action: 'unschedule', by: 'approver2' });
    expect(withdrawn.events[0]).toMatchObject({
      action: 'ruleset.unscheduled',
      reason: 'Remplacée par la version 3',
      summary: { before: { effectiveFrom: [inADay] }, after: { status: 'approved' } },
    });
    s = lifecycle.publish(withdrawn.state, 3, 'approver', { requiresTestRun: false }, later(13)).state;
    expect(versionInForce(s.publications, later(3 * 24 * 60))).toBe(3);
  });

  const loadFile = (state: ResourceState<{ name: string }, Content> | null, threshold: number, at: Date) =>
    lifecycle.importPublished(state, 'invoices', { name: 'Factures' }, { threshold }, 'seed', 'rulesets/f.json', at);

  it('does not load reviewed content from a file over a version scheduled later, which would undo it', () => {
    let s = loadFile(null, 10000, t0)!.state;
    s = lifecycle.editDraft(s, { threshold: 2 }, draftEtag('ruleset', s, later(5)), 'analyst', later(5)).state;
    s = lifecycle.submit(s, 2, 'analyst', undefined, later(6)).state;
    s = lifecycle.approve(s, 2, 'approver', undefined, later(7)).state;
    const inADay = later(24 * 60).toISOString();
    s = lifecycle.publish(s, 2, 'approver', { requiresTestRun: false, effectiveFrom: inADay }, later(10)).state;
    expect(() => loadFile(s, 7, later(11))).toThrow(expect.objectContaining({ code: 'scheduled_later' }));
    const withdrawn = lifecycle.unschedule(s, 2, 'approver', 'Le fichier revu la remplace', later(11)).state;
    expect(loadFile(withdrawn, 7, later(11))?.state.versions.at(-1)).toMatchObject({ number: 3, status: 'published' });
  });

  it('does not load a file over a version a person put in force since: the file is stale, it would undo it', () => {
    let s = loadFile(null, 10000, t0)!.state;
    expect(loadFile(s, 10000, later(1))).toBeNull(); // the same file again: nothing new
    s = lifecycle.editDraft(s, { threshold: 2 }, draftEtag('ruleset', s, later(5)), 'analyst', later(5)).state;
    s = lifecycle.submit(s, 2, 'analyst', undefined, later(6)).state;
    s = lifecycle.approve(s, 2, 'approver', undefined, later(7)).state;
    s = lifecycle.publish(s, 2, 'approver', { requiresTestRun: false }, later(8)).state;
    expect(() => loadFile(s, 10000, later(9))).toThrow(
      expect.objectContaining({
        code: 'stale_base',
        message: expect.stringMatching(/^Version 2 is in force, published by approver/),
      }),
    );
    // A rollback by a person is a choice made in the console too.
    const back = lifecycle.rollback(s, { version: 1, comment: 'Retour' }, 'approver', later(10)).state;
    expect(() => loadFile(back, 11000, later(11))).toThrow(expect.objectContaining({ code: 'stale_base' }));
    // The file brought up to date with the version in force loads as nothing new.
    expect(loadFile(s, 2, later(9))).toBeNull();
  });

  it('schedules a version written from the one in force: it undoes nothing', () => {
    let s = publishedV1();
    s = lifecycle.editDraft(s, { threshold: 2 }, draftEtag('ruleset', s), 'analyst', later(5)).state;
    s = lifecycle.submit(s, 2, 'analyst', undefined, later(6)).state;
    s = lifecycle.approve(s, 2, 'approver', undefined, later(7)).state;
    s = lifecycle.publish(s, 2, 'approver', { requiresTestRun: false }, later(8)).state;
    s = lifecycle.editDraft(s, { threshold: 3 }, draftEtag('ruleset', s), 'analyst', later(9)).state;
    s = lifecycle.submit(s, 3, 'analyst', undefined, later(10)).state;
    s = lifecycle.approve(s, 3, 'approver', undefined, later(11)).state;
    const inADay = later(24 * 60).toISOString();
    s = lifecycle.publish(s, 3, 'approver', { requiresTestRun: false, effectiveFrom: inADay }, later(12)).state;
    expect(versionInForce(s.publications, later(2 * 24 * 60))).toBe(3);
  });

  it('lets a publication whose window ends before a later schedule starts go ahead: nothing is undone', () => {
    let s = twoApprovedFromV1();
    const inAMonth = later(30 * 24 * 60).toISOString();
    s = lifecycle.publish(s, 2, 'approver', { requiresTestRun: false, effectiveFrom: inAMonth }, later(10)).state;
    const aWeek = later(7 * 24 * 60).toISOString();
    s = lifecycle.publish(s, 3, 'approver', { requiresTestRun: false, effectiveTo: aWeek }, later(11)).state;
    expect(
      [later(12), later(8 * 24 * 60), later(31 * 24 * 60)].map((at) => versionInForce(s.publications, at)),
    ).toEqual([3, 1, 2]);
  });

  it('publishes now the version a later schedule was written from', () => {
    // Nothing in force: version 2, written from version 1, is scheduled; version 1 may still go first.
    let s = lifecycle.create('seq', { name: 'S' }, { threshold: 1 }, 'analyst', t0).state;
    s = lifecycle.submit(s, 1, 'analyst', undefined, later(1)).state;
    s = lifecycle.editDraft(s, { threshold: 2 }, draftEtag('ruleset', s), 'analyst', later(2)).state;
    s = lifecycle.submit(s, 2, 'analyst', undefined, later(3)).state;
    s = lifecycle.approve(s, 1, 'approver', undefined, later(4)).state;
    s = lifecycle.approve(s, 2, 'approver', undefined, later(4)).state;
    const tomorrow = later(24 * 60).toISOString();
    s = lifecycle.publish(s, 2, 'approver', { requiresTestRun: false, effectiveFrom: tomorrow }, later(5)).state;
    s = lifecycle.publish(s, 1, 'approver', { requiresTestRun: false }, later(6)).state;
    expect([later(7), later(2 * 24 * 60)].map((at) => versionInForce(s.publications, at))).toEqual([1, 2]);
  });

  it('refuses to withdraw a schedule within a minute of its date: other instances may apply it already', () => {
    let s = publishedV1();
    s = lifecycle.editDraft(s, { threshold: 2 }, draftEtag('ruleset', s), 'analyst', later(5)).state;
    s = lifecycle.submit(s, 2, 'analyst', undefined, later(6)).state;
    s = lifecycle.approve(s, 2, 'approver', undefined, later(7)).state;
    s = lifecycle.publish(
      s,
      2,
      'approver',
      { requiresTestRun: false, effectiveFrom: later(60).toISOString() },
      later(8),
    ).state;
    const soon = new Date(later(60).getTime() - 30_000);
    expect(() => lifecycle.unschedule(s, 2, 'approver', 'trop tard', soon)).toThrow(/too late to withdraw/);
    expect(lifecycle.unschedule(s, 2, 'approver', 'à temps', later(58)).state.publications).toHaveLength(1);
  });

  it('withdraws only a publication still waiting; a version only scheduled cannot be rolled back to', () => {
    const s = publishedV1();
    expect(() => lifecycle.unschedule(s, 1, 'approver', 'non', later(5))).toThrow(
      expect.objectContaining({ code: 'invalid_transition', message: expect.stringContaining('it is in force') }),
    );
    let t = lifecycle.editDraft(s, { threshold: 2 }, draftEtag('ruleset', s), 'analyst', later(5)).state;
    expect(() => lifecycle.unschedule(t, 2, 'approver', 'non', later(6))).toThrow(/it is draft/);
    t = lifecycle.submit(t, 2, 'analyst', undefined, later(6)).state;
    t = lifecycle.approve(t, 2, 'approver', undefined, later(7)).state;
    t = lifecycle.publish(
      t,
      2,
      'approver',
      { requiresTestRun: false, effectiveFrom: later(60).toISOString() },
      later(8),
    ).state;
    // Never in force, it is not "rolled back to": that would publish it now, around its schedule.
    expect(() => lifecycle.rollback(t, { version: 2, comment: 'tout de suite' }, 'approver', later(9))).toThrow(
      expect.objectContaining({ code: 'invalid_transition', message: expect.stringContaining('never been in force') }),
    );
    const withdrawn = lifecycle.unschedule(t, 2, 'approver', 'pas encore', later(10)).state;
    expect(withdrawn.versions.map((v) => v.status)).toEqual(['published', 'approved']);
    expect(versionInForce(withdrawn.publications, later(120))).toBe(1);
    // Past its date, the publication is no longer waiting.
    expect(() => lifecycle.unschedule(t, 2, 'approver', 'trop tard', later(61))).toThrow(/no publication waiting/);
  });

  it('rolls back to an earlier published version, with a reason, and only to one', () => {
    let s = publishedV1();
    s = lifecycle.editDraft(s, { threshold: 12000 }, draftEtag('ruleset', s), 'analyst', later(10)).state;
    s = lifecycle.submit(s, 2, 'analyst', undefined, later(11)).state;
    s = lifecycle.approve(s, 2, 'approver', undefined, later(12)).state;
    s = lifecycle.publish(s, 2, 'approver', { requiresTestRun: false }, later(13)).state;
    expect(s.versions.map((v) => v.status)).toEqual(['retired', 'published']);
    const rolled = lifecycle.rollback(s, { version: 1, comment: 'Seuil trop élevé' }, 'approver', later(20));
    expect(versionInForce(rolled.state.publications, later(21))).toBe(1);
    expect(rolled.state.versions.map((v) => v.status)).toEqual(['published', 'retired']);
    expect(rolled.events[0]).toMatchObject({
      action: 'ruleset.rolled_back',
      reason: 'Seuil trop élevé',
      summary: { before: { activeVersion: 2 }, after: { activeVersion: 1 } },
    });
    expect(() => lifecycle.rollback(rolled.state, { version: 1, comment: 'again' }, 'approver', later(22))).toThrow(
      /already the version in force/,
    );
    expect(() => lifecycle.rollback(rolled.state, { version: 9, comment: 'nope' }, 'approver', later(22))).toThrow(
      /no version 9/,
    );
  });

  it('refuses a rollback decided on a page that showed another version in force', () => {
    let s = publishedV1();
    s = lifecycle.editDraft(s, { threshold: 12000 }, draftEtag('ruleset', s), 'analyst', later(10)).state;
    s = lifecycle.submit(s, 2, 'analyst', undefined, later(11)).state;
    s = lifecycle.approve(s, 2, 'approver', undefined, later(12)).state;
    // The approver read the page while version 1 was in force; version 2 was published before the rollback came.
    const published = lifecycle.publish(s, 2, 'approver', { requiresTestRun: false }, later(13)).state;
    const stale = { version: 1, comment: 'Retour', from: 1 };
    expect(() => lifecycle.rollback(published, stale, 'approver', later(14))).toThrow(
      expect.objectContaining({
        code: 'concurrent_publication',
        details: [expect.objectContaining({ path: '/from', params: { inForce: 2 } })],
      }),
    );
    const seen = lifecycle.rollback(published, { ...stale, from: 2 }, 'approver', later(14));
    expect(versionInForce(seen.state.publications, later(15))).toBe(1);
  });

  it('sends a rejected version back to draft with its content and the reason', () => {
    let s = lifecycle.create('x', { name: 'x' }, { threshold: 1 }, 'analyst', t0).state;
    s = lifecycle.submit(s, 1, 'analyst', undefined, later(1)).state;
    expect(() => lifecycle.reject(s, 1, 'approver', '  ', later(2), { threshold: 1 })).toThrow(/why/);
    expect(() => lifecycle.reject(s, 1, 'approver', '\u200B\u202E', later(2), { threshold: 1 })).toThrow(/why/);
    const rejected = lifecycle.reject(s, 1, 'approver', 'Seuil manquant', later(2), { threshold: 1 }).state;
    expect(rejected.draft).toMatchObject({ version: 1, content: { threshold: 1 } });
    expect(rejected.versions[0]).toMatchObject({ status: 'draft', rejectedBy: 'approver' });
    expect(rejected.versions[0]?.checksum).toBeUndefined();
  });

  it('never gives a reopened draft an ETag its earlier draft had: a stale editor cannot overwrite the correction', () => {
    let s = lifecycle.create('x', { name: 'x' }, { threshold: 1 }, 'analyst', t0).state;
    const staleEtag = draftEtag('ruleset', s); // a second analyst opened the draft here
    s = lifecycle.editDraft(s, { threshold: 500 }, staleEtag, 'analyst', later(1)).state;
    s = lifecycle.submit(s, 1, 'analyst', undefined, later(2)).state;
    s = lifecycle.reject(s, 1, 'approver', 'Seuil trop bas', later(3), { threshold: 500 }).state;
    expect(draftEtag('ruleset', s)).not.toBe(staleEtag);
    expect(() => lifecycle.editDraft(s, { threshold: 999 }, staleEtag, 'analyst2', later(4))).toThrow(
      /changed by someone else/,
    );
  });

  it('decides on the content the approver read: a version changed and submitted again since is refused', () => {
    let s = lifecycle.create('x', { name: 'x' }, { threshold: 100 }, 'analyst', t0).state;
    s = lifecycle.submit(s, 1, 'analyst', undefined, later(1)).state;
    const read = s.versions[0]!.checksum!;
    s = lifecycle.reject(s, 1, 'approver2', 'Coquille', later(2), { threshold: 100 }).state;
    s = lifecycle.editDraft(s, { threshold: 999999 }, draftEtag('ruleset', s), 'analyst', later(3)).state;
    s = lifecycle.submit(s, 1, 'analyst', undefined, later(4)).state;
    for (const decide of [
      () => lifecycle.approve(s, 1, 'approver', 'vu', later(5), read),
      () => lifecycle.reject(s, 1, 'approver', 'non', later(5), { threshold: 999999 }, read),
    ])
      expect(decide).toThrow(expect.objectContaining({ code: 'reviewed_content_changed' }));
    const current = s.versions[0]!.checksum!;
    expect(lifecycle.approve(s, 1, 'approver', 'vu', later(5), current).state.versions[0]).toMatchObject({
      status: 'approved',
      approvalChecksum: current,
    });
  });

  it('refuses to approve or reject a version of an archived resource', () => {
    let s = lifecycle.create('x', { name: 'x' }, { threshold: 1 }, 'analyst', t0).state;
    s = lifecycle.submit(s, 1, 'analyst', undefined, later(1)).state;
    s = lifecycle.archive(s, 'admin', undefined, later(2)).state;
    expect(() => lifecycle.approve(s, 1, 'approver', undefined, later(3))).toThrow(
      expect.objectContaining({ code: 'archived' }),
    );
    expect(() => lifecycle.reject(s, 1, 'approver', 'non', later(3), { threshold: 1 })).toThrow(
      expect.objectContaining({ code: 'archived' }),
    );
  });
});
