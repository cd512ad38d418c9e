/**
 * A lookup's key that no table key can equal: a list or an object. Table keys are texts (numbers and true/false
 * read as their text), and the key was turned into a text to find its row: a list matched the row of its only item
 * (`["a"]` found row "a"), and an object whose `toString` is no function threw, a 500 (an API probe).
 */
export class LookupKeyError extends Error {
  constructor(
    readonly lookupFact: string,
    readonly keyFact: string,
  ) {
    super(
      `The lookup "${lookupFact}" finds its row by the fact "${keyFact}", which is a list or an object; a key is a text, a number or true/false.`,
    );
  }
}

/** Whether `key` can name a row: a text, a number or true/false (null and absence find none). */
export function isLookupKey(key: unknown): boolean {
  return key === undefined || key === null || typeof key !== 'object';
}
