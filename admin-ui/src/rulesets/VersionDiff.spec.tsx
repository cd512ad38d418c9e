import { act, fireEvent, screen, within } from '@testing-library/react';
import { createTheme, getContrastRatio, ThemeProvider } from '@mui/material/styles';
import { useState } from 'react';
import { ShowContextProvider, type ShowControllerResult } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import { apiError, fakeApi, renderConsole, ShowPage } from '../common/testing/fake-api';
import { lightTheme } from '../theme';
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

  it('shows added and removed words with enough contrast to read (WCAG AA: 4.5:1)', async () => {
    const before = 'Le fournisseur est inscrit au registre depuis le 1er mars : une personne vérifie la facture.';
    const after = `${before} Vérifiez auprès du fournisseur.`.replace('1er mars', '2 avril');
    fakeApi({
      'GET /api/v1/rulesets/fraude': { body: ruleset },
      [`GET ${DIFF}`]: {
        body: {
          changes: [
            {
              kind: 'changed',
              entity: 'rule',
              id: 'rena',
              path: '/definition/rules/0/explanation/fr',
              before,
              after,
              summary: 'rule rena: explanation changed',
            },
          ],
        },
      },
    });
    // In the console's own colours.
    renderConsole(
      <ThemeProvider theme={createTheme(lightTheme)}>
        <ShowPage resource="rulesets" id="fraude">
          <VersionDiff />
        </ShowPage>
      </ThemeProvider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Comparer' }));
    const added = await screen.findByLabelText(/^ajouté : .*Vérifiez auprès du fournisseur/);
    const removed = screen.getByLabelText('retiré : 1er');
    for (const part of [added, removed]) {
      const style = getComputedStyle(part);
      // White on light green was 2.8:1: the words a reviewer reads first.
      expect(getContrastRatio(style.color, style.backgroundColor)).toBeGreaterThanOrEqual(4.5);
    }
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

  /** The rule set page's record as the show context gives it; `reread` stands for the page reading it again. */
  let reread: (record: object) => void = () => undefined;
  const InShow = ({ first }: { first: object }) => {
    const [record, setRecord] = useState(first);
    reread = (next) => act(() => setRecord(next));
    return (
      <ShowContextProvider value={{ record, resource: 'rulesets' } as unknown as ShowControllerResult}>
        <VersionDiff />
      </ShowContextProvider>
    );
  };
  const picked = (label: string) => screen.getByRole('combobox', { name: label }).textContent;

  it('opens on the newest version against the one before when there is no draft, not on a version against itself', () => {
    fakeApi({});
    renderConsole(<InShow first={{ ...ruleset, activeVersion: 2, draftVersion: null }} />);
    expect(picked('De')).toBe('Version 1');
    expect(picked('À')).toBe('Version 2');
  });

  it('follows the record read again after a draft is saved, until the user picks a version', () => {
    fakeApi({});
    // The page first shows the record cached from before the save: version 1 only.
    renderConsole(
      <InShow
        first={{ ...ruleset, versions: [{ number: 1 }], activeVersion: 1, draftVersion: null, latestVersion: 1 }}
      />,
    );
    reread(ruleset);
    expect(picked('De')).toBe('Version 1');
    expect(picked('À')).toBe('Version 2');

    // Once the user has picked, a later read of the record does not move their choice.
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'De' }));
    fireEvent.click(within(screen.getByRole('listbox')).getByText('Version 2'));
    reread({ ...ruleset, versions: [...ruleset.versions, { number: 3 }], draftVersion: 3 });
    expect(picked('De')).toBe('Version 2');
    expect(picked('À')).toBe('Version 2');
  });
});
