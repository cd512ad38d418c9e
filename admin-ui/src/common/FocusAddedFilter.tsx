import { useEffect, useRef } from 'react';
import { useListContext } from 'react-admin';

/**
 * Puts the keyboard in a filter just added from « Ajouter un filtre ». react-admin looks for its input 50 ms after
 * the choice, before it is drawn, and the closing menu gives the focus back to its button: a keyboard user was left
 * on the button, the new field somewhere in the form (a console review). This waits for the input and the menu.
 * Goes in a list's children; filters shown from the address at load are not « added ».
 */
export const FocusAddedFilter = () => {
  const { displayedFilters } = useListContext();
  const shown = useRef<Set<string> | undefined>(undefined);
  useEffect(() => {
    const now = new Set(Object.entries(displayedFilters ?? {}).flatMap(([source, on]) => (on ? [source] : [])));
    const before = shown.current;
    shown.current = now;
    const added = before && [...now].find((source) => !before.has(source));
    if (!added) return;
    let waited = 0;
    const timer = setInterval(() => {
      waited += 50;
      const input = document.querySelector<HTMLInputElement>(`input[name="${added}"]`);
      // An open menu's popover (a closing one is aria-hidden; the sidebar's menu is no popover).
      const menuOpen = document.querySelector('.MuiPopover-root:not([aria-hidden="true"]) [role="menu"]') !== null;
      if ((input && !menuOpen) || waited >= 2000) {
        clearInterval(timer);
        input?.focus();
      }
    }, 50);
    return () => clearInterval(timer);
  }, [displayedFilters]);
  return null;
};
