import type { AuthProvider } from 'react-admin';
import { clearSession, endSession, forgetSessionEnded, readSession, saveSession, type Session } from './session';

// Server error codes the console explains in the user's language; others show the server's message.
const KNOWN_LOGIN_ERRORS = new Set([
  'invalid_credentials',
  'account_locked',
  'rate_limited',
  'demo_account_disabled',
  'account_disabled',
]);

/** Signs in through POST /api/v1/auth/login and keeps the short-lived token until it expires. */
export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    const response = await fetch('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const body = (await response.json().catch(() => ({}))) as Partial<Session> & { error?: string; message?: string };
    if (!response.ok) {
      throw new Error(
        body.error && KNOWN_LOGIN_ERRORS.has(body.error)
          ? `gabarit.auth.errors.${body.error}`
          : (body.message ?? 'ra.auth.sign_in_error'),
      );
    }
    saveSession(body as Session);
    forgetSessionEnded();
  },
  async logout() {
    // Ends the session on the server too (every token of this user), so a copied token is useless after it.
    const session = readSession();
    clearSession();
    if (session)
      await fetch('/api/v1/auth/logout', {
        method: 'POST',
        headers: { authorization: `Bearer ${session.token}` },
      }).catch(() => undefined);
  },
  async checkAuth() {
    if (readSession()) return;
    endSession(); // an expired one is kept until now: the sign-in page then says the session ended
    throw new Error('gabarit.auth.session_expired');
  },
  async checkError(error: { status?: number }) {
    if (error.status === 401) {
      endSession();
      throw new Error('gabarit.auth.session_expired');
    }
  },
  async getIdentity() {
    const session = readSession();
    if (!session) throw new Error('gabarit.auth.session_expired');
    return { id: session.user.username, fullName: session.user.displayName, roles: session.user.roles };
  },
  async getPermissions() {
    return readSession()?.user.roles ?? [];
  },
};
