import { describe, expect, it } from '@jest/globals';
import { formatDay } from './cel-dates.js';

describe('formatDay', () => {
  it('writes every day from 1970 to 9999 as Date.toISOString does, and the days outside it too', () => {
    const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
    const days = [0, 59, 60, 365, 11_016, 10_956, 20_513, 2_932_896, -1, -719_468, 2_932_897];
    for (let day = 0; day <= 2_932_896; day += 97) days.push(day);
    for (const day of days) expect([day, formatDay(day)]).toEqual([day, iso(day)]);
  });
});
