import { describe, expect, it } from 'vitest';
import { nodeLabels } from '../editor/tree-model';
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

  it('names each step by its label in the console’s language, and an unlabelled node by its id', () => {
    const definition = {
      root: {
        id: 'statut',
        label: 'Statut d’emploi',
        labelEn: 'Employment status',
        branches: [
          { when: { all: [] }, node: { id: 'node-19', label: 'Âge 65 et plus', outcome: { type: 'senior' } } },
        ],
        otherwise: { id: 'node-20', outcome: { type: 'adult' } },
      },
    };
    const fr = nodeLabels(definition, 'fr');
    expect(differingRules(['statut>node-19'], ['statut>node-20'], fr)).toEqual(['… › Âge 65 et plus']);
    expect(differingRules(['statut>node-20'], ['autre'], fr)).toEqual(['Statut d’emploi › node-20']);
    // English falls back on the French label where a node has no English one, as explanations do.
    expect(differingRules(['statut>node-19'], ['x'], nodeLabels(definition, 'en'))).toEqual([
      'Employment status › Âge 65 et plus',
    ]);
    expect(nodeLabels({ rules: [] }, 'fr').size).toBe(0);
  });
});
