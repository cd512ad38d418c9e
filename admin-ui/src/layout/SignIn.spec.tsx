import { fireEvent, render, screen } from '@testing-library/react';
import { AdminContext, memoryStore, type AuthProvider } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { i18nProvider } from '../i18n/i18nProvider';
import { SignIn } from './SignIn';

/** Nobody is signed in: the page stays. */
const signedOut: AuthProvider = {
  login: () => Promise.resolve(),
  logout: () => Promise.resolve(),
  checkAuth: () => Promise.reject(new Error('signed out')),
  checkError: () => Promise.resolve(),
  getPermissions: () => Promise.resolve(),
};

describe('the sign-in page', () => {
  it('says a session ended mid-work, and that unsaved changes were kept', () => {
    sessionStorage.setItem('gabarit.session-ended', '1');
    render(
      <AdminContext i18nProvider={i18nProvider} authProvider={signedOut} store={memoryStore()}>
        <SignIn />
      </AdminContext>,
    );
    expect(screen.getByRole('alert').textContent).toMatch(/^Votre session a pris fin\s: reconnectez-vous\./);
    expect(screen.getByRole('alert').textContent).toContain('gardée dans ce navigateur');
  });

  it('names the product and what it is for, in French first, and switches to English before signing in', async () => {
    sessionStorage.clear(); // no session ended here
    render(
      <AdminContext i18nProvider={i18nProvider} authProvider={signedOut} store={memoryStore()}>
        <SignIn />
      </AdminContext>,
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Gabarit' })).toBeTruthy();
    expect(screen.getByText('Règles et gabarits de requête des projets pilotes')).toBeTruthy();
    expect(screen.getByRole('button', { name: /connexion/i })).toBeTruthy();

    // react-admin gives the language button an empty aria-label; Chromium then names it by its text, jsdom does not.
    fireEvent.click(screen.getAllByRole('button').find((button) => button.textContent === 'Français')!);
    fireEvent.click(await screen.findByRole('menuitem', { name: 'English' }));
    expect(await screen.findByText('Rules and prompt templates of the pilot projects')).toBeTruthy();
    expect(screen.getByRole('button', { name: /sign in/i })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull(); // nothing ended: nothing to say
  });
});
