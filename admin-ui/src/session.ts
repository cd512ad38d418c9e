/** The signed-in session kept in the browser: the token and who it belongs to. */
export interface Session {
  token: string;
  expiresAt: string;
  user: { username: string; displayName: string; roles: string[] };
}

const KEY = 'gabarit.session';

export function readSession(): Session | undefined {
  const raw = localStorage.getItem(KEY);
  if (!raw) return undefined;
  try {
    const session = JSON.parse(raw) as Session;
    return Date.parse(session.expiresAt) > Date.now() ? session : undefined;
  } catch {
    return undefined;
  }
}

export function saveSession(session: Session): void {
  localStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  localStorage.removeItem(KEY);
}

const ENDED = 'gabarit.session-ended';

/**
 * A session that ended without its user signing out (expired, or ended on the server): cleared, and noted for the
 * sign-in page, which says why the user is there. Only when one was kept: a first visit is not an ended session.
 */
export function endSession(): void {
  if (localStorage.getItem(KEY) === null) return;
  clearSession();
  sessionStorage.setItem(ENDED, '1');
}

/**
 * Whether a session ended and nobody signed in since. Kept until a sign-in, not forgotten when read: react-admin
 * mounts the sign-in page more than once on the way there, and the first mount had taken the note away.
 */
export function sessionEnded(): boolean {
  return sessionStorage.getItem(ENDED) !== null;
}

export function forgetSessionEnded(): void {
  sessionStorage.removeItem(ENDED);
}
