/** How long after a dialog closes focus found on the page's body is brought back: the list is read again meanwhile. */
export const REFOCUS_WINDOW_MS = 3_000;
const CHECK_EVERY_MS = 100;

/**
 * A dialog gives focus back to the button that opened it, when that button is still there. After « Approuver »,
 * « Révoquer » or « Trancher » the row is read again and its button is gone (or another stands in its place):
 * focus fell to the page's body, and a keyboard user started again from the top of the page, past the menu. For a
 * moment after any dialog closes, focus found on the body goes to the page's content (`#main-content`), where
 * Tab continues. A dialog is MUI's modal root, portalled to the body; menus are too, but give focus back to their
 * field, which is still there, so nothing is done for them. Returns what stops watching.
 */
export function keepFocusAfterDialogs(root: Document = document): () => void {
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const watch = (until: number) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      const content = root.getElementById('main-content');
      if (content && (root.activeElement === root.body || root.activeElement === null)) {
        if (!content.hasAttribute('tabindex')) content.setAttribute('tabindex', '-1');
        content.focus({ preventScroll: true });
        return;
      }
      if (Date.now() < until) watch(until);
    }, CHECK_EVERY_MS);
    timers.add(timer);
  };
  const observer = new MutationObserver((changes) => {
    const closed = changes.some((change) =>
      [...change.removedNodes].some((node) => node instanceof HTMLElement && node.classList.contains('MuiModal-root')),
    );
    if (closed) watch(Date.now() + REFOCUS_WINDOW_MS);
  });
  observer.observe(root.body, { childList: true });
  return () => {
    observer.disconnect();
    timers.forEach(clearTimeout);
  };
}
