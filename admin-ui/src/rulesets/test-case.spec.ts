import { describe, expect, it } from 'vitest';
import { withTestCase } from './test-case';

describe('keeping a tried case as a test', () => {
  const existing = [{ name: 'petite facture', facts: { invoice: { total: 100 } }, expectedEvents: ['route_approval'] }];

  it('appends the facts with the decisions they gave', () => {
    expect(
      withTestCase(existing, '  facture de 30 000 $ ', { invoice: { total: 30000 } }, [{ type: 'route_approval' }]),
    ).toEqual({
      tests: [
        ...existing,
        { name: 'facture de 30 000 $', facts: { invoice: { total: 30000 } }, expectedEvents: ['route_approval'] },
      ],
    });
  });

  it('refuses an empty name or one already used', () => {
    expect(withTestCase(existing, ' ', {}, [])).toEqual({ error: 'gabarit.try.case_name_required' });
    expect(withTestCase(existing, 'petite facture', {}, [])).toEqual({ error: 'gabarit.try.case_name_taken' });
  });
});
