import { useCallback, useEffect, useState } from 'react';
import { useLogout } from 'react-admin';
import type { Problem } from './api-error';
import { dropStash, readStash, stashEdit, type StashedEdit } from './draft-stash';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Keeps an editor's unsaved content in the browser while it differs from what was loaded, offers it back on the
 * next visit, and on an expired session (401) sends the user to sign in — the edit waits for their return.
 */
export function useEditStash<T>(resource: string, key: string, loaded: T | undefined, current: T | undefined, baseEtag: string) {
  const logout = useLogout();
  const [restorable, setRestorable] = useState<StashedEdit<T> | undefined>();
  const [offered, setOffered] = useState(false);

  useEffect(() => {
    if (loaded === undefined || offered) return;
    setOffered(true);
    const stash = readStash<T>(resource, key);
    if (stash && !same(stash.content, loaded)) setRestorable(stash);
  }, [loaded, offered, resource, key]);

  useEffect(() => {
    if (loaded !== undefined && current !== undefined && !same(current, loaded)) stashEdit(resource, key, { content: current, baseEtag });
  }, [loaded, current, resource, key, baseEtag]);

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
        await logout({}, undefined, true);
        return true;
      },
      [logout],
    ),
  };
}
