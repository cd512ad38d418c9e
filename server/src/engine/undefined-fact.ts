/** A fact the rules use that the caller did not send (json-rules-engine refuses to guess). */
export class UndefinedFactError extends Error {
  constructor(readonly fact: string) {
    super(`The rules use the fact "${fact}", which was not provided.`);
  }
}
