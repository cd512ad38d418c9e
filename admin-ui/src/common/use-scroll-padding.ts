import { useCallback, useRef } from 'react';

/**
 * Keeps what the keyboard focuses clear of a bar that stays at the top as the page scrolls: the browser scrolls a
 * focused field just into view, which put it under the bar (WCAG 2.4.11, a console review of the rule-set editors).
 * Sets the page's `scroll-padding-top` to the bar's bottom while the bar is sticky (not on a phone, where it scrolls
 * away), following its height as it changes (a long name on two lines), and takes it back when the bar goes.
 * Returns the ref to give the bar: a callback, since the bar may be drawn after the page (once its data came).
 */
export function useScrollPaddingUnder<T extends HTMLElement>(): (element: T | null) => void {
  const stop = useRef<(() => void) | undefined>(undefined);
  return useCallback((element: T | null) => {
    stop.current?.();
    stop.current = undefined;
    if (!element) return;
    const root = document.documentElement;
    const follow = () => {
      const style = getComputedStyle(element);
      root.style.scrollPaddingTop =
        style.position === 'sticky' ? `${(parseFloat(style.top) || 0) + element.offsetHeight + 8}px` : '';
    };
    follow();
    // Every browser the console supports has it; the tests' DOM does not.
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(follow);
    observer?.observe(element);
    window.addEventListener('resize', follow);
    stop.current = () => {
      observer?.disconnect();
      window.removeEventListener('resize', follow);
      root.style.scrollPaddingTop = '';
    };
  }, []);
}
