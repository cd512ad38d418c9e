import { describe, expect, it } from 'vitest';
import { shownValues } from './conflict';

describe('the values of a change, as the conflict dialog shows them', () => {
  it('cuts a long text changed in place to what changed, with a little text around it', () => {
    const start = 'Votre adhésion est approuvée automatiquement, avec la protection choisie. '.repeat(4);
    const [before, after] = shownValues({
      path: '/definition/rules/1/explanation/fr',
      kind: 'changed',
      before: `${start}Couverture à compter du début du mois.`,
      after: `${start}Couverture à compter du lendemain de l’embauche.`,
    });
    // Cut at 200 characters, both sides read the same: the change was at the end.
    expect(before).not.toBe(after);
    expect(before).toBe('…choisie. Couverture à compter du début du mois.');
    expect(after).toBe('…choisie. Couverture à compter du lendemain de l’embauche.');
  });

  it('shows short texts and other values whole, as JSON', () => {
    expect(shownValues({ path: '/coverage', kind: 'changed', before: 0.4, after: 0.9 })).toEqual(['0.4', '0.9']);
    expect(shownValues({ path: '/name', kind: 'added', after: 'court' })).toEqual(['∅', '"court"']);
  });
});
