import { setTimeout as sleep } from 'node:timers/promises';

/**
 * What `promise` gives, or `fallback()` when it has not settled within `ms`: for waits that must stay bounded
 * (a ping, a scrape, a child process stopping) and may go on in the background. The timer never keeps the
 * process alive.
 */
export function within<T>(promise: Promise<T>, ms: number, fallback: () => T): Promise<T> {
  return Promise.race([promise, sleep(ms, undefined, { ref: false }).then(fallback)]);
}
