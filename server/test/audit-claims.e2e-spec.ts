import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chain } from '../src/modules/audit/audit-chain.js';
import { AuditService } from '../src/modules/audit/audit.service.js';
import { startTestApp, startAnotherInstance, type TestApp } from './support/test-app.js';

/** The chain's positions are claimed in `audit_chain` before the event is written (docs/adr/0011). */
describe('audit chain claims', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('audit-claims');
  });
  afterAll(() => t.close());

  const verify = () => t.app.get(AuditService).verify();

  it('completes an event whose writer died between claiming its position and writing it', async () => {
    const audit = t.app.get(AuditService);
    await audit.record({ actor: 'x', action: 'test.before', resourceType: 'test' });
    const hint = await t.db.collection('audit_head').findOne({ _id: 'head' } as never);
    const head = await t.db.collection('audit_chain').findOne({ _id: String(hint!['seq']) } as never);
    // What a process that died right after its claim leaves behind: the claim, no event.
    const orphan = chain(
      { actor: 'x', action: 'test.orphan', resourceType: 'test' },
      'orphan-event',
      head!['seq'] + 1,
      new Date().toISOString(),
      head!['hash'],
      t.config.auditKey,
    );
    const { id, at, ...rest } = orphan;
    await t.db.collection('audit_chain').insertOne({
      _id: String(orphan.seq),
      seq: orphan.seq,
      eventId: id,
      hash: orphan.hash,
      event: { _id: id, at: new Date(at), ...rest },
    } as never);
    expect(await t.db.collection('audit_events').countDocuments({ _id: 'orphan-event' } as never)).toBe(0);

    const next = await audit.record({ actor: 'x', action: 'test.after', resourceType: 'test' });
    expect(next?.seq).toBe(orphan.seq + 1);
    expect(next?.prevHash).toBe(orphan.hash);
    expect(await t.db.collection('audit_events').countDocuments({ _id: 'orphan-event' } as never)).toBe(1);
    expect((await verify()).ok).toBe(true);
  });

  it('records an event id at most once when two instances drain it at the same moment', async () => {
    const second = await startAnotherInstance(t);
    try {
      const audits = [t.app.get(AuditService), second.app.get(AuditService)];
      const entry = { actor: 'x', action: 'test.drained_twice', resourceType: 'test' };
      const at = new Date();
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) => audits[i % 2]!.recordOnce(`twice-${Math.floor(i / 2)}`, entry, at)),
      );
      expect(results.filter((r) => r !== undefined)).toHaveLength(3);
      expect(await t.db.collection('audit_events').countDocuments({ action: 'test.drained_twice' })).toBe(3);
      expect((await verify()).ok).toBe(true);
    } finally {
      await second.close();
    }
  });

  it('continues a trail written before positions were claimed', async () => {
    const audit = t.app.get(AuditService);
    const before = await verify();
    // A trail from an older version: events only, no claims, no hint.
    await t.db.collection('audit_chain').deleteMany({});
    await t.db.collection('audit_head').deleteMany({});
    const restarted = await startAnotherInstance(t);
    try {
      const next = await restarted.app
        .get(AuditService)
        .record({ actor: 'x', action: 'test.after_upgrade', resourceType: 'test' });
      expect(next?.seq).toBe(before.events + 1);
    } finally {
      await restarted.close();
    }
    // This instance's own memory of the head is stale; it finds the new head from the hint and claims.
    const after = await audit.record({ actor: 'x', action: 'test.after_upgrade', resourceType: 'test' });
    expect(after?.seq).toBe(before.events + 2);
    expect(await verify()).toMatchObject({ ok: true, events: before.events + 2 });
  });

  it('names a missing event at the end of the chain', async () => {
    const head = await t.db.collection('audit_head').findOne({ _id: 'head' } as never);
    await t.db.collection('audit_events').deleteOne({ seq: head!['seq'] - 1 } as never);
    expect(await verify()).toMatchObject({ ok: false, brokenAt: { seq: head!['seq'] - 1, reason: 'missing_event' } });
  });
});
