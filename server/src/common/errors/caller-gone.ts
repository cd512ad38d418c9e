/**
 * The caller closed the request before its answer: the work for it was given up (a call to the model). Nobody
 * reads the answer, so none is written, and it is no error of the service's to log.
 */
export class CallerGoneError extends Error {
  constructor() {
    super('The caller closed the request before its answer.');
    this.name = 'CallerGoneError';
  }
}
