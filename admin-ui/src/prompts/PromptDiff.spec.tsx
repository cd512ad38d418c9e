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
          settings: [{ path: '/maxTokens', before: 200, after: 400 }],
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
    expect(screen.getByRole('table', { name: 'Paramètres modifiés' }).textContent).toContain('/maxTokens');
    expect(api.to('GET', '/api/v1/prompts/accueil/diff?from=1&to=2')).toHaveLength(1);
  });
});
