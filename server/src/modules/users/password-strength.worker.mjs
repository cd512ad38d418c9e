// Estimates how easily a password would be guessed, with zxcvbn (docs/adr/0046), off the main thread: zxcvbn's
// matching is synchronous and grows fast with length and with letters that read as others (« 4 » for « a »):
// 0.3–5 s for a 256-character password on the development machine, and its dictionaries take about 85 MB of heap.
// This worker is started when a password is set, and ends when idle.
//
// Plain JavaScript on purpose: a worker thread is started by Node itself, from the file as it is on disk, both
// from the build and under the test runner, which compiles TypeScript for its own module loader only.
import { parentPort } from 'node:worker_threads';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import * as fr from '@zxcvbn-ts/language-fr';

const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...en.dictionary, ...fr.dictionary },
  graphs: common.adjacencyGraphs,
  // The first 64 characters are weighed: a longer password is strong by its length unless those already are weak.
  // With at most 10 letters read as others, a password of any length is weighed in about 0.1 s.
  maxLength: 64,
  l33tMaxSubstitutions: 10,
  // No translations: the warning comes back as its key (`simpleRepeat`), which the console words itself.
});

/** `userInputs`: the account's own names, which a password should not be made of. */
parentPort.on('message', ({ id, password, userInputs }) => {
  try {
    const { score, feedback } = zxcvbn.check(password, userInputs);
    const warning = feedback.warning ?? undefined;
    parentPort.postMessage({
      id,
      result: { score, warning, warningText: warning ? en.translations.warnings[warning] : undefined },
    });
  } catch (err) {
    parentPort.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
});
