import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { as, invoiceRuleset, signInCast, thresholdDefinition } from './support/rulesets.js';
import { AuditService } from '../src/modules/audit/audit.service.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('rule set lifecycle', () => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof signInCast>>;
  let analyst: ReturnType<typeof as>;
  let approver: ReturnType<typeof as>;
  beforeAll(async () => {
    t = await startTestApp('rulesets_lifecycle');
    cast = await signInCast(t);
    analyst = as(t, cast.analyst);
    approver = as(t, cast.approver);
  });
  afterAll(() => t.close());

  const etagOf = async (key: string) => (await analyst.get(`/api/v1/rulesets/${key}`)).headers['etag'] as string;

  /** Creates, submits, approves and publishes version 1. */
  async function published(key: string) {
    expect((await analyst.post('/api/v1/rulesets', invoiceRuleset(key))).status).toBe(201);
    expect((await analyst.post(`/api/v1/rulesets/${key}/versions/1/submit`)).status).toBe(200);
    expect((await approver.post(`/api/v1/rulesets/${key}/versions/1/approve`)).status).toBe(200);
    expect((await approver.post(`/api/v1/rulesets/${key}/versions/1/publish`)).status).toBe(200);
  }

  /** Drafts, submits and approves the next version with a new threshold; returns its number. */
  async function approvedNext(key: string, threshold: number): Promise<number> {
    const edited = await analyst.put(
      `/api/v1/rulesets/${key}/draft`,
      { definition: thresholdDefinition(threshold) },
      await etagOf(key),
    );
    expect(edited.status).toBe(200);
    const n = edited.body.draftVersion as number;
    expect((await analyst.post(`/api/v1/rulesets/${key}/versions/${n}/submit`)).status).toBe(200);
    expect((await approver.post(`/api/v1/rulesets/${key}/versions/${n}/approve`)).status).toBe(200);
    return n;
  }

  it('goes from an analyst draft to an approver publication, every step audited', async () => {
    const created = await analyst.post('/api/v1/rulesets', invoiceRuleset('invoices-path'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      key: 'invoices-path',
      version: 1,
      status: 'draft',
      draftVersion: 1,
      activeVersion: null,
      versions: [{ number: 1, status: 'draft', authors: ['analyst'] }],
    });

    const submitted = await analyst.post('/api/v1/rulesets/invoices-path/versions/1/submit', {
      comment: 'Prêt pour revue',
    });
    expect(submitted.body.versions[0]).toMatchObject({
      status: 'in_review',
      checksum: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const approved = await approver.post('/api/v1/rulesets/invoices-path/versions/1/approve', { comment: 'Conforme' });
    expect(approved.body.versions[0]).toMatchObject({
      status: 'approved',
      approvedBy: 'approver',
      approvalChecksum: submitted.body.versions[0].checksum,
    });
    const publishedView = await approver.post('/api/v1/rulesets/invoices-path/versions/1/publish', {
      comment: 'Mise en service',
    });
    expect(publishedView.body).toMatchObject({
      activeVersion: 1,
      draftVersion: null,
      versions: [{ status: 'published', inForce: true }],
    });

    const version = await analyst.get('/api/v1/rulesets/invoices-path/versions/1');
    expect(version.body.content.definition.rules[0].name).toBe('montant-eleve');
    const trail = await as(t, cast.risk).get('/api/v1/audit?resourceKey=invoices-path&sort=["seq","ASC"]');
    expect((trail.body as { action: string; actor: string }[]).map((e) => `${e.actor} ${e.action}`)).toEqual([
      'analyst ruleset.created',
      'analyst ruleset.submitted',
      'approver ruleset.approved',
      'approver ruleset.published',
    ]);
    expect(trail.body[3]).toMatchObject({
      version: 1,
      reason: 'Mise en service',
      summary: { before: { activeVersion: null }, after: { activeVersion: 1 } },
    });
  });

  it('refuses an approver who wrote the version (four eyes) and an analyst approving at all', async () => {
    await as(t, cast.admin).post('/api/v1/users', {
      username: 'double',
      displayName: 'Double rôle',
      password: 'double role password',
      roles: ['analyst', 'approver'],
    });
    const both = as(t, await t.login('double', 'double role password'));
    await both.post('/api/v1/rulesets', invoiceRuleset('four-eyes'));
    await both.post('/api/v1/rulesets/four-eyes/versions/1/submit');
    const own = await both.post('/api/v1/rulesets/four-eyes/versions/1/approve');
    expect(own.status).toBe(403);
    expect(own.body.error).toBe('four_eyes');
    expect(own.body.message).toContain('another approver');
    expect(own.body.details).toEqual([{ path: '/version', message: 'was written by double' }]);
    const byAnalyst = await analyst.post('/api/v1/rulesets/four-eyes/versions/1/approve');
    expect(byAnalyst.status).toBe(403);
    expect(byAnalyst.body.error).toBe('missing_role');
    expect((await analyst.get('/api/v1/rulesets/four-eyes')).body.versions[0].status).toBe('in_review');
    expect((await approver.post('/api/v1/rulesets/four-eyes/versions/1/approve')).status).toBe(200);
  });

  it('refuses to publish an unapproved version, and to roll back to a version that does not exist', async () => {
    await analyst.post('/api/v1/rulesets', invoiceRuleset('unapproved'));
    const draft = await approver.post('/api/v1/rulesets/unapproved/versions/1/publish');
    expect(draft.status).toBe(409);
    expect(draft.body.error).toBe('invalid_transition');
    await analyst.post('/api/v1/rulesets/unapproved/versions/1/submit');
    expect((await approver.post('/api/v1/rulesets/unapproved/versions/1/publish')).status).toBe(409);
    const missing = await approver.post('/api/v1/rulesets/unapproved/rollback', { version: 7, comment: 'retour' });
    expect(missing.status).toBe(404);
    expect(missing.body.details).toEqual([
      {
        path: '/version',
        message: 'does not exist (the latest is 1)',
        keyword: 'notFound',
        params: { what: 'version', latest: 1 },
      },
    ]);
    // A diff names the side that names no version.
    const diff = await approver.get('/api/v1/rulesets/unapproved/diff?from=1&to=9');
    expect([diff.status, diff.body.details?.[0]?.path]).toEqual([404, '/to']);
    const unknown = await approver.post('/api/v1/rulesets/nulle-part/versions/1/approve');
    expect([unknown.status, unknown.body.details]).toEqual([
      404,
      [{ path: '/key', message: 'names no rule set', keyword: 'notFound', params: { what: 'rule_set' } }],
    ]);
    const noComment = await approver.post('/api/v1/rulesets/unapproved/rollback', { version: 1 });
    expect(noComment.status).toBe(400);
    expect(noComment.body.details).toEqual([
      { path: '/comment', message: 'is required', keyword: 'required', params: { missingProperty: 'comment' } },
    ]);
    expect((await approver.post('/api/v1/rulesets/unapproved/versions/99/approve')).status).toBe(404);
    expect((await analyst.get('/api/v1/rulesets/unapproved')).body.versions[0].status).toBe('in_review');
  });

  it('sends a rejected version back to its authors with the reason', async () => {
    await analyst.post('/api/v1/rulesets', invoiceRuleset('rejected'));
    await analyst.post('/api/v1/rulesets/rejected/versions/1/submit');
    const noReason = await approver.post('/api/v1/rulesets/rejected/versions/1/reject', {});
    expect(noReason.status).toBe(400);
    const rejected = await approver.post('/api/v1/rulesets/rejected/versions/1/reject', {
      comment: 'Le seuil doit être 12 000 $',
    });
    expect(rejected.body).toMatchObject({
      draftVersion: 1,
      versions: [
        {
          status: 'draft',
          rejectedBy: 'approver',
          comments: [{ action: 'reject', text: 'Le seuil doit être 12 000 $' }],
        },
      ],
    });
    const fixed = await analyst.put(
      '/api/v1/rulesets/rejected/draft',
      { definition: thresholdDefinition(12000) },
      rejected.headers['etag'] ?? (await etagOf('rejected')),
    );
    expect(fixed.status).toBe(200);
    expect((await analyst.post('/api/v1/rulesets/rejected/versions/1/submit')).status).toBe(200);
  });

  it('says who drafts, and which version, when a rejection cannot send a version back to draft', async () => {
    await published('reject-drafting');
    const inReview = (
      await analyst.put(
        '/api/v1/rulesets/reject-drafting/draft',
        { definition: thresholdDefinition(2) },
        await etagOf('reject-drafting'),
      )
    ).body.draftVersion as number;
    await analyst.post(`/api/v1/rulesets/reject-drafting/versions/${inReview}/submit`);
    const next = await as(t, cast.analyst2).put(
      '/api/v1/rulesets/reject-drafting/draft',
      { definition: thresholdDefinition(3) },
      await etagOf('reject-drafting'),
    );
    const drafting = next.body.draftVersion as number;
    const refused = await approver.post(`/api/v1/rulesets/reject-drafting/versions/${inReview}/reject`, {
      comment: 'non',
    });
    expect([refused.status, refused.body.error]).toEqual([409, 'draft_exists']);
    expect(refused.body.message).toContain(`last saved by analyst2`);
    expect(refused.body.details).toEqual([
      {
        path: '/version',
        message: `cannot go back to draft while version ${drafting} is one`,
        keyword: 'draftExists',
        params: { draft: drafting, draftedBy: 'analyst2' },
      },
    ]);
  });

  it('approves only the content the approver read, and a draft reopened by a rejection takes no stale ETag', async () => {
    const analyst2 = as(t, cast.analyst2);
    await analyst.post('/api/v1/rulesets', invoiceRuleset('reread'));
    const staleEtag = await etagOf('reread'); // a second analyst opens the draft
    await analyst.put('/api/v1/rulesets/reread/draft', { definition: thresholdDefinition(500) }, staleEtag);
    const read = (await analyst.post('/api/v1/rulesets/reread/versions/1/submit')).body.versions[0].checksum as string;
    await approver.post('/api/v1/rulesets/reread/versions/1/reject', { comment: 'Coquille', checksum: read });
    const overwrite = await analyst2.put(
      '/api/v1/rulesets/reread/draft',
      { definition: thresholdDefinition(999) },
      staleEtag,
    );
    expect([overwrite.status, overwrite.body.error]).toEqual([412, 'stale_etag']);
    await analyst.put(
      '/api/v1/rulesets/reread/draft',
      { definition: thresholdDefinition(999999) },
      await etagOf('reread'),
    );
    await analyst.post('/api/v1/rulesets/reread/versions/1/submit');

    const blind = await approver.post('/api/v1/rulesets/reread/versions/1/approve', { comment: 'vu', checksum: read });
    expect(blind.status).toBe(409);
    expect(blind.body).toMatchObject({
      error: 'reviewed_content_changed',
      details: [{ path: '/checksum', message: expect.stringContaining('now holds') }],
    });
    const version = (await approver.get('/api/v1/rulesets/reread/versions/1')).body;
    expect([version.status, version.content.definition]).toEqual(['in_review', thresholdDefinition(999999)]);
    const approved = await approver.post('/api/v1/rulesets/reread/versions/1/approve', { checksum: version.checksum });
    expect(approved.body.versions[0]).toMatchObject({ status: 'approved', approvalChecksum: version.checksum });
  });

  it('submits only the draft the analyst read: a save by someone else since is refused with 409 draft_changed', async () => {
    await analyst.post('/api/v1/rulesets', invoiceRuleset('resubmit-read'));
    const read = (await analyst.get('/api/v1/rulesets/resubmit-read')).body.versions[0];
    expect(read).toMatchObject({ status: 'draft', revision: expect.any(Number) });
    await as(t, cast.analyst2).put(
      '/api/v1/rulesets/resubmit-read/draft',
      { definition: thresholdDefinition(777) },
      await etagOf('resubmit-read'),
    );

    const blind = await analyst.post('/api/v1/rulesets/resubmit-read/versions/1/submit', { revision: read.revision });
    expect(blind.status).toBe(409);
    expect(blind.body).toMatchObject({
      error: 'draft_changed',
      message: expect.stringContaining('analyst2'),
      details: [{ path: '/revision' }],
    });
    const now = (await analyst.get('/api/v1/rulesets/resubmit-read')).body.versions[0];
    expect([now.status, now.revision]).toEqual(['draft', read.revision + 1]);
    const submitted = await analyst.post('/api/v1/rulesets/resubmit-read/versions/1/submit', {
      revision: now.revision,
    });
    expect(submitted.body.versions[0]).toMatchObject({ status: 'in_review' });
    expect(submitted.body.versions[0].revision).toBeUndefined();
  });

  it('never loses a concurrent edit: one of two writers with the same ETag gets 412', async () => {
    await analyst.post('/api/v1/rulesets', invoiceRuleset('concurrent-edit'));
    const etag = await etagOf('concurrent-edit');
    const second = as(t, cast.analyst2);
    const results = await Promise.all([
      analyst.put('/api/v1/rulesets/concurrent-edit/draft', { definition: thresholdDefinition(11000) }, etag),
      second.put('/api/v1/rulesets/concurrent-edit/draft', { definition: thresholdDefinition(13000) }, etag),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    const winner = results.find((r) => r.status === 200)!;
    const loser = results.find((r) => r.status === 412)!;
    expect(loser.body.error).toBe('stale_etag');
    const stored = await analyst.get('/api/v1/rulesets/concurrent-edit/versions/1');
    const expected = winner === results[0] ? 11000 : 13000;
    expect(stored.body.content.definition.rules[0].conditions.all[0].value).toBe(expected);
    const noIfMatch = await analyst.put('/api/v1/rulesets/concurrent-edit/draft', {
      definition: thresholdDefinition(1),
    });
    expect([noIfMatch.status, noIfMatch.body.details]).toEqual([
      428,
      [{ path: '/headers/if-match', message: 'is required: send the ETag you read' }],
    ]);
    const otherResource = await analyst.put(
      '/api/v1/rulesets/concurrent-edit/draft',
      { definition: thresholdDefinition(1) },
      '"ruleset:invoices-path:nodraft:n2"',
    );
    expect(otherResource.status).toBe(412);
    // RFC 9110: a list of tags passes when one is current; a weak tag never does.
    const current = await etagOf('concurrent-edit');
    const draft = { definition: thresholdDefinition(12000) };
    expect((await analyst.put('/api/v1/rulesets/concurrent-edit/draft', draft, `W/${current}`)).status).toBe(412);
    expect((await analyst.put('/api/v1/rulesets/concurrent-edit/draft', draft, `${etag}, ${current}`)).status).toBe(
      200,
    );
  });

  it('refuses a draft or a rollback from a page read before a publication or a rollback, which would silently undo it', async () => {
    await published('stale-base-edit');
    const v2 = await approvedNext('stale-base-edit', 33);
    const readWithV1 = await etagOf('stale-base-edit');
    expect((await approver.post(`/api/v1/rulesets/stale-base-edit/versions/${v2}/publish`)).status).toBe(200);
    // The editor still holds version 1's rules: saved as they are, they would become version 3 and undo version 2.
    const fromV1 = { definition: thresholdDefinition(10000) };
    const stale = await analyst.put('/api/v1/rulesets/stale-base-edit/draft', fromV1, readWithV1);
    expect([stale.status, stale.body.error]).toEqual([412, 'stale_etag']);
    const readWithV2 = await etagOf('stale-base-edit');
    // A rollback decided on the page that showed version 1 in force would undo version 2 unseen: refused.
    const rollback = { version: 1, comment: 'Retour à la version 1' };
    const staleRollback = await approver.post('/api/v1/rulesets/stale-base-edit/rollback', { ...rollback, from: 1 });
    expect([staleRollback.status, staleRollback.body.error, staleRollback.body.details?.[0]?.path]).toEqual([
      409,
      'concurrent_publication',
      '/from',
    ]);
    const seen = await approver.post('/api/v1/rulesets/stale-base-edit/rollback', { ...rollback, from: v2 });
    expect(seen.status).toBe(200);
    const afterRollback = await analyst.put('/api/v1/rulesets/stale-base-edit/draft', fromV1, readWithV2);
    expect([afterRollback.status, afterRollback.body.error]).toEqual([412, 'stale_etag']);
    expect((await analyst.get('/api/v1/rulesets/stale-base-edit')).body.draftVersion).toBeNull();
  });

  it('archives a rule set that decides only by an approver who says why: not an admin alone, not without a reason', async () => {
    await published('archive-live');
    const admin = as(t, cast.admin);
    const byAdmin = await admin.post('/api/v1/rulesets/archive-live/archive', { comment: 'Ménage' });
    expect([byAdmin.status, byAdmin.body.error]).toEqual([403, 'missing_role']);
    const silent = await approver.post('/api/v1/rulesets/archive-live/archive', {});
    expect([silent.status, silent.body.details]).toEqual([
      400,
      [{ path: '/comment', message: 'is required to archive a rule set in force', keyword: 'required' }],
    ]);
    expect((await analyst.get('/api/v1/rulesets/archive-live')).body.archived).toBe(false);
    const said = await approver.post('/api/v1/rulesets/archive-live/archive', { comment: 'Remplacé par la table' });
    expect([said.status, said.body.archived]).toEqual([200, true]);
  });

  it('never leaves a mixed state when two publications of different versions arrive together', async () => {
    await published('race');
    const v2 = await approvedNext('race', 11000);
    const v3 = await approvedNext('race', 12000);
    const results = await Promise.all([
      approver.post(`/api/v1/rulesets/race/versions/${v2}/publish`),
      approver.post(`/api/v1/rulesets/race/versions/${v3}/publish`),
    ]);
    const statusesOf = (body: { versions: { number: number; status: string }[] }) =>
      Object.fromEntries(body.versions.map((v) => [v.number, v.status]));
    const state = (await analyst.get('/api/v1/rulesets/race')).body;
    // Both were written from version 1, so only one may take its place. The other is refused, whether it lost the
    // race to the same write (concurrent_publication) or came after it (stale_base: it would undo the winner).
    const codes = results.map((r) => r.status).sort();
    expect(codes).toEqual([200, 409]);
    expect(['concurrent_publication', 'stale_base']).toContain(results.find((r) => r.status === 409)!.body.error);
    const winner = results[0]!.status === 200 ? v2 : v3;
    const loser = winner === v2 ? v3 : v2;
    expect(state.activeVersion).toBe(winner);
    expect(statusesOf(state)).toEqual({ 1: 'retired', [winner]: 'published', [loser]: 'approved' });
    const stale = await approver.post(`/api/v1/rulesets/race/versions/${loser}/publish`);
    expect([stale.status, stale.body.error]).toEqual([409, 'stale_base']);
    expect(stale.body.details).toEqual([
      {
        path: '/version',
        message: `was written from version 1, not from version ${winner}`,
        keyword: 'staleBase',
        params: { basedOn: 1, inForce: winner },
      },
    ]);

    const again = await approvedNext('race', 13000); // written from the winner
    const same = await Promise.all([
      approver.post(`/api/v1/rulesets/race/versions/${again}/publish`),
      approver.post(`/api/v1/rulesets/race/versions/${again}/publish`),
    ]);
    // The same version twice: whichever way they interleave, it is published once.
    expect(same.map((r) => r.status).filter((s) => s === 200).length).toBeLessThanOrEqual(1);
    expect(same.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    const after = (await analyst.get('/api/v1/rulesets/race')).body;
    expect(Object.values(statusesOf(after)).filter((s) => s === 'published')).toHaveLength(1);
    expect(after.activeVersion).toBe(again);
  });

  it('schedules a future publication and rolls back with a reason', async () => {
    await published('scheduled');
    const v2 = await approvedNext('scheduled', 15000);
    const from = new Date(Date.now() + 30 * 86400_000).toISOString();
    const scheduled = await approver.post(`/api/v1/rulesets/scheduled/versions/${v2}/publish`, { effectiveFrom: from });
    expect(scheduled.body.activeVersion).toBe(1);
    expect(scheduled.body.scheduled).toMatchObject([{ version: v2, effectiveFrom: from }]);
    const badWindow = await approver.post(`/api/v1/rulesets/scheduled/versions/${v2}/publish`, {
      effectiveFrom: from,
      effectiveTo: from,
    });
    expect(badWindow.status).toBe(409); // already published: the window is not even considered

    const v3 = await approvedNext('scheduled', 20000);
    // Starting yesterday would rewrite what yesterday's decisions used: refused, nothing changes.
    const yesterday = new Date(Date.now() - 86400_000).toISOString();
    const backdated = await approver.post(`/api/v1/rulesets/scheduled/versions/${v3}/publish`, {
      effectiveFrom: yesterday,
    });
    expect(backdated.status).toBe(400);
    expect(backdated.body).toMatchObject({ error: 'effective_in_past', details: [{ path: '/effectiveFrom' }] });
    expect((await analyst.get('/api/v1/rulesets/scheduled')).body.activeVersion).toBe(1);
    // Version 2, written from version 1, would replace version 3 in 30 days and undo its change: refused until
    // the schedule is withdrawn, by an approver, with a reason.
    const undone = await approver.post(`/api/v1/rulesets/scheduled/versions/${v3}/publish`);
    expect([undone.status, undone.body.error]).toEqual([409, 'scheduled_later']);
    expect(undone.body.details).toMatchObject([{ path: '/version', params: { scheduled: v2, effectiveFrom: from } }]);
    expect(undone.body.message).toContain(`Version ${v2} is scheduled to take effect from ${from}`);
    expect((await analyst.post(`/api/v1/rulesets/scheduled/versions/${v2}/unschedule`, { comment: 'x' })).status).toBe(
      403,
    );
    // Never in force, a scheduled version is not "rolled back to" (that would publish it now, around its date).
    const around = await approver.post('/api/v1/rulesets/scheduled/rollback', { version: v2, comment: 'maintenant' });
    expect([around.status, around.body.error, around.body.details]).toEqual([
      409,
      'invalid_transition',
      [expect.objectContaining({ path: '/version', message: 'was never in force' })],
    ]);
    const noReason = await approver.post(`/api/v1/rulesets/scheduled/versions/${v2}/unschedule`, {});
    expect([noReason.status, noReason.body.details]).toEqual([400, [expect.objectContaining({ path: '/comment' })]]);
    const withdrawn = await approver.post(`/api/v1/rulesets/scheduled/versions/${v2}/unschedule`, {
      comment: 'Remplacée par la version 3',
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.scheduled).toEqual([]);
    expect(withdrawn.body.versions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ number: 1, status: 'published' }),
        expect.objectContaining({ number: v2, status: 'approved' }),
      ]),
    );
    const again = await approver.post(`/api/v1/rulesets/scheduled/versions/${v2}/unschedule`, { comment: 'encore' });
    expect([again.status, again.body.error]).toEqual([409, 'invalid_transition']);
    await approver.post(`/api/v1/rulesets/scheduled/versions/${v3}/publish`);
    expect((await analyst.get('/api/v1/rulesets/scheduled')).body.activeVersion).toBe(v3);
    const key = (await as(t, cast.admin).post('/api/v1/api-keys', { name: 'ERP', scopes: ['evaluate:scheduled'] })).body
      .key as string;
    const in31Days = await t.http
      .post('/api/v1/rulesets/scheduled/evaluate')
      .set('x-api-key', key)
      .send({ facts: { invoice: { total: 100 } }, asOf: new Date(Date.now() + 31 * 86400_000).toISOString() });
    expect([in31Days.status, in31Days.body.version]).toEqual([200, v3]);
    const rolledBack = await approver.post('/api/v1/rulesets/scheduled/rollback', {
      version: 1,
      comment: 'Trop de factures en révision',
    });
    expect(rolledBack.status).toBe(200);
    expect(rolledBack.body.activeVersion).toBe(1);
    const neverPublished = await approvedNext('scheduled', 1);
    const refused = await approver.post('/api/v1/rulesets/scheduled/rollback', {
      version: neverPublished,
      comment: 'x',
    });
    expect([refused.status, refused.body.details]).toEqual([
      409,
      [{ path: '/version', message: 'is approved', keyword: 'versionStatus', params: { status: 'approved' } }],
    ]);
    // The version in force is named so, where a client can word it.
    const inForce = await approver.post('/api/v1/rulesets/scheduled/rollback', { version: 1, comment: 'x' });
    expect([inForce.status, inForce.body.details]).toEqual([
      409,
      [{ path: '/version', message: 'is the version in force', keyword: 'inForce' }],
    ]);
  });

  it('answers a committed change as done when its audit write fails, and records the event shortly after', async () => {
    const audit = t.app.get(AuditService);
    const recordOnce = audit.recordOnce.bind(audit);
    // The audit store fails right after the change is stored (the change and its outbox are one write).
    audit.recordOnce = () => Promise.reject(new Error('audit store away'));
    const created = await analyst.post('/api/v1/rulesets', invoiceRuleset('audit-later'));
    audit.recordOnce = recordOnce;
    expect(created.status).toBe(201);
    expect((await analyst.post('/api/v1/rulesets', invoiceRuleset('audit-later'))).body.error).toBe('key_taken');
    const recorded = () =>
      t.db.collection('audit_events').countDocuments({ action: 'ruleset.created', resourceKey: 'audit-later' });
    for (let i = 0; i < 50 && (await recorded()) === 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await recorded()).toBe(1);
    expect((await as(t, cast.risk).get('/api/v1/audit/verify')).body.ok).toBe(true);
  });

  it('filters lists on the statuses as they are now: a scheduled publication that started retires the version before it', async () => {
    await published('sched-list');
    const v2 = await approvedNext('sched-list', 15000);
    const soon = new Date(Date.now() + 1500).toISOString();
    expect(
      (await approver.post(`/api/v1/rulesets/sched-list/versions/${v2}/publish`, { effectiveFrom: soon })).status,
    ).toBe(200);
    const keysWith = async (status: string) =>
      (
        (
          await analyst.get(
            `/api/v1/rulesets?filter=${encodeURIComponent(JSON.stringify({ status, q: 'sched-list' }))}`,
          )
        ).body as { key: string }[]
      ).map((r) => r.key);
    expect(await keysWith('retired')).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect((await analyst.get('/api/v1/rulesets/sched-list')).body.activeVersion).toBe(v2);
    // Version 1 is still stored as published; it is retired now, and the list says so.
    expect(await keysWith('retired')).toEqual(['sched-list']);
    expect(await keysWith('published')).toEqual(['sched-list']);
  });

  it('shows a structured diff a risk officer can read, including draft against the version in force', async () => {
    await published('diffed');
    await analyst.put(
      '/api/v1/rulesets/diffed/draft',
      { definition: thresholdDefinition(12000) },
      await etagOf('diffed'),
    );
    const diff = await as(t, cast.risk).get('/api/v1/rulesets/diffed/diff?from=active&to=draft');
    expect(diff.status).toBe(200);
    expect(diff.body).toMatchObject({ from: 1, to: 2 });
    expect(diff.body.changes).toEqual([
      expect.objectContaining({
        kind: 'changed',
        entity: 'rule',
        id: 'montant-eleve',
        path: '/definition/rules/0/conditions/all/0/value',
        before: 10000,
        after: 12000,
        summary: 'rule "montant-eleve" conditions/all/0/value: 10000 → 12000',
      }),
    ]);
    expect((await analyst.get('/api/v1/rulesets/diffed/diff?from=1&to=9')).status).toBe(404);
    expect((await analyst.get('/api/v1/rulesets/diffed/diff?from=../1&to=2')).status).toBe(400);
  });

  it('shows changes to computed facts and settings, which move or stop decisions without touching a rule', async () => {
    await published('diffed-facts');
    await analyst.put(
      '/api/v1/rulesets/diffed-facts/draft',
      {
        computedFacts: [{ name: 'seuil', expression: '12000' }],
        settings: { logDecisions: false },
      },
      await etagOf('diffed-facts'),
    );
    const diff = await as(t, cast.approver).get('/api/v1/rulesets/diffed-facts/diff?from=active&to=draft');
    expect(diff.status).toBe(200);
    expect(diff.body.changes).toEqual([
      expect.objectContaining({ kind: 'added', entity: 'computedFact', id: 'seuil', path: '/computedFacts/0' }),
      expect.objectContaining({
        kind: 'added',
        entity: 'setting',
        id: 'logDecisions',
        path: '/settings/logDecisions',
        after: false,
      }),
    ]);
  });

  it('reports a decision-table row inserted and moved', async () => {
    const table = (rows: string[]) => ({
      hitPolicy: 'first',
      inputs: [{ id: 'montant', fact: 'invoice', path: '$.total' }],
      rows: rows.map((id, i) => ({
        id,
        cells: { montant: { operator: 'greaterThanInclusive', value: (i + 1) * 1000 } },
        event: { type: 'route', params: { level: id } },
      })),
    });
    const created = await analyst.post('/api/v1/rulesets', {
      ...invoiceRuleset('routing'),
      format: 'decisionTable',
      definition: table(['bas', 'haut']),
    });
    expect(created.status).toBe(201);
    await analyst.put(
      '/api/v1/rulesets/routing/draft',
      { definition: table(['bas', 'moyen', 'haut']) },
      created.headers['etag'],
    );
    const diff = await analyst.get('/api/v1/rulesets/routing/diff?from=1&to=1');
    expect(diff.body.changes).toEqual([]);
    await analyst.post('/api/v1/rulesets/routing/versions/1/submit');
    await approver.post('/api/v1/rulesets/routing/versions/1/approve');
    await approver.post('/api/v1/rulesets/routing/versions/1/publish');
    await analyst.put(
      '/api/v1/rulesets/routing/draft',
      { definition: table(['haut', 'moyen', 'bas', 'urgent']) },
      await etagOf('routing'),
    );
    const summaries = (await analyst.get('/api/v1/rulesets/routing/diff?from=active&to=draft')).body.changes.map(
      (c: { summary: string }) => c.summary,
    );
    expect(summaries).toEqual(
      expect.arrayContaining(['row "urgent" added at position 4', 'row "haut" moved from position 3 to 1']),
    );
  });

  it('lists rule sets by pilot, status and text with Content-Range, and archives', async () => {
    await analyst.post('/api/v1/rulesets', {
      ...invoiceRuleset('enrolment-tree-list'),
      pilot: 'pilot-list',
      name: 'Adhésion test',
      format: 'decisionTree',
      definition: { root: { id: 'fin', outcome: { type: 'auto_approve' } } },
    });
    const byPilot = await analyst.get('/api/v1/rulesets?filter={"pilot":"pilot-list"}');
    expect(byPilot.headers['content-range']).toBe('rulesets 0-0/1');
    expect(byPilot.body[0].key).toBe('enrolment-tree-list');
    // Beside the filter, the pilot would have listed every pilot as if it were the answer.
    const beside = await analyst.get('/api/v1/rulesets?pilot=pilot-list');
    expect([beside.status, beside.body.details?.[0]?.path]).toEqual([400, '/pilot']);
    const published = await analyst.get('/api/v1/rulesets?filter={"status":"published"}&sort=["key","ASC"]');
    expect((published.body as { key: string }[]).every((r) => r.key !== 'enrolment-tree-list')).toBe(true);
    const byText = await analyst.get(`/api/v1/rulesets?filter=${encodeURIComponent('{"q":"adhésion test"}')}`);
    expect((byText.body as { key: string }[]).map((r) => r.key)).toEqual(['enrolment-tree-list']);
    const archived = await approver.post('/api/v1/rulesets/enrolment-tree-list/archive', { comment: 'Remplacé' });
    expect(archived.body.archived).toBe(true);
    expect((await analyst.get('/api/v1/rulesets?filter={"pilot":"pilot-list"}')).body).toEqual([]);
    const withArchived = await analyst.get('/api/v1/rulesets?filter={"pilot":"pilot-list","archived":true}');
    expect((withArchived.body as { key: string }[]).map((r) => r.key)).toEqual(['enrolment-tree-list']);
    // A filter the list does not have, or a value of the wrong type, would list everything as if it were the answer.
    const typo = await analyst.get('/api/v1/rulesets?filter={"stauts":"published"}');
    expect([typo.status, typo.body.details]).toEqual([400, [expect.objectContaining({ path: '/filter/stauts' })]]);
    const wrongType = await analyst.get('/api/v1/rulesets?filter={"status":5,"archived":"yes"}');
    expect(wrongType.status).toBe(400);
    expect(new Set((wrongType.body.details as { path: string }[]).map((d) => d.path))).toEqual(
      new Set(['/filter/archived', '/filter/status']),
    );
    // Experiments have no pilot, and review requests filter on their status only.
    const noPilot = await analyst.get('/api/v1/experiments?filter={"pilot":"chatbot"}');
    expect([noPilot.status, noPilot.body.details?.[0]?.path]).toEqual([400, '/filter/pilot']);
    const reviews = await as(t, cast.risk).get('/api/v1/reviews?filter={"stauts":"closed"}');
    expect([reviews.status, reviews.body.details?.[0]?.path]).toEqual([400, '/filter/stauts']);
    const edit = await analyst.put(
      '/api/v1/rulesets/enrolment-tree-list/draft',
      { inputSchema: { type: 'object' } },
      await etagOf('enrolment-tree-list'),
    );
    expect(edit.status).toBe(409);
  });
});
