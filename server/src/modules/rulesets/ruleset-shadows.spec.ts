import { describe, expect, it } from '@jest/globals';
import type { VersionRecord } from '../governance/versioned-resource.js';
import { endShadow, latestShadowOf, runningShadow, startShadow, withShadowFigures } from './ruleset-shadows.js';
import type { RulesetState } from './ruleset-views.js';

const now = new Date('2026-12-01T10:00:00.000Z');
const version = (number: number, status: VersionRecord['status']): VersionRecord => ({
  number,
  status,
  checksum: `c${number}`,
  authors: ['analyst'],
  createdBy: 'analyst',
  createdAt: now.toISOString(),
  comments: [],
});
const state = (versions: VersionRecord[], published = true): RulesetState => ({
  key: 'k',
  meta: { name: 'k', pilot: 'invoices', format: 'rules' },
  archived: false,
  rev: 3,
  draft: null,
  versions,
  publications: published
    ? [
        {
          version: 1,
          effectiveFrom: '2026-01-01T00:00:00.000Z',
          publishedBy: 'approver',
          publishedAt: '2026-01-01T00:00:00.000Z',
          kind: 'publish',
        },
      ]
    : [],
  nextVersion: versions.length + 1,
  createdBy: 'analyst',
  createdAt: now.toISOString(),
  updatedAt: now.toISOString(),
  outbox: [],
});
const figures = { compared: 10, diverged: 2, byTransition: { 'a → b': 2 } };

describe('shadow runs on a rule set’s state', () => {
  it('starts on a version in review or approved, with an audit event and a new revision', () => {
    for (const status of ['in_review', 'approved'] as const) {
      const started = startShadow(state([version(1, 'published'), version(2, status)]), 2, 25, 'approver', now);
      expect(started.run).toMatchObject({
        version: 2,
        percent: 25,
        startedBy: 'approver',
        startedAt: now.toISOString(),
      });
      expect(started.state.rev).toBe(4);
      expect(runningShadow(started.state)).toEqual(started.run);
      expect(started.events).toEqual([
        expect.objectContaining({
          action: 'ruleset.shadow_started',
          version: 2,
          summary: { after: { shadow: started.run.id, percent: 25, activeVersion: 1 } },
        }),
      ]);
    }
  });

  it('refuses a draft, a published version, or nothing in force, naming /version', () => {
    const s = state([version(1, 'published'), version(2, 'draft')]);
    expect(() => startShadow(s, 2, 10, 'approver', now)).toThrow(/only a version in review or approved/);
    expect(() => startShadow(s, 1, 10, 'approver', now)).toThrow(/Version 1 is published/);
    const nothing = state([version(1, 'in_review')], false);
    try {
      startShadow(nothing, 1, 10, 'approver', now);
      throw new Error('not refused');
    } catch (err) {
      expect((err as { details: unknown }).details).toEqual([
        { path: '/version', message: 'there is no version in force to compare with' },
      ]);
    }
    expect(() => startShadow(s, 9, 10, 'approver', now)).toThrow(
      expect.objectContaining({
        message: expect.stringMatching(/no version 9/),
        details: [expect.objectContaining({ path: '/version', params: { what: 'version', latest: 2 } })],
      }),
    );
  });

  it('a new start replaces the running shadow, which ends as replaced', () => {
    const s = state([version(1, 'published'), version(2, 'in_review'), version(3, 'approved')]);
    const first = startShadow(s, 2, 10, 'approver', now);
    const second = startShadow(first.state, 3, 50, 'approver', now);
    expect(second.events.map((e) => [e.action, e.version, e.summary?.after])).toEqual([
      ['ruleset.shadow_stopped', 2, { endedBy: 'replaced' }],
      ['ruleset.shadow_started', 3, { shadow: second.run.id, percent: 50, activeVersion: 1 }],
    ]);
    expect(runningShadow(second.state)!.version).toBe(3);
    expect(latestShadowOf(second.state, 2)).toMatchObject({ endedBy: 'replaced', stoppedBy: 'approver' });
  });

  it('ends on top of another transition, with the figures; an approval carries them', () => {
    const started = startShadow(state([version(1, 'published'), version(2, 'approved')]), 2, 10, 'approver', now);
    const publication = {
      state: { ...started.state, rev: 5 },
      events: [{ actor: 'approver', action: 'ruleset.published', resourceType: 'ruleset', version: 2 }],
    };
    const ended = endShadow(publication, 2, 'published', 'approver', now, figures);
    expect(runningShadow(ended.state)).toBeUndefined();
    expect(ended.state.rev).toBe(5);
    expect(ended.events.map((e) => e.action)).toEqual(['ruleset.published', 'ruleset.shadow_stopped']);
    expect(ended.events[1]).toMatchObject({
      summary: { after: { endedBy: 'published' } },
      details: { shadow: { id: started.run.id, ...figures } },
    });
    expect(endShadow(publication, 3, 'published', 'approver', now)).toBe(publication); // no shadow on 3
    const approval = withShadowFigures(publication, started.run, figures);
    expect(approval.events[0]!.details).toEqual({ shadow: { id: started.run.id, percent: 10, ...figures } });
  });
});
