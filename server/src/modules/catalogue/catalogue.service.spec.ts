import { describe, expect, it } from '@jest/globals';
import { CatalogueService } from './catalogue.service.js';

describe('catalogue search', () => {
  const catalogue = new CatalogueService();

  it('holds the verified sample (25 datasets)', () => {
    expect(catalogue.size).toBe(25);
  });

  it.each([
    ['Où trouver les arbres de Montréal ?', 'vmtl-arbres'],
    ['arbres montreal', 'vmtl-arbres'],
    ['arbres de la ville de Québec', 'vque_26'],
    ['attente aux urgences des hopitaux', 'fichier-horaire-des-donnees-de-la-situation-a-l-urgence'],
    ['FORÊTS brûlées', 'feux-de-foret'],
    ['pistes de vélo', 'vmtl-pistes-cyclables'],
    ['qualité de l’air', 'rsqaq-stations'],
    ['ponts et tunnels', 'structure'],
  ])('finds %s', (question, expected) => {
    expect(catalogue.search(question, 3).map((h) => h.name)).toContain(expected);
  });

  it('links every hit to the portal, with its formats and licence, title matches first', () => {
    const [first] = catalogue.search('actes criminels');
    expect(first).toMatchObject({
      name: 'vmtl-actes-criminels',
      organization: 'Ville de Montréal',
      url: 'https://www.donneesquebec.ca/recherche/dataset/vmtl-actes-criminels',
      formats: ['CSV'],
      licence: 'CC BY 4.0',
    });
  });

  it('finds no outage dataset: outages are not on the portal', () => {
    // « panne » found « Panneaux de stationnement » as the words it begins, which the chatbot then suggested.
    expect(catalogue.search('panne d’électricité')).toEqual([]);
    expect(catalogue.search('panne de courant')).toEqual([]);
  });

  it('lets a longer word find the words it begins: « routier » finds « Collisions routières »', () => {
    expect(catalogue.search('routier').map((h) => h.title)).toContain('Collisions routières');
    expect(catalogue.search('panneaux').map((h) => h.title)).toEqual(['Panneaux de stationnement']);
  });
});
