import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ResourceContextProvider } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderConsole } from '../common/testing/fake-api';
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
  });
});
