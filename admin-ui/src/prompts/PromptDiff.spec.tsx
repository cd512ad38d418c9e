import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderConsole, ShowPage } from '../common/testing/fake-api';
import { PromptDiff } from './PromptDiff';

const prompt = {
  id: 'accueil',
  key: 'accueil',
  name: 'Accueil',
  pilot: 'invoices',
  activeVersion: 1,
  draftVersion: 2,
  latestVersion: 2,
  versions: [
    { number: 1, status: 'published' },
    { number: 2, status: 'draft' },
  ],
  updatedAt: '2025-03-01T10:00:00.000Z',
};

describe('PromptDiff', () => {
  it('reads the diff between the version in force and the draft through the data provider', async () => {
    const api = fakeApi({
      'GET /api/v1/prompts/accueil': { body: prompt },
      'GET /api/v1/prompts/accueil/diff?from=1&to=2': {
        body: {
          from: 1,
          to: 2,
          template: [
            { field: 'template', kind: 'removed', text: 'Bonjour' },
            { field: 'template', kind: 'added', text: 'Bonjour {{nom}}' },
          ],
          system: [],
          settings: [
            { path: '/maxTokens', before: 200, after: 400 },
            { path: '/tests/0/expect/contains/0', before: 'a', after: 'b' },
            { path: '/variablesSchema/properties/title/maxLength', before: 80, after: 120 },
          ],
        },
      },
    });
    renderConsole(
      <ShowPage resource="prompts" id="accueil">
        <PromptDiff />
      </ShowPage>,
    );
    const template = await screen.findByRole('list', { name: 'Gabarit (Handlebars)' });
    expect(within(template).getByText('Bonjour {{nom}}')).toBeTruthy();
    // Each setting in words, lists counted from 1; the pointer stays beside it for whoever reads the JSON.
    const rows = within(screen.getByRole('table', { name: 'Paramètres modifiés' }))
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell')[0]!.textContent);
    expect(rows).toEqual([
      'Nombre maximal de jetons /maxTokens',
      'Cas de test › n° 1 › attendu › contient › n° 1 /tests/0/expect/contains/0',
      // A variable's own name stays as written, even where it is also a keyword.
      'Schéma des variables › propriétés › title › longueur maximale /variablesSchema/properties/title/maxLength',
    ]);
    expect(api.to('GET', '/api/v1/prompts/accueil/diff?from=1&to=2')).toHaveLength(1);
  });
});
