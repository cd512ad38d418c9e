/** A fact the rules use that the caller did not send (json-rules-engine refuses to guess). */
export class UndefinedFactError extends Error {
  constructor(readonly fact: string) {
    super(`The rules use the fact "${fact}", which was not provided.`);
  }
}

/** A fact sent with an empty name: json-rules-engine refuses it when it builds its almanac (`new Fact('')`). */
export class UnnamedFactError extends Error {
  constructor() {
    super('factId required');
  }
}

/**
 * An operator that threw on the values it was given (`swap:in` on a number, `everyValue` on a value that is not a
 * list): the library's error and message, with the condition it came from so the caller can be told which fact,
 * and the fact its value names (`value: { fact: … }`), which may as well be the one the operator could not use.
 */
export class OperatorFailedError extends Error {
  constructor(
    readonly fact: string,
    readonly operator: string,
    cause: unknown,
    readonly valueFact?: string,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}
