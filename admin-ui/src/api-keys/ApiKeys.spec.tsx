import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ResourceContextProvider } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import { apiError, fakeApi, renderConsole } from '../common/testing/fake-api';
import { i18nProvider } from '../i18n/i18nProvider';
import { ApiKeyCreate } from './ApiKeyCreate';
import { ApiKeyList } from './ApiKeyList';

const key = {
  id: 'k1',
  name: 'sonde-fr',
  scopes: ['evaluate:invoices-*'],
  createdBy: 'admin',
  createdAt: '2026-03-01T10:00:00.000Z',
  revoked: false,
};

/** The creation form, named and scoped, answered by a fake API that creates the key. */
async function fillCreateForm() {
  const api = fakeApi({ 'POST /api/v1/api-keys': { status: 201, body: { ...key, key: 'gbk_secret_123' } } });
  renderConsole(
    <ResourceContextProvider value="api-keys">
      <ApiKeyCreate />
    </ResourceContextProvider>,
    ['admin'],
  );
  fireEvent.change(await screen.findByRole('textbox', { name: /Nom/ }), { target: { value: 'sonde-fr' } });
  fireEvent.change(screen.getByRole('textbox', { name: /Portées/ }), { target: { value: 'evaluate:invoices-*' } });
  return api;
}

/** The keys list, as an admin sees it. */
const renderList = () =>
  renderConsole(
    <ResourceContextProvider value="api-keys">
      <ApiKeyList />
    </ResourceContextProvider>,
    ['admin'],
  );

