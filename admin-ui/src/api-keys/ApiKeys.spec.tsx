import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ResourceContextProvider } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import { fakeApi, renderConsole } from '../common/testing/fake-api';
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

describe('API keys', () => {
  it('asks before revoking a key, by its name, and says it stops working at once', async () => {
    fakeApi({ 'GET /api/v1/api-keys': { body: [key], headers: { 'Content-Range': 'api-keys 0-0/1' } } });
    renderConsole(
      <ResourceContextProvider value="api-keys">
        <ApiKeyList />
      </ResourceContextProvider>,
      ['admin'],
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Révoquer' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/Révoquer la clé API «\s*sonde-fr\s*»/)).toBeTruthy();
    expect(dialog.textContent).toMatch(/cessera de fonctionner immédiatement/);
    expect(dialog.textContent).not.toMatch(/Supprimer|supprimer/);
  });

  it('offers no revocation for a key already revoked', async () => {
    const revoked = { ...key, id: 'k2', name: 'ancienne', revoked: true, revokedAt: '2026-04-01T10:00:00.000Z' };
    fakeApi({ 'GET /api/v1/api-keys': { body: [key, revoked], headers: { 'Content-Range': 'api-keys 0-1/2' } } });
    renderConsole(
      <ResourceContextProvider value="api-keys">
        <ApiKeyList />
      </ResourceContextProvider>,
      ['admin'],
    );
    const revokedRow = (await screen.findByText('ancienne')).closest('tr')!;
    const activeRow = screen.getByText('sonde-fr').closest('tr')!;
    expect(within(activeRow).getByRole('button', { name: 'Révoquer' })).toBeTruthy();
    expect(within(revokedRow).queryByRole('button', { name: 'Révoquer' })).toBeNull();
    expect(revokedRow.textContent).toMatch(/1 avril 2026/); // when it was revoked
  });

  it('says in correct French that there is no key yet, and offers to create one', async () => {
    fakeApi({ 'GET /api/v1/api-keys': { body: [], headers: { 'Content-Range': 'api-keys */0' } } });
    renderConsole(
      <ResourceContextProvider value="api-keys">
        <ApiKeyList />
      </ResourceContextProvider>,
      ['admin'],
    );
    // react-admin's French default said "Pas encore de Clé API. Voulez-vous en créer un ?"
    expect(await screen.findByText(/^Aucune clé API pour l’instant\.$/)).toBeTruthy();
    // The invitation shows where the resource can be created (not in this bare list), in the same gender.
    expect(i18nProvider.translate('resources.api-keys.invite')).toMatch(/^Voulez-vous en créer une\s\?$/u);
  });

  it('offers to copy the secret it shows once', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    fakeApi({ 'POST /api/v1/api-keys': { status: 201, body: { ...key, key: 'gbk_secret_123' } } });
    renderConsole(
      <ResourceContextProvider value="api-keys">
        <ApiKeyCreate />
      </ResourceContextProvider>,
      ['admin'],
    );
    fireEvent.change(await screen.findByRole('textbox', { name: /Nom/ }), { target: { value: 'sonde-fr' } });
    fireEvent.change(screen.getByRole('textbox', { name: /Portées/ }), { target: { value: 'evaluate:invoices-*' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    const dialog = await screen.findByRole('dialog', { name: 'Clé API créée' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Copier la clé' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('gbk_secret_123'));
    expect(await screen.findByText('Clé copiée dans le presse-papiers.')).toBeTruthy();
  });
});
