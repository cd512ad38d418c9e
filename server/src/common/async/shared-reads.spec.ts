import { describe, expect, it } from '@jest/globals';
import { SharedReads } from './shared-reads.js';

/** A read that answers when told, and says whether it would have cached. */
function pendingRead(value: string) {
  let answer!: () => void;
  const cached: boolean[] = [];
  const read = (stale: () => boolean) =>
    new Promise<string>((resolve) => {
      answer = () => {
        cached.push(!stale());
        resolve(value);
      };
    });
  return { read, answer: () => answer(), cached };
}

describe('SharedReads', () => {
  it('shares one read per key among the callers that ask meanwhile, and reads again once it ended', async () => {
    const reads = new SharedReads<string>();
    let started = 0;
    const read = async () => `v${++started}`;
    expect(await Promise.all([reads.get('a', read), reads.get('a', read), reads.get('b', read)])).toEqual([
      'v1',
      'v1',
      'v2',
    ]);
    expect(await reads.get('a', read)).toBe('v3');
  });

  it('marks a read stale when its key is forgotten on the way, and only that key', async () => {
    const reads = new SharedReads<string>();
    const [a, b] = [pendingRead('a'), pendingRead('b')];
    const [gotA, gotB] = [reads.get('a', a.read), reads.get('b', b.read)];
    reads.forget('a');
    a.answer();
    b.answer();
    expect([await gotA, await gotB]).toEqual(['a', 'b']); // its callers still get their answer
    expect([a.cached, b.cached]).toEqual([[false], [true]]);
  });

  it('marks every read on its way stale when everything is forgotten, and a new caller reads afresh', async () => {
    const reads = new SharedReads<string>();
    const first = pendingRead('old');
    const asked = reads.get('a', first.read);
    reads.forgetAll();
    const second = pendingRead('new');
    const again = reads.get('a', second.read); // not the forgotten read
    first.answer();
    second.answer();
    expect([await asked, await again]).toEqual(['old', 'new']);
    expect([first.cached, second.cached]).toEqual([[false], [true]]);
  });
});
