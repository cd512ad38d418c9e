import { describe, expect, it } from '@jest/globals';
import { servicesFor } from './services.js';

describe('services a question calls for', () => {
  it.each([
    ['Mon père a une douleur à la poitrine, que faire ?', ['urgence']],
    ["J'ai de la fièvre depuis trois jours", ['sante']],
    ['Je vis de la détresse, à qui parler ?', ['sante']],
    ['La route 117 est-elle fermée ?', ['route']],
    ['Quels feux de forêt brûlent en ce moment ?', ['feux']],
    ["Y a-t-il une panne d'électricité chez moi ?", ['pannes']],
    ['Is there a power outage in Laval?', ['pannes']],
    ['Où trouver les arbres de Montréal ?', []],
    ['Attente aux urgences des hôpitaux', []],
    ['Collisions routières à Montréal', []],
  ])('%s → %j', (question, expected) => {
    expect(servicesFor(question)).toEqual(expected);
  });
});
