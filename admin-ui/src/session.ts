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
