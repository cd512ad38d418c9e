import { render, screen } from '@testing-library/react';
import { AdminContext, type AuthProvider } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { i18nProvider } from '../i18n/i18nProvider';
import { Dashboard } from './Dashboard';

const signedInAs = (fullName: string, roles: string[]): AuthProvider => ({
  login: async () => undefined,
  logout: async () => undefined,
  checkAuth: async () => undefined,
  checkError: async () => undefined,
  getIdentity: async () => ({ id: 'u', fullName, roles }),
  getPermissions: async () => roles,
});

describe('Dashboard', () => {
  it('greets the user in French and names each role', async () => {
    render(
      <AdminContext authProvider={signedInAs('Approbatrice (démo)', ['approver', 'risk'])} i18nProvider={i18nProvider}>
        <Dashboard />
      </AdminContext>,
    );
    expect(await screen.findByRole('heading', { name: 'Bienvenue, Approbatrice (démo)' })).toBeTruthy();
    expect(screen.getByText('Approbation')).toBeTruthy();
    expect(screen.getByText('Gestion des risques')).toBeTruthy();
    expect(screen.getByRole('link', { name: "Documentation de l'API" }).getAttribute('href')).toBe('/api/docs');
  });
});
