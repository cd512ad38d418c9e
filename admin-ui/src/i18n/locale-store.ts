import { localStorageStore, type Store } from 'react-admin';

/** Where react-admin's store keeps the console's language. */
const LOCALE = 'locale';

/**
 * react-admin's store in the browser's local storage, except that clearing it keeps the language. react-admin
 * clears its store when someone signs out or their session ends, so a person who chose English was shown French
 * again at the next sign-in, every day with one-hour sessions. The language is not a session's: it stays.
 */
export function storeKeepingLocale(base: Store = localStorageStore()): Store {
  return {
    ...base,
    reset: () => {
      for (const key of Object.keys(base.listItems?.() ?? {})) if (key !== LOCALE) base.removeItem(key);
    },
  };
}
