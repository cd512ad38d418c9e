import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { apiError, fakeApi, renderConsole, ShowPage } from '../common/testing/fake-api';
import { VersionDiff } from './VersionDiff';

const ruleset = {
  id: 'fraude',
  key: 'fraude',
  versions: [{ number: 1 }, { number: 2 }],
  activeVersion: 1,
  draftVersion: 2,
  latestVersion: 2,
};
const DIFF = '/api/v1/rulesets/fraude/diff?from=1&to=2';
const renderDiff = () =>
  renderConsole(
    <ShowPage resource="rulesets" id="fraude">
      <VersionDiff />
    </ShowPage>,
  );

describe('VersionDiff', () => {
  it('reads the diff of the chosen pair through the data provider when asked, and words each change', async () => {
    const api = fakeApi({
      'GET /api/v1/rulesets/fraude': { body: ruleset },
      [`GET ${DIFF}`]: {
        body: {
          changes: [
            {
              kind: 'changed',
              entity: 'hitPolicy',
              id: 'hitPolicy',
              path: '/definition/hitPolicy',
              before: 'first',
              after: 'collect',
              summary: 'hit policy first → collect',
            },
          ],
        },
      },
    });
    renderDiff();
    fireEvent.click(await screen.findByRole('button', { name: 'Comparer' }));
    const list = await screen.findByRole('list', { name: 'Comparer deux versions' });
    expect(within(list).getByText('Politique de résultat : first → collect')).toBeTruthy();
    expect(api.to('GET', DIFF)).toHaveLength(1);
  });

  it("shows the API's refusal at once, without retrying it", async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // react-admin logs each failed call
    const api = fakeApi({
      'GET /api/v1/rulesets/fraude': { body: ruleset },
      [`GET ${DIFF}`]: apiError(404, 'not_found', 'No version 2 of this rule set.'),
    });
    renderDiff();
    fireEvent.click(await screen.findByRole('button', { name: 'Comparer' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Élément introuvable.');
    expect(api.to('GET', DIFF)).toHaveLength(1);
  });
});