describe('API keys', () => {
  it('asks before revoking a key, by its name, and says it stops working at once', async () => {
    fakeApi({ 'GET /api/v1/api-keys': { body: [key], headers: { 'Content-Range': 'api-keys 0-0/1' } } });
    renderList();
    // Named for its key, so a screen reader going down the column hears which one it revokes.
    fireEvent.click(await screen.findByRole('button', { name: /^Révoquer la clé API «\s*sonde-fr\s*»$/ }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/Révoquer la clé API «\s*sonde-fr\s*»/)).toBeTruthy();
    expect(dialog.textContent).toMatch(/cessera de fonctionner immédiatement/);
    expect(dialog.textContent).not.toMatch(/Supprimer|supprimer/);
  });

  it('says the key was revoked, not deleted, once it is', async () => {
    const api = fakeApi({
      'GET /api/v1/api-keys': { body: [key], headers: { 'Content-Range': 'api-keys 0-0/1' } },
      'DELETE /api/v1/api-keys/k1': { body: { ...key, revoked: true, revokedAt: '2026-12-05T10:00:00.000Z' } },
    });
    renderList();
    fireEvent.click(await screen.findByRole('button', { name: /^Révoquer la clé API «\s*sonde-fr\s*»$/ }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: /Confirmer|Révoquer/ }));
    await waitFor(() => expect(api.to('DELETE', '/api/v1/api-keys/k1')).toHaveLength(1));
    expect(await screen.findByText(/^Clé API révoquée\s: elle ne fonctionne plus\.$/)).toBeTruthy();
    expect(screen.queryByText(/supprimé/i)).toBeNull();
  });

  it('offers no revocation for a key already revoked', async () => {
    const revoked = { ...key, id: 'k2', name: 'ancienne', revoked: true, revokedAt: '2026-04-01T10:00:00.000Z' };
    fakeApi({ 'GET /api/v1/api-keys': { body: [key, revoked], headers: { 'Content-Range': 'api-keys 0-1/2' } } });
    renderList();
    const revokedRow = (await screen.findByText('ancienne')).closest('tr')!;
    const activeRow = screen.getByText('sonde-fr').closest('tr')!;
    expect(within(activeRow).getByRole('button', { name: /^Révoquer/ })).toBeTruthy();
    expect(within(revokedRow).queryByRole('button', { name: /^Révoquer/ })).toBeNull();
    expect(revokedRow.textContent).toMatch(/1 avril 2026/); // when it was revoked
  });

  it('says in correct French that there is no key yet, and offers to create one', async () => {
    fakeApi({ 'GET /api/v1/api-keys': { body: [], headers: { 'Content-Range': 'api-keys */0' } } });
    renderList();
    // react-admin's French default said "Pas encore de Clé API. Voulez-vous en créer un ?"
    expect(await screen.findByText(/^Aucune clé API pour l’instant\.$/)).toBeTruthy();
    // The invitation shows where the resource can be created (not in this bare list), in the same gender.
    expect(i18nProvider.translate('resources.api-keys.invite')).toMatch(/^Voulez-vous en créer une\s\?$/u);
  });

  it('searches keys by what is typed in the search box', async () => {
    const api = fakeApi({
      'GET /api/v1/api-keys': { body: [key], headers: { 'Content-Range': 'api-keys 0-0/1' } },
    });
    renderList();
    fireEvent.change(await screen.findByPlaceholderText(/Rechercher/), { target: { value: 'régie' } });
    await waitFor(() =>
      expect(
        api.calls.some((c) => JSON.parse(new URL(c.url, 'http://x').searchParams.get('filter') ?? '{}').q === 'régie'),
      ).toBe(true),
    );
  });

  it('says when a key expires, and marks one past it', async () => {
    const lasting = { ...key, id: 'k3', name: 'pilote', expiresAt: '2099-06-30T23:59:59.999Z', expired: false };
    const ended = { ...key, id: 'k4', name: 'ancien pilote', expiresAt: '2026-06-30T12:00:00.000Z', expired: true };
    fakeApi({
      'GET /api/v1/api-keys': { body: [key, lasting, ended], headers: { 'Content-Range': 'api-keys 0-2/3' } },
    });
    renderList();
    const state = (name: string) => {
      const row = screen.getByText(name).closest('tr')!;
      const column = [...screen.getAllByRole('columnheader')].findIndex((h) => h.textContent === 'État');
      return within(row).getAllByRole('cell')[column]!.textContent;
    };
    await screen.findByText('ancien pilote');
    expect(state('pilote')).toMatch(/^Activejusqu’au (30 juin|1 juillet) 2099Révoquer$/); // the reader's local day
    expect(state('ancien pilote')).toMatch(/^Expiréedepuis le 30 juin 2026Révoquer$/);
    expect(state('sonde-fr')).toBe('Activesans date d’expirationRévoquer');
  });

  it('proposes an expiry a year ahead, which may be emptied for a key that does not expire', async () => {
    const api = await fillCreateForm();
    const expires = screen.getByLabelText('Expire le') as HTMLInputElement;
    const nextYear = new Date();
    nextYear.setFullYear(nextYear.getFullYear() + 1);
    expect(expires.value.slice(0, 4)).toBe(String(nextYear.getFullYear()));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await screen.findByRole('dialog', { name: 'Clé API créée' });
    const sent = api.to('POST', '/api/v1/api-keys')[0]!.body as { expiresAt: string };
    // The end of that day, in the reader's time zone, as an instant.
    expect(new Date(sent.expiresAt).getTime()).toBe(new Date(`${expires.value}T23:59:59.999`).getTime());
  });

  it('sends no expiry when the field is emptied', async () => {
    const api = await fillCreateForm();
    const expires = screen.getByLabelText('Expire le');
    fireEvent.change(expires, { target: { value: '' } });
    fireEvent.blur(expires); // the date input takes an emptied value when it loses focus
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await screen.findByRole('dialog', { name: 'Clé API créée' });
    expect(api.to('POST', '/api/v1/api-keys')[0]!.body).toEqual({ name: 'sonde-fr', scopes: ['evaluate:invoices-*'] });
  });

  it('offers to copy the secret it shows once', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await fillCreateForm();
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    const dialog = await screen.findByRole('dialog', { name: 'Clé API créée' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Copier la clé' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('gbk_secret_123'));
    expect(await screen.findByText('Clé copiée dans le presse-papiers.')).toBeTruthy();
  });

  it('says which scope line the API refused, in French, on the scopes field', async () => {
    fakeApi({
      'POST /api/v1/api-keys': apiError(400, 'validation_failed', 'The request body is invalid.', [
        { path: '/scopes/1', message: 'has the wrong format', keyword: 'pattern' },
      ]),
    });
    renderConsole(
      <ResourceContextProvider value="api-keys">
        <ApiKeyCreate />
      </ResourceContextProvider>,
      ['admin'],
    );
    fireEvent.change(await screen.findByRole('textbox', { name: /Nom/ }), { target: { value: 'portail' } });
    const scopes = screen.getByRole('textbox', { name: /Portées/ });
    fireEvent.change(scopes, { target: { value: 'evaluate:enrolment\nreceipts:enrolment' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(
      await screen.findByText(/^Portée n° 2, « receipts:enrolment » : ce n'est pas une portée reconnue/),
    ).toBeTruthy();
    expect(scopes.getAttribute('aria-invalid')).toBe('true');
    expect(await screen.findByText('Le contenu comporte des erreurs : chacune est indiquée à sa place.')).toBeTruthy();
    expect(screen.queryByText(/The request body is invalid/)).toBeNull();
    expect(screen.queryByRole('dialog', { name: 'Clé API créée' })).toBeNull();
  });
});
