import { screen, waitFor } from '@testing-library/react';
import type { ComponentType } from 'react';
import { RecordContextProvider, ResourceContextProvider, useLocation } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { experiments } from '../experiments';
import { prompts } from '../prompts';
import { referenceTables } from '../reference-tables';
import { rulesets } from '../rulesets';
import { fakeApi, renderConsole } from './testing/fake-api';

/** Where the console went: the address bar the user sees. */
const Where = () => <output aria-label="adresse">{useLocation().pathname}</output>;

const open = (resource: string, Page: ComponentType, roles: string[]) =>
  renderConsole(
    <ResourceContextProvider value={resource}>
      <RecordContextProvider value={{ id: 'pilote' }}>
        <Page />
        <Where />
      </RecordContextProvider>
    </ResourceContextProvider>,
    roles,
  );

const screens = [
  ['rulesets', rulesets],
  ['prompts', prompts],
  ['experiments', experiments],
] as const;

describe('draft editors opened by URL by someone who is not an analyst', () => {
  it.each(screens)(
    '%s: the editor is not shown; the page opens read only, with the reason',
    async (resource, pages) => {
      const api = fakeApi({});
      open(resource, pages.edit, ['approver', 'risk', 'admin']);
      expect(await screen.findByText(/Seuls les analystes peuvent modifier un brouillon/)).toBeTruthy();
      await waitFor(() => expect(screen.getByLabelText('adresse').textContent).toBe(`/${resource}/pilote/show`));
      expect(screen.queryByRole('button', { name: 'Enregistrer' })).toBeNull();
      // Nothing was read or written for an editor the API would refuse to save.
      expect(api.calls).toHaveLength(0);
    },
  );

  it.each(screens)('%s: the creation form is not shown; back to the list, with the reason', async (resource, pages) => {
    fakeApi({});
    open(resource, pages.create, ['approver']);
    expect(await screen.findByText(/Seuls les analystes peuvent créer un élément/)).toBeTruthy();
    await waitFor(() => expect(screen.getByLabelText('adresse').textContent).toBe(`/${resource}`));
    expect(screen.queryByRole('button', { name: 'Enregistrer' })).toBeNull();
  });
});

describe('the creation form opened by an analyst', () => {
  it.each(screens)('%s: the form is drawn (a creation page has no record id)', async (resource, pages) => {
    // The experiment form offers the prompts to compare.
    fakeApi({ 'GET /api/v1/prompts': { body: [], headers: { 'Content-Range': 'prompts 0-0/0' } } });
    renderConsole(
      <ResourceContextProvider value={resource}>
        <pages.create />
      </ResourceContextProvider>,
      ['analyst'],
    );
    expect(await screen.findByRole('textbox', { name: 'Clé' })).toBeTruthy();
  });
});

describe('the reference-table creation form', () => {
  it('sends an approver or a risk officer back to the list, and is drawn for an admin as for an analyst', async () => {
    fakeApi({});
    const { unmount } = open('reference-tables', referenceTables.create, ['approver', 'risk']);
    expect(await screen.findByText(/Seules les équipes d’analyse et d’administration créent des tables/)).toBeTruthy();
    await waitFor(() => expect(screen.getByLabelText('adresse').textContent).toBe('/reference-tables'));
    unmount();
    open('reference-tables', referenceTables.create, ['admin']);
    expect(await screen.findByRole('textbox', { name: /Clé/ })).toBeTruthy();
  });
});
