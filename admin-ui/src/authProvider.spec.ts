import { beforeEach, describe, expect, it, vi } from 'vitest';
import { authProvider } from './authProvider';
import { readSession, sessionEnded } from './session';

// The HTTP boundary is faked here; the real sign-in against the server is covered by the browser tests.
function answer(status: number, body: object) {
  return vi.fn(
    async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  );
}

describe('authProvider', () => {
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });

  it('notes a session that ended under its user (a 401, or expired) for the sign-in page, not a first visit', async () => {
    const session = (minutes: number) =>
      localStorage.setItem(
        'gabarit.session',
        JSON.stringify({
          token: 't',
          expiresAt: new Date(Date.now() + minutes * 60_000).toISOString(),
          user: { username: 'analyst', displayName: 'Analyste', roles: ['analyst'] },
        }),
      );
    await expect(authProvider.checkAuth({})).rejects.toThrow('gabarit.auth.session_expired');
    expect(sessionEnded()).toBe(false); // nobody was signed in
    session(60);
    await expect(authProvider.checkError({ status: 401 })).rejects.toThrow('gabarit.auth.session_expired');
    expect([readSession(), sessionEnded(), sessionEnded()]).toEqual([undefined, true, true]); // read, still there
    // Signing in again forgets it.
    const expiresAt = new Date(Date.now() + 3600_000).toISOString();
    vi.stubGlobal(
      'fetch',
      answer(200, { token: 't', expiresAt, user: { username: 'a', displayName: 'A', roles: [] } }),
    );
    await authProvider.login({ username: 'a', password: 'demo' });
    expect(sessionEnded()).toBe(false);
    session(-1);
    await expect(authProvider.checkAuth({})).rejects.toThrow('gabarit.auth.session_expired');
    expect(sessionEnded()).toBe(true);
  });

  it('keeps the session after a successful sign-in and exposes identity and roles', async () => {
    const expiresAt = new Date(Date.now() + 3600_000).toISOString();
    const fetchMock = answer(200, {
      token: 't',
      expiresAt,
      user: { username: 'risk', displayName: 'Risque', roles: ['risk'] },
    });
    vi.stubGlobal('fetch', fetchMock);
    await authProvider.login({ username: 'risk', password: 'demo' });
    expect(fetchMock).toHaveBeenCalledWith('/api/v1/auth/login', expect.objectContaining({ method: 'POST' }));
    await expect(authProvider.checkAuth({})).resolves.toBeUndefined();
    await expect(authProvider.getIdentity!()).resolves.toEqual({ id: 'risk', fullName: 'Risque', roles: ['risk'] });
    await expect(authProvider.getPermissions!({})).resolves.toEqual(['risk']);
  });

  it('turns known server error codes into translatable messages', async () => {
    vi.stubGlobal(
      'fetch',
      answer(401, { error: 'invalid_credentials', message: 'Unknown username or wrong password.', details: [] }),
    );
    await expect(authProvider.login({ username: 'x', password: 'y' })).rejects.toThrow(
      'gabarit.auth.errors.invalid_credentials',
    );
    vi.stubGlobal(
      'fetch',
      answer(400, { error: 'validation_failed', message: 'The request body is invalid.', details: [] }),
    );
    await expect(authProvider.login({ username: 'x', password: 'y' })).rejects.toThrow('The request body is invalid.');
  });

  it('treats an expired session as signed out, and a 401 from the API as the end of the session', async () => {
    localStorage.setItem(
      'gabarit.session',
      JSON.stringify({ token: 't', expiresAt: new Date(Date.now() - 1000).toISOString(), user: {} }),
    );
    await expect(authProvider.checkAuth({})).rejects.toThrow();
    localStorage.setItem(
      'gabarit.session',
      JSON.stringify({ token: 't', expiresAt: new Date(Date.now() + 60_000).toISOString(), user: {} }),
    );
    await expect(authProvider.checkError({ status: 403 })).resolves.toBeUndefined();
    expect(readSession()).toBeDefined();
    await expect(authProvider.checkError({ status: 401 })).rejects.toThrow();
    expect(readSession()).toBeUndefined();
  });

  it('signs out on the server too, with the token it held, and forgets the session even if the server is away', async () => {
    localStorage.setItem(
      'gabarit.session',
      JSON.stringify({ token: 'jeton', expiresAt: new Date(Date.now() + 60_000).toISOString(), user: {} }),
    );
    const fetchMock = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetchMock);
    await authProvider.logout({});
    expect(fetchMock).toHaveBeenCalledWith('/api/v1/auth/logout', {
      method: 'POST',
      headers: { authorization: 'Bearer jeton' },
    });
    expect(readSession()).toBeUndefined();
    localStorage.setItem(
      'gabarit.session',
      JSON.stringify({ token: 'jeton', expiresAt: new Date(Date.now() + 60_000).toISOString(), user: {} }),
    );
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('network'))),
    );
    await expect(authProvider.logout({})).resolves.toBeUndefined();
    expect(readSession()).toBeUndefined();
  });
});
