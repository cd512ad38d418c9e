import { afterEach, describe, expect, it, vi } from 'vitest';
import { keepFocusAfterDialogs, REFOCUS_WINDOW_MS } from './focus-after-dialogs';

describe('focus after a dialog whose opener is gone', () => {
  afterEach(() => {
    vi.useRealTimers();
    document.body.innerHTML = '';
  });

  const page = () => {
    document.body.innerHTML = '<div id="main-content"><button id="opener">Révoquer</button></div>';
    const dialog = document.createElement('div');
    dialog.className = 'MuiModal-root';
    dialog.innerHTML = '<button id="confirm">Confirmer</button>';
    document.body.append(dialog);
    return dialog;
  };

  it('puts focus on the page’s content when it fell to the body, not on the top of the page', async () => {
    vi.useFakeTimers();
    const stop = keepFocusAfterDialogs();
    const dialog = page();
    (document.getElementById('confirm') as HTMLButtonElement).focus();
    document.getElementById('opener')!.remove(); // the row was read again: its button is gone
    dialog.remove();
    await Promise.resolve(); // the observer's callback
    expect(document.activeElement).toBe(document.body);
    await vi.advanceTimersByTimeAsync(150);
    expect(document.activeElement?.id).toBe('main-content');
    expect(document.getElementById('main-content')!.getAttribute('tabindex')).toBe('-1');
    stop();
  });

  it('leaves focus where the dialog gave it back, and stops watching after a while', async () => {
    vi.useFakeTimers();
    const stop = keepFocusAfterDialogs();
    const dialog = page();
    const opener = document.getElementById('opener') as HTMLButtonElement;
    dialog.remove();
    await Promise.resolve();
    opener.focus(); // the opener is still there: MUI gives it focus back
    await vi.advanceTimersByTimeAsync(REFOCUS_WINDOW_MS + 500);
    expect(document.activeElement).toBe(opener);
    opener.blur(); // later, focus on the body is the person's own doing
    await vi.advanceTimersByTimeAsync(500);
    expect(document.activeElement).toBe(document.body);
    stop();
  });
});
