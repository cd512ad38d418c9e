import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { OnDemandWorker, WorkerFailure } from './on-demand-worker.js';

/** A worker script written for the test, as an ES module. */
function script(source: string): URL {
  const file = join(mkdtempSync(join(tmpdir(), 'gabarit-worker-')), 'worker.mjs');
  writeFileSync(file, source);
  return pathToFileURL(file);
}

const limits = { timeoutMs: 10_000, idleMs: 1_000, name: 'the test worker' };

describe('a worker started on demand', () => {
  it('answers through its script, and says a failure that will fail again is not worth retrying', async () => {
    const echo = new OnDemandWorker<{ n: number }, number>(
      script(
        "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', ({ id, n }) => parentPort.postMessage({ id, result: n * 2 }));",
      ),
      limits,
    );
    await expect(echo.run({ n: 21 })).resolves.toBe(42);

    // An installation missing a package the script imports fails the same way at every start.
    const broken = new OnDemandWorker<object, never>(script("import 'no-such-package-of-gabarit';\n"), limits);
    const failure = await broken.run({}).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(WorkerFailure);
    expect(failure).toMatchObject({
      worthRetrying: false,
      message: expect.stringContaining('no-such-package-of-gabarit'),
    });
  });
});
