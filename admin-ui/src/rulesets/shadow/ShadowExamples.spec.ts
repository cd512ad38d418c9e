import { describe, expect, it } from 'vitest';
import { differingRules } from './ShadowExamples';

describe('differingRules', () => {
  it('says once the steps a tree path shares with the other side’s, and keeps what differs', () => {
    const before = ['statut>age>exemption>protection>formulaire>emploi-public>adhesion>approbation'];
    const after = ['statut>age>exemption>protection>formulaire>formulaire-en-retard'];
    expect(differingRules(before, after)).toEqual(['… › emploi-public › adhesion › approbation']);
    expect(differingRules(after, before)).toEqual(['… › formulaire-en-retard']);
  });

  it('keeps rule names as they are, and a path that shares nothing in full', () => {
    expect(differingRules(['montant-eleve', 'fournisseur-inconnu'], ['x'])).toEqual([
      'montant-eleve',
      'fournisseur-inconnu',
    ]);
    expect(differingRules(['a>b'], ['c>d'])).toEqual(['a › b']);
    expect(differingRules(['a>b'], [])).toEqual(['a › b']);
  });
});
