import { describe, expect, it } from '@jest/globals';
import type { AuditService } from '../audit/audit.service.js';
import { type NamingEvent, TrailFeed } from '../audit/trail-feed.js';
import type { RulesetState } from '../rulesets/ruleset-views.js';
import type { RulesetsService } from '../rulesets/rulesets.service.js';
import { RulesetSnapshots } from './ruleset-snapshots.js';

type Event = NamingEvent & { seq: number };

/** The database's rule sets (only their revisions matter here), counting what the snapshots read. */
class Store {
  readonly revs = new Map<string, number>();
  finds = 0;
  revisionReads = 0;
  private listeners: ((key: string) => void)[] = [];
  /** When set, the next find waits for it (a read still on its way). */
  hold?: Promise<void>;

  asService(): RulesetsService {
    return {
      find: async (key: string) => {
        this.finds++;
        const rev = this.revs.get(key);
        const hold = this.hold;
        this.hold = undefined;
        if (hold) await hold;
        return rev === undefined ? null : state(key, rev);
      },
      revisionsOf: async (keys: string[]) => {
        this.revisionReads += keys.length;
        return new Map(keys.filter((k) => this.revs.has(k)).map((k) => [k, this.revs.get(k)!]));
      },
      onChange: (listener: (key: string) => void) => this.listeners.push(listener),
    } as unknown as RulesetsService;
  }

  changeHere(key: string): void {
    this.revs.set(key, (this.revs.get(key) ?? 0) + 1);
    this.listeners.forEach((l) => l(key));
  }
}

const state = (key: string, rev: number): RulesetState =>
  ({ key, rev, archived: false, draft: null, outbox: [], versions: [], publications: [] }) as unknown as RulesetState;

/** A trail other instances append to: `append` records an event, `marker` is the hint the feed reads. */
class Trail {
  readonly events: Event[] = [];
  /** Claims kept for positions after this one (older ones are forgotten). */
  keptAfter = 0;
  readonly feed = new TrailFeed<Event>({
    changeMarker: async () => this.events.length,
    claimedEvents: async (seqs) => seqs.map((seq) => (seq > this.keptAfter ? (this.events[seq - 1] ?? null) : null)),
  });

  append(resourceType: string, resourceKey: string): void {
    this.events.push({ seq: this.events.length + 1, resourceType, resourceKey });
  }

  asAudit(): AuditService {
    return { feed: this.feed } as unknown as AuditService;
  }
}

async function setUp(keys: string[]) {
  const store = new Store();
  const trail = new Trail();
  await trail.feed.start();
  keys.forEach((key) => store.revs.set(key, 1));
  const snapshots = new RulesetSnapshots(store.asService(), trail.asAudit());
  for (const key of keys) await snapshots.get(key);
  store.finds = 0;
  return { store, trail, snapshots };
}

describe('RulesetSnapshots', () => {
  it('reads again only the rule set another instance changed, however many are cached and however busy the trail', async () => {
    const keys = Array.from({ length: 1000 }, (_, i) => `rs-${i}`);
    const { store, trail, snapshots } = await setUp(keys);
    for (let i = 0; i < 150; i++) trail.append(i % 2 ? 'prompt' : 'user', `other-${i}`);
    trail.append('prompt', 'rs-3'); // a prompt may share a rule set's key
    store.revs.set('rs-7', 2);
    trail.append('ruleset', 'rs-7');
    await trail.feed.catchUp();

    expect(store.revisionReads).toBe(0);
    expect(snapshots.size).toBe(999);
    expect((await snapshots.get('rs-7'))?.rev).toBe(2);
    await snapshots.get('rs-8');
    expect(store.finds).toBe(1);
  });

  it('drops a rule set changed on this instance at once', async () => {
    const { store, snapshots } = await setUp(['a', 'b']);
    store.changeHere('a');
    expect((await snapshots.get('a'))?.rev).toBe(2);
    expect((await snapshots.get('b'))?.rev).toBe(1);
    expect(store.finds).toBe(1);
  });

  it('compares every cached revision when the feed lost track, and drops only the ones that moved', async () => {
    const { store, trail, snapshots } = await setUp(['a', 'b', 'c']);
    store.revs.set('b', 5);
    for (let i = 0; i < 300; i++) trail.append('ruleset', i === 0 ? 'b' : 'elsewhere');
    trail.keptAfter = 250; // the claim naming "b" is forgotten: only the revisions can tell
    await trail.feed.catchUp();
    await new Promise((resolve) => setImmediate(resolve)); // the sweep the lost track started

    expect(store.revisionReads).toBe(3);
    expect(snapshots.size).toBe(2);
    expect((await snapshots.get('b'))?.rev).toBe(5);
  });

  it('does not keep a read that was on its way when the rule set was named', async () => {
    const { store, trail, snapshots } = await setUp([]);
    store.revs.set('a', 1);
    let release!: () => void;
    store.hold = new Promise<void>((resolve) => (release = resolve));
    const reading = snapshots.get('a');
    store.revs.set('a', 2); // committed after the read had gone out with revision 1
    trail.append('ruleset', 'a');
    await trail.feed.catchUp();
    release();

    await reading;
    expect(snapshots.size).toBe(0);
    expect((await snapshots.get('a'))?.rev).toBe(2);
  });

  it('does not keep a read that was on its way when the feed lost track', async () => {
    const { store, trail, snapshots } = await setUp(['b']);
    store.revs.set('a', 1);
    let release!: () => void;
    store.hold = new Promise<void>((resolve) => (release = resolve));
    const reading = snapshots.get('a');
    store.revs.set('a', 2);
    for (let i = 0; i < 300; i++) trail.append('ruleset', i === 0 ? 'a' : 'elsewhere');
    trail.keptAfter = 250;
    await trail.feed.catchUp();
    release();

    expect((await reading)?.rev).toBe(1); // answered to whoever asked before the change was known...
    expect((await snapshots.get('a'))?.rev).toBe(2); // ...but not kept
  });

  it('answers a sweep asked while another runs with revisions read after it was asked', async () => {
    const { store, snapshots } = await setUp(['a']);
    const first = snapshots.sweep(); // its revisions are being read
    store.revs.set('a', 2);
    await Promise.all([first, snapshots.sweep()]);
    expect((await snapshots.get('a'))?.rev).toBe(2);
  });

  it('reads a rule set once for callers that ask while it is being read', async () => {
    const { store, snapshots } = await setUp([]);
    store.revs.set('a', 1);
    const states = await Promise.all(Array.from({ length: 16 }, () => snapshots.get('a')));
    expect(states.every((state) => state?.rev === 1)).toBe(true);
    expect(store.finds).toBe(1);
  });

  it('finds a change whose event is late in the periodic sweep', async () => {
    const { store, snapshots } = await setUp(['a', 'b']);
    store.revs.set('a', 3); // changed by an instance that died before appending its event
    await snapshots.sweep();
    expect(snapshots.size).toBe(1);
    expect((await snapshots.get('a'))?.rev).toBe(3);
  });
});
