import { describe, expect, it } from '@jest/globals';
import { CatalogueService } from './catalogue.service.js';

describe('catalogue search', () => {
  const catalogue = new CatalogueService();

  it('holds at least 40 datasets', () => {
    expect(catalogue.size).toBeGreaterThanOrEqual(40);
  });

  it.each([
    ['Où trouver les arbres de Montréal ?', 'arbres-publics'],
    ['arbres montreal', 'arbres-publics'],
    ['attente aux urgences des hopitaux', 'fichier-horaire-des-donnees-de-la-situation-a-l-urgence'],
    ['contrats publics et appels d’offres', 'systeme-electronique-d-appel-d-offres-seao'],
    ['FORÊTS brûlées', 'feux-de-foret'],
    ['pistes de vélo', 'reseau-cyclable'],
  ])('finds %s', (question, expected) => {
    expect(catalogue.search(question, 3).map((h) => h.name)).toContain(expected);
  });

  it('links every hit to the portal and ranks title matches first', () => {
    const [first] = catalogue.search('dette du gouvernement');
    expect(first).toMatchObject({
      name: 'dette-du-gouvernement-du-quebec',
      url: 'https://www.donneesquebec.ca/recherche/dataset/dette-du-gouvernement-du-quebec',
      formats: ['CSV'],
    });
  });
});
