import { useEffect } from 'react';
import { useBlocker, useTranslate } from 'react-admin';

/**
 * Asks before leaving a page with unsaved changes: inside the console (router blocker) and when closing or
 * reloading the tab (beforeunload), as react-admin's warnWhenUnsavedChanges does for its own forms.
 */
export function useLeaveGuard(dirty: boolean): void {
  const translate = useTranslate();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);

  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    if (!dirty || window.confirm(translate('ra.message.unsaved_changes'))) blocker.proceed?.();
    else blocker.reset?.();
  }, [blocker.state, dirty, translate]); // the blocker object changes on every render: its state is what matters

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
}
