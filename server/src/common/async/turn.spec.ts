import { describe, expect, it } from '@jest/globals';
import { createServer } from 'node:http';
import { setImmediate as immediate } from 'node:timers/promises';
import { turn } from './turn.js';

/** Whether a timer due when a request's handler yields runs before the handler goes on. */
async function timerRunsBetween(yieldOnce: () => Promise<void>): Promise<boolean> {
  let answer: (ran: boolean) => void;
  const result = new Promise<boolean>((resolve) => (answer = resolve));
  const server = createServer((_req, res) => {
    let ran = false;
    // Due at once; it runs in the loop's timers phase, which a yield may or may not reach.
    setTimeout(() => (ran = true), 0);
    const due = performance.now() + 3;
    while (performance.now() < due); // the timer is due now
    void yieldOnce().then(() => {
      answer(ran);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await fetch(`http://127.0.0.1:${port}/`).then((r) => r.text());
  server.close();
  return result;
}

describe('turn', () => {
  it('lets a due timer run before the work goes on, even from a request handler, where one setImmediate does not', async () => {
    expect(await timerRunsBetween(async () => void (await immediate()))).toBe(false);
    expect(await timerRunsBetween(turn)).toBe(true);
  });
});
