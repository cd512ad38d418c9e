import { DependencyUnavailableError, ValidationError } from '../../common/errors/domain-errors.js';
import { OnDemandWorker, WorkerFailure } from '../../common/workers/on-demand-worker.js';

/**
 * zxcvbn's score, from 0 (« too guessable ») to 4; 3 is what its authors call safely unguessable against an
 * offline attack on a slow hash (ours is Argon2id). Twelve characters alone let « aaaaaaaaaaaa » and
 * « password1234 » in (docs/adr/0046).
 */
export const MINIMUM_PASSWORD_SCORE = 3;

/** A check slower than this means a broken worker: one 64-character password takes about 0.1 s. */
const CHECK_TIMEOUT_MS = 10_000;
/** Passwords are set rarely; the worker's dictionaries (about 85 MB) are not kept in between. */
const WORKER_IDLE_MS = 30_000;

interface Strength {
  score: number;
  /** zxcvbn's key for what makes it guessable (`simpleRepeat`, `similarToCommon`…), when it names one. */
  warning?: string;
  /** That warning in English, for the API's message. */
  warningText?: string;
}

const WORKER = new URL('./password-strength.worker.mjs', import.meta.url);
let worker: OnDemandWorker<{ password: string; userInputs: string[] }, Strength> | undefined;

/**
 * Refuses a password that is easily guessed, with a 400 naming `/password` and why (keyword `weakPassword`, its
 * `warning` in `params`); `userInputs` are the account's username and display name, which count as guessable.
 */
export async function assertStrongPassword(password: string, userInputs: string[]): Promise<void> {
  worker ??= new OnDemandWorker(WORKER, {
    timeoutMs: CHECK_TIMEOUT_MS,
    idleMs: WORKER_IDLE_MS,
    name: 'the password check',
  });
  let strength: Strength;
  try {
    strength = await worker.run({ password, userInputs });
  } catch (err) {
    if (!(err instanceof WorkerFailure)) throw err;
    // « Try again » only where another try may succeed: a package missing from the installation fails every time.
    throw new DependencyUnavailableError(
      `The password's strength could not be checked now (${err.message})${err.worthRetrying ? '; try again.' : '.'}`,
      'password_check_unavailable',
      1,
    );
  }
  if (strength.score >= MINIMUM_PASSWORD_SCORE) return;
  const why = strength.warningText ? ` ${strength.warningText}` : '';
  throw new ValidationError(
    `The password is too easy to guess.${why} Use a longer one, such as a few unrelated words.`,
    [
      {
        path: '/password',
        message: `is too easy to guess (strength ${strength.score} of 4, at least ${MINIMUM_PASSWORD_SCORE} needed)`,
        keyword: 'weakPassword',
        params: {
          score: strength.score,
          minimum: MINIMUM_PASSWORD_SCORE,
          ...(strength.warning && { warning: strength.warning }),
        },
      },
    ],
    'weak_password',
  );
}
