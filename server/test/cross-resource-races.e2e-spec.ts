import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Connection } from 'mongoose';
import { DB_CONNECTION } from '../src/common/database/database.module.js';
import { LOCK_STALE_MS, SerialLocks } from '../src/common/database/serial-locks.js';
import { as, signInCast } from './support/rulesets.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// Changes that check one resource to change another, at the same moment (a review fired them together): each
// resource's compare-and-swap kept it consistent, but both checks passed and both changes landed.
describe('changes that depend on another resource, at the same moment', () => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof signInCast>>;
  beforeAll(async () => {
    t = await startTestApp('cross_resource_races');
    cast = await signInCast(t);
  });
  afterAll(() => t.close());

  const TRIALS = 6;
  /** The second request leaves 0, 3, 6 or 9 ms after the first: the window in which both checks used to pass. */
  const race = <A, B>(first: () => PromiseLike<A>, second: () => PromiseLike<B>, trial: number) =>
    Promise.all([first(), sleep((trial % 4) * 3).then(second)]);

  const prompt = (key: string) => ({
    key,
    name: `Prompt ${key}`,
    pilot: 'chatbot',
    locale: 'fr',
    template: 'Bonjour {{name}}',
    model: 'claude-sonnet-4-6',
    maxTokens: 100,
    variablesSchema: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
  });

  /** A rule set whose one rule compares an amount with the `max` of row `a` of `table`. */
  const tableReader = (rulesetKey: string, table: string) => ({
    key: rulesetKey,
    name: 'Lit une table',
    pilot: 'invoices',
    format: 'rules',
    inputSchema: { type: 'object', required: ['amount'], properties: { amount: { type: 'number' } } },
    lookups: [{ fact: 'limit', table, key: { value: 'a' } }],
    definition: {
      rules: [
        {
          name: 'over',
          conditions: { all: [{ fact: 'amount', operator: 'greaterThan', value: { fact: 'limit', path: '$.max' } }] },
          event: { type: 'over' },
        },
      ],
    },
  });
  /** The table it reads, with row `a`. */
  const limitsTable = (table: string) => ({
    key: table,
    name: 'Plafonds',
    keyColumn: 'code',
    columns: [
      { name: 'code', type: 'string' },
      { name: 'max', type: 'number' },
    ],
    rows: [{ code: 'a', max: 1 }],
  });

  /** The audit sequence number of a resource's event. */
  const seq = async (key: string, action: string) =>
    (
      (await as(t, cast.risk).get(`/api/v1/audit?resourceKey=${key}&range=${encodeURIComponent('[0,99]')}`)).body as {
        seq: number;
        action: string;
      }[]
    ).find((event) => event.action === action)!.seq;

  /** Submits and approves version n of a resource (the analyst writes, the approver approves). */
  async function approve(kind: string, key: string, n: number) {
    expect((await as(t, cast.analyst).post(`/api/v1/${kind}/${key}/versions/${n}/submit`)).status).toBe(200);
    expect((await as(t, cast.approver).post(`/api/v1/${kind}/${key}/versions/${n}/approve`)).status).toBe(200);
  }

  /** A prompt with versions 1 and 2, version 2 published now or scheduled for `effectiveFrom`. */
  async function promptWithTwoVersions(key: string, effectiveFrom?: string) {
    const analyst = as(t, cast.analyst);
    const approver = as(t, cast.approver);
    expect((await analyst.post('/api/v1/prompts', prompt(key))).status).toBe(201);
    await approve('prompts', key, 1);
    expect((await approver.post(`/api/v1/prompts/${key}/versions/1/publish`)).status).toBe(200);
    const etag = (await analyst.get(`/api/v1/prompts/${key}`)).headers['etag'] as string;
    expect((await analyst.put(`/api/v1/prompts/${key}/draft`, { template: 'Salut {{name}}' }, etag)).status).toBe(200);
    await approve('prompts', key, 2);
    const published = await approver.post(`/api/v1/prompts/${key}/versions/2/publish`, { effectiveFrom });
    expect(published.status).toBe(200);
  }

  /** An approved experiment serving versions 2 (its control) and 1 of the prompt. */
  async function approvedExperiment(key: string, promptKey: string) {
    const body = {
      key,
      name: `Experiment ${key}`,
      prompt: promptKey,
      variants: [
        { name: 'control', version: 2, weight: 1 },
        { name: 'b', version: 1, weight: 1 },
      ],
    };
    expect((await as(t, cast.analyst).post('/api/v1/experiments', body)).status).toBe(201);
    await approve('experiments', key, 1);
  }

  it('does not roll a prompt back from a version an experiment has started to serve', async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const [promptKey, experiment] = [`race-prompt-${trial}`, `race-experiment-${trial}`];
      await promptWithTwoVersions(promptKey);
      await approvedExperiment(experiment, promptKey);
      const [started, rolledBack] = await race(
        () => as(t, cast.approver).post(`/api/v1/experiments/${experiment}/versions/1/publish`),
        () => as(t, cast.approver).post(`/api/v1/prompts/${promptKey}/rollback`, { version: 1, comment: 'retour' }),
        trial,
      );
      expect(started.status).toBe(200);
      // Either the rollback came first (an experiment may serve a version no longer in force, as it serves any
      // earlier one), or it is refused: it came after the experiment started serving the version.
      if (rolledBack.status === 200)
        expect(await seq(promptKey, 'prompt.rolled_back')).toBeLessThan(await seq(experiment, 'experiment.published'));
      else expect([rolledBack.status, rolledBack.body.error]).toEqual([409, 'experiment_running']);
    }
  });

  it('does not withdraw a scheduled prompt version an experiment is being scheduled to serve', async () => {
    const hour = 3_600_000;
    for (let trial = 0; trial < TRIALS; trial++) {
      const [promptKey, experiment] = [`race-scheduled-${trial}`, `race-scheduled-experiment-${trial}`];
      await promptWithTwoVersions(promptKey, new Date(Date.now() + hour).toISOString());
      await approvedExperiment(experiment, promptKey);
      const [scheduled, withdrawn] = await race(
        () =>
          as(t, cast.approver).post(`/api/v1/experiments/${experiment}/versions/1/publish`, {
            effectiveFrom: new Date(Date.now() + 2 * hour).toISOString(),
          }),
        () => as(t, cast.approver).post(`/api/v1/prompts/${promptKey}/versions/2/unschedule`, { comment: 'plus tard' }),
        trial,
      );
      expect([scheduled.status, withdrawn.status]).not.toEqual([200, 200]);
      expect([scheduled.status, withdrawn.status]).toContain(200);
    }
  });

  it('holds the rows of a table created while a rule set that reads it is approved and being published, whichever comes first', async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const [rulesetKey, table] = [`race-reader-${trial}`, `race-table-${trial}`];
      expect((await as(t, cast.analyst).post('/api/v1/rulesets', tableReader(rulesetKey, table))).status).toBe(201);
      await approve('rulesets', rulesetKey, 1);
      const [published, created] = await race(
        () => as(t, cast.approver).post(`/api/v1/rulesets/${rulesetKey}/versions/1/publish`),
        () => as(t, cast.analyst).post('/api/v1/reference-tables', limitsTable(table)),
        trial,
      );
      expect(published.status).toBe(200);
      // The version reads the table from its approval on (docs/adr/0019): the rows wait for an approver (202)
      // whichever comes first, the publication or the table.
      expect([created.status, created.body.pending?.readers]).toEqual([202, [rulesetKey]]);
      expect(await seq(table, 'reference_table.change_proposed')).toBeGreaterThan(0);
    }
  });

  it('holds a table change made while a version that reads the table is being submitted, or lands it before the submission', async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const [rulesetKey, table] = [`submit-reader-${trial}`, `submit-table-${trial}`];
      const analyst = as(t, cast.analyst);
      const created = await analyst.post('/api/v1/reference-tables', limitsTable(table));
      expect(created.status).toBe(201); // nothing reads it yet
      const draft = await analyst.post('/api/v1/rulesets', tableReader(rulesetKey, table));
      expect(draft.status).toBe(201); // a draft reads nothing yet: its table changes freely
      const etag = (await analyst.get(`/api/v1/reference-tables/${table}`)).headers['etag'] as string;
      // The table change leaves first: its reader check is the slower to reach.
      const [changed, submitted] = await race(
        () => analyst.put(`/api/v1/reference-tables/${table}/rows`, { rows: [{ code: 'a', max: 1000 }] }, etag),
        () => analyst.post(`/api/v1/rulesets/${rulesetKey}/versions/1/submit`),
        trial,
      );
      expect(submitted.status).toBe(200);
      // Either order is sound: the rows changed before the version went into review (200), or they wait for an
      // approver (202). Rows changed by one analyst while the version is in review are not.
      if (changed.status === 202) expect(changed.body.pending?.readers).toEqual([rulesetKey]);
      else {
        expect(changed.status).toBe(200);
        expect(await seq(table, 'reference_table.rows_replaced')).toBeLessThan(
          await seq(rulesetKey, 'ruleset.submitted'),
        );
      }
    }
  });

  it('runs changes that share a lock one after the other, takes over a lock its holder left, and says busy past the wait', async () => {
    const locks = t.app.get(SerialLocks);
    const timeline: string[] = [];
    const step = (name: string, ms: number) =>
      locks.serially(['thing:a'], async () => {
        timeline.push(`${name} in`);
        await sleep(ms);
        timeline.push(`${name} out`);
      });
    await Promise.all([step('first', 60), sleep(5).then(() => step('second', 10))]);
    expect(timeline).toEqual(['first in', 'first out', 'second in', 'second out']);

    // A lock whose holder died long ago (its writes would have timed out) does not stop anyone.
    const connection = t.app.get<Connection>(DB_CONNECTION);
    await connection.db!.collection<{ _id: string; owner: string; at: Date }>('serial_locks').insertOne({
      _id: 'thing:b',
      owner: 'a process that died',
      at: new Date(Date.now() - LOCK_STALE_MS - 1_000),
    });
    await expect(locks.serially(['thing:b'], async () => 'done')).resolves.toBe('done');

    // One held by a change under way makes the next one wait, then give up with 409 busy.
    const holding = locks.serially(['thing:c'], () => sleep(3_600));
    await sleep(20);
    await expect(locks.serially(['thing:c'], async () => 'never')).rejects.toMatchObject({ code: 'busy' });
    await holding;
    await expect(locks.serially(['thing:c'], async () => 'after')).resolves.toBe('after');
  });
});
