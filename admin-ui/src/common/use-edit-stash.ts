import { useCallback, useEffect, useRef, useState } from 'react';
import { useLogout } from 'react-admin';
import type { Problem } from './api-error';
import { dropStash, readStash, stashEdit, type StashedEdit } from './draft-stash';
import { endSession } from '../session';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const STASH_DELAY_MS = 400;

/**
 * Keeps an editor's unsaved content in the browser while it differs from what was loaded, offers it back on the
 * next visit, and on an expired session (401) sends the user to sign in — the edit waits for their return.
 */
export function useEditStash<T>(
  resource: string,
  key: string,
  loaded: T | undefined,
  current: T | undefined,
  baseEtag: string,
) {
  const logout = useLogout();
  const [restorable, setRestorable] = useState<StashedEdit<T> | undefined>();
  const [offered, setOffered] = useState(false);

  useEffect(() => {
    if (loaded === undefined || offered) return;
    setOffered(true);
    const stash = readStash<T>(resource, key);
    if (stash && !same(stash.content, loaded)) setRestorable(stash);
  }, [loaded, offered, resource, key]);

  // Written once typing pauses: serialising a whole rule set on every keystroke would slow the editor down. What is
  // still pending is written at once when the page goes (leaving the editor, closing the tab, an expired session).
  const latest = useRef({ loaded, current, baseEtag });
  latest.current = { loaded, current, baseEtag };
  const flush = useCallback(() => {
    const { loaded: base, current: edit, baseEtag: etag } = latest.current;
    if (base !== undefined && edit !== undefined && !same(edit, base))
      stashEdit(resource, key, { content: edit, baseEtag: etag });
  }, [resource, key]);
  useEffect(() => {
    const timer = setTimeout(flush, STASH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [loaded, current, flush]);
  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  return {
    restorable,
    /** The kept content, once; the editor puts it back in its form. */
    take: useCallback(() => {
      setRestorable(undefined);
      return restorable?.content;
    }, [restorable]),
    discard: useCallback(() => {
      dropStash(resource, key);
      setRestorable(undefined);
    }, [resource, key]),
    /** After a successful save nothing is left to keep. */
    saved: useCallback(() => dropStash(resource, key), [resource, key]),
    /** True when the problem was an expired session, now being handled by signing in again. */
    sessionExpired: useCallback(
      async (problem: Problem) => {
        if (problem.status !== 401) return false;
        flush();
        endSession(); // the sign-in page then says the session ended and the changes were kept
        await logout({}, undefined, true);
        return true;
      },
      [logout, flush],
    ),
  };
}
