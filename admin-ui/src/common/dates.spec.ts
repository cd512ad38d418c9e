import { describe, expect, it } from 'vitest';
import { formatDateTime } from './dates';

describe('an instant in words', () => {
  it('keeps its time on one line in both languages (« 12 h » had wrapped away from « 04 » in the reviews list)', () => {
    const instant = new Date(2027, 0, 4, 12, 4); // local time, as the reader sees it
    const fr = formatDateTime(instant, 'fr');
    expect(fr).toMatch(/^4 janvier 2027 à 12\u00a0h\u00a004$/);
    const en = formatDateTime(instant, 'en');
    expect(en).toMatch(/^January 4, 2027 at 12:04\sp\.m\.$/);
    expect(en).not.toMatch(/12:04 p\.m\./); // an ordinary space would let « p.m. » wrap alone
  });
});
