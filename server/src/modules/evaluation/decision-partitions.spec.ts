import { describe, expect, it } from '@jest/globals';
import { timeOrderedId } from '../../common/ids/time-ordered-id.js';
import { collectionOfDecision, dayCollection, dayCollectionEnds, isDecisionCollection } from './decision-partitions.js';

describe('decision partitions', () => {
  it('names the UTC day of the time in a record id', () => {
    const lastMoment = Date.UTC(2026, 11, 6, 23, 59, 59, 999);
    expect(collectionOfDecision(timeOrderedId(lastMoment))).toBe('decisions_20261206');
    expect(collectionOfDecision(timeOrderedId(lastMoment + 1))).toBe('decisions_20261207');
    expect(dayCollection(Date.UTC(1999, 0, 1))).toBe('decisions_19990101');
  });

  it('keeps records whose id carries no time where they always were', () => {
    for (const id of [
      'old-decision',
      '3c202130-8076-453c-a443-ef2879cc47e7',
      '01a24dcc-d800-7585-83cc-d6e4ea30fcX0',
      '',
    ])
      expect(collectionOfDecision(id)).toBe('decisions');
  });

  it('knows when a day collection’s day ends, and nothing else for a day', () => {
    expect(dayCollectionEnds('decisions_20261206')).toBe(Date.UTC(2026, 11, 7));
    expect(dayCollectionEnds('decisions_20240229')).toBe(Date.UTC(2024, 2, 1));
    for (const name of ['decisions', 'decisions_20261399', 'decisions_20230229', 'decisions_2026120', 'audit_20261206'])
      expect(dayCollectionEnds(name)).toBeNull();
    expect(['decisions', 'decisions_20261206', 'decision_samples', 'decisions_x'].filter(isDecisionCollection)).toEqual(
      ['decisions', 'decisions_20261206'],
    );
  });
});
