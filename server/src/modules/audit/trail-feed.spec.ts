import { describe, expect, it } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { type NamingEvent, TrailFeed, type TrailNews } from './trail-feed.js';

type Event = NamingEvent & { seq: number };

describe('TrailFeed', () => {
  it('tells every reader, even when one fails on the news, and does not fail the append it tells', async () => {
    const events: Event[] = [];
    const feed = new TrailFeed<Event>({
      changeMarker: async () => events.length,
      claimedEvents: async (seqs) => seqs.map((seq) => events[seq - 1] ?? null),
    });
    const heard: TrailNews<Event>[] = [];
    feed.subscribe(() => {
      throw new Error('a broken reader');
    });
    feed.subscribe((news) => heard.push(news));
    Logger.overrideLogger(false); // the failure is logged; the test only needs the other reader's news
    try {
      await feed.start();
      events.push({ seq: 1, resourceType: 'ruleset', resourceKey: 'elsewhere' });
      await feed.catchUp();
      expect(() => feed.tell([{ seq: 2, resourceType: 'ruleset', resourceKey: 'here' }])).not.toThrow();
    } finally {
      Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose']);
    }
    expect(heard).toEqual([
      { events: [{ seq: 1, resourceType: 'ruleset', resourceKey: 'elsewhere' }] },
      { events: [{ seq: 2, resourceType: 'ruleset', resourceKey: 'here' }] },
    ]);
  });
});
