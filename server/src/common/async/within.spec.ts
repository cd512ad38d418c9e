import { describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { within } from './within.js';

describe('within', () => {
  it('gives the promise’s value when it settles in time, the fallback otherwise', async () => {
    expect(await within(Promise.resolve('answer'), 50, () => 'fallback')).toBe('answer');
    expect(await within(sleep(500, 'late'), 20, () => 'fallback')).toBe('fallback');
  });
});
