/**
 * Promises on a simulated microtask queue, following the ECMAScript job order (reaction jobs, resolve-thenable
 * jobs, Promise.all), run synchronously to the end by `drain()`. Used only to replay json-rules-engine's
 * promise chains when a run fails, to know which of several failures the library would report first.
 */
export class Microtasks {
  private readonly jobs: (() => void)[] = [];
  private next = 0;

  enqueue(job: () => void): void {
    this.jobs.push(job);
  }

  drain(limit = 1_000_000): void {
    while (this.next < this.jobs.length) {
      if (this.next >= limit) throw new Error('Simulated microtask queue did not settle');
      this.jobs[this.next++]!();
    }
  }

  /** Promise.resolve(value): a promise is returned as is. */
  resolve(value: unknown): SimPromise {
    if (value instanceof SimPromise) return value;
    const p = new SimPromise(this);
    p.fulfill(value);
    return p;
  }

  reject(reason: unknown): SimPromise {
    const p = new SimPromise(this);
    p.fail(reason);
    return p;
  }

  /** Promise.all: each element's `then` is subscribed in order; the first rejection to run wins. */
  all(items: unknown[]): SimPromise {
    const result = new SimPromise(this);
    const values: unknown[] = new Array(items.length);
    let remaining = 1;
    items.forEach((item, i) => {
      remaining++;
      this.resolve(item).then(
        (v) => {
          values[i] = v;
          if (--remaining === 0) result.resolveWith(values);
        },
        (e) => result.rejectOnce(e),
      );
    });
    if (--remaining === 0) result.resolveWith(values);
    return result;
  }
}

type Handler = ((value: unknown) => unknown) | undefined;
interface Reaction {
  onFulfilled: Handler;
  onRejected: Handler;
  derived: SimPromise;
}

export class SimPromise {
  private state: 'pending' | 'fulfilled' | 'rejected' = 'pending';
  private value: unknown;
  private resolved = false;
  private reactions: Reaction[] = [];

  constructor(private readonly queue: Microtasks) {}

  then(onFulfilled?: Handler, onRejected?: Handler): SimPromise {
    const reaction = { onFulfilled, onRejected, derived: new SimPromise(this.queue) };
    if (this.state === 'pending') this.reactions.push(reaction);
    else this.schedule(reaction);
    return reaction.derived;
  }

  /** The promise's resolve function: a thenable takes a job to subscribe to, then one for its reaction. */
  resolveWith(value: unknown): void {
    if (this.resolved) return;
    this.resolved = true;
    if (value instanceof SimPromise) {
      this.queue.enqueue(() => {
        value.then(
          (v) => this.fulfill(v),
          (e) => this.fail(e),
        );
      });
    } else this.fulfill(value);
  }

  rejectOnce(reason: unknown): void {
    if (this.resolved) return;
    this.resolved = true;
    this.fail(reason);
  }

  fulfill(value: unknown): void {
    this.settle('fulfilled', value);
  }

  fail(reason: unknown): void {
    this.settle('rejected', reason);
  }

  private settle(state: 'fulfilled' | 'rejected', value: unknown): void {
    if (this.state !== 'pending') return;
    this.resolved = true;
    this.state = state;
    this.value = value;
    const reactions = this.reactions;
    this.reactions = [];
    for (const reaction of reactions) this.schedule(reaction);
  }

  private schedule({ onFulfilled, onRejected, derived }: Reaction): void {
    const { state, value } = this;
    this.queue.enqueue(() => {
      const handler = state === 'fulfilled' ? onFulfilled : onRejected;
      if (!handler) {
        if (state === 'fulfilled') derived.resolveWith(value);
        else derived.rejectOnce(value);
        return;
      }
      let result: unknown;
      try {
        result = handler(value);
      } catch (err) {
        derived.rejectOnce(err);
        return;
      }
      derived.resolveWith(result);
    });
  }
}
