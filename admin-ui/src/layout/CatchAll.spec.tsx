import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderConsole } from '../common/testing/fake-api';
import { CatchAll } from './CatchAll';

// react-admin routes by the URL's hash.
const openAt = (path: string) => window.history.replaceState(null, '', `/#${path}`);

describe('a page no route answers', () => {
  afterEach(() => openAt('/'));

  it('tells an analyst opening the audit trail that access is denied, and which roles may open it', async () => {
    openAt('/audit');
    renderConsole(<CatchAll />, ['analyst']);
    expect(await screen.findByRole('heading', { name: 'Accès refusé' })).toBeTruthy();
    expect(screen.getByText(/réservée aux rôles\s*: Gestion des risques, Administration\./)).toBeTruthy();
    expect(screen.getByText(/Vos rôles\s*: Analyste\./)).toBeTruthy();
    expect(screen.queryByText('Page manquante')).toBeNull();
  });

  it('names the accounts page by its name for an approver', async () => {
    openAt('/users/create');
    renderConsole(<CatchAll />, ['approver']);
    expect(await screen.findByText(/La page «\s*Comptes\s*» est réservée aux rôles\s*: Administration\./)).toBeTruthy();
  });

  it('says a page is missing when no resource has that name, with one final period', async () => {
    openAt('/nowhere');
    renderConsole(<CatchAll />, ['analyst']);
    expect(await screen.findByText('Page manquante')).toBeTruthy();
    expect(screen.getByText(/mauvais lien\.$/).textContent).not.toMatch(/\.\.$/);
    expect(screen.queryByText('Accès refusé')).toBeNull();
  });
});
