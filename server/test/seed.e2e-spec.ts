import { describe, expect, it } from '@jest/globals';
import { startAnotherInstance, startTestApp } from './support/test-app.js';

describe('the first load of the pilots', () => {
  it('is finished at the next start when a killed process cut it short', async () => {
    const first = await startTestApp('seed-interrupted');
    // What a start killed during its first load leaves: some pilots stored, the "started" mark, not the "done" one.
    await first.db.collection('seed_marks').deleteOne({ _id: 'pilots' } as never);
    await first.db
      .collection('seed_marks')
      .updateOne({ _id: 'pilots-started' } as never, { $set: { at: new Date() } }, { upsert: true });
    await first.db.collection('rulesets').deleteOne({ _id: 'invoices' } as never);
    await first.db.collection('prompts').deleteMany({});
    await first.close();

    const next = await startAnotherInstance(first);
    try {
      const admin = await next.login('admin');
      const read = (path: string) => next.http.get(path).set('authorization', `Bearer ${admin}`);
      expect((await read('/api/v1/rulesets/invoices')).status).toBe(200);
      expect(((await read('/api/v1/prompts')).body as unknown[]).length).toBeGreaterThan(0);
      expect(await next.db.collection('seed_marks').countDocuments({ _id: 'pilots' } as never)).toBe(1);
    } finally {
      await next.close();
    }
  });
});
