import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ResourceContextProvider } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { apiError, fakeApi, renderConsole } from '../common/testing/fake-api';
import { UserCreate } from './UserCreate';
import { UserEdit } from './UserEdit';
import { UserList } from './UserList';

const lea = {
  id: 'lea',
  username: 'lea',
  displayName: 'Léa Roy',
  roles: ['analyst'],
  disabled: false,
  demo: false,
  locked: true,
  lastLoginAt: '2026-03-01T10:00:00.000Z',
  createdAt: '2026-01-01T10:00:00.000Z',
};

describe('users', () => {
  it('lists accounts with their roles in French, locked ones shown', async () => {
    fakeApi({
      'GET /api/v1/users': {
        body: [
          lea,
          {
            ...lea,
            id: 'marc',
            username: 'marc',
            displayName: 'Marc Côté',
            roles: ['approver', 'risk'],
            locked: false,
          },
        ],
        headers: { 'Content-Range': 'users 0-1/2' },
      },
    });
    renderConsole(
      <ResourceContextProvider value="users">
        <UserList />
      </ResourceContextProvider>,
      ['admin'],
    );
    const row = (await screen.findByText('Marc Côté')).closest('tr')!;
    expect(within(row).getByText('Approbation')).toBeTruthy();
    expect(within(row).getByText('Gestion des risques')).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: /Nom affiché/ })).toBeTruthy();
    // The states in words a screen reader reads: « Verrouillé » where it holds, « Non » otherwise.
    const cells = (name: string) => within(screen.getByText(name).closest('tr')!).getAllByRole('cell');
    const states = (name: string) =>
      cells(name)
        .slice(3, 5)
        .map((cell) => cell.textContent);
    expect(states('Léa Roy')).toEqual(['Non', 'Verrouillé']);
    expect(states('Marc Côté')).toEqual(['Non', 'Non']);
  });

  it('changes roles and unlocks an account, sending only what the API takes and no empty password', async () => {
    const api = fakeApi({
      'GET /api/v1/users/lea': { body: lea },
      'PUT /api/v1/users/lea': { body: { ...lea, roles: ['analyst', 'approver'], locked: false } },
    });
    renderConsole(
      <ResourceContextProvider value="users">
        <UserEdit id="lea" />
      </ResourceContextProvider>,
      ['admin'],
    );
    await screen.findByText(/Ce compte est verrouillé/);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Approbation' }));
    fireEvent.click(screen.getByRole('switch', { name: 'Déverrouiller le compte' }));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(api.to('PUT', '/api/v1/users/lea')).toHaveLength(1));
    expect(screen.queryByRole('button', { name: /Supprimer/ })).toBeNull();
    expect(api.to('PUT', '/api/v1/users/lea')[0]!.body).toEqual({
      displayName: 'Léa Roy',
      roles: ['analyst', 'approver'],
      disabled: false,
      unlock: true,
    });
    expect(await screen.findByText(/^Compte «\s*Léa Roy\s*» enregistré\.$/)).toBeTruthy();
  });

  it('shows an account that may sign in as « Compte actif » switched on, and turning it off disables it', async () => {
    const api = fakeApi({
      'GET /api/v1/users/lea': { body: { ...lea, locked: false } },
      'PUT /api/v1/users/lea': { body: { ...lea, locked: false, disabled: true } },
    });
    renderConsole(
      <ResourceContextProvider value="users">
        <UserEdit id="lea" />
      </ResourceContextProvider>,
      ['admin'],
    );
    const active = (await screen.findByRole('switch', { name: 'Compte actif' })) as HTMLInputElement;
    expect(active.checked).toBe(true);
    expect(screen.queryByRole('switch', { name: 'Désactivé' })).toBeNull();
    fireEvent.click(active);
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(api.to('PUT', '/api/v1/users/lea')).toHaveLength(1));
    expect(api.to('PUT', '/api/v1/users/lea')[0]!.body).toMatchObject({ disabled: true });
  });

  it('says in French, on Rôles, that an admin cannot remove their own admin role', async () => {
    fakeApi({
      'GET /api/v1/users/lea': { body: { ...lea, roles: ['admin'] } },
      'PUT /api/v1/users/lea': apiError(
        400,
        'self_lockout',
        'You cannot remove your own admin role or disable your own account; ask another admin.',
        [{ path: '/roles', message: 'would lock you out of administration', keyword: 'selfLockout' }],
      ),
    });
    renderConsole(
      <ResourceContextProvider value="users">
        <UserEdit id="lea" />
      </ResourceContextProvider>,
      ['admin'],
    );
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Analyste' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Administration' }));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    // The API's English sentence had been the whole notice, and nothing marked on the roles.
    expect(await screen.findByText(/Vous ne pouvez pas retirer votre propre rôle/)).toBeTruthy();
    expect(await screen.findByText(/vous retirerait l’accès à l’administration/)).toBeTruthy();
    expect(screen.queryByText(/You cannot remove/)).toBeNull();
  });

  it('says on the sign-in name, in French, that an account already has it', async () => {
    const api = fakeApi({
      'POST /api/v1/users': apiError(409, 'user_exists', 'A user named "lea" already exists.', [
        { path: '/username', message: 'is already taken', keyword: 'taken' }, // as the API words it
      ]),
    });
    renderConsole(
      <ResourceContextProvider value="users">
        <UserCreate />
      </ResourceContextProvider>,
      ['admin'],
    );
    const username = await screen.findByRole('textbox', { name: /Identifiant/ });
    fireEvent.change(username, { target: { value: 'lea' } });
    fireEvent.change(screen.getByRole('textbox', { name: /Nom affiché/ }), { target: { value: 'Léa' } });
    fireEvent.change(screen.getByLabelText(/Mot de passe/), { target: { value: 'un mot de passe long' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Analyste' }));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Un compte porte déjà cet identifiant de connexion.')).toBeTruthy();
    await waitFor(() => expect(username.getAttribute('aria-invalid')).toBe('true'));
    // On the field, in French: the API's `taken`, worded for any field (« valeur », not a gender to guess).
    expect(document.getElementById(username.getAttribute('aria-describedby')!)!.textContent).toContain(
      'valeur déjà utilisée',
    );
    expect(api.to('POST', '/api/v1/users')).toHaveLength(1);
  });
});
