/**
 * One problem with one place in the input, as JSON Pointer relative to the request body. `keyword` and
 * `params` say what kind of problem it is in a form a client can word in its own language (ajv's keywords
 * and parameters for schema problems, e.g. `minimum` with `{comparison, limit}`); `message` is the English.
 */
export interface ErrorDetail {
  path: string;
  message: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

/**
 * What a path fails to name, as `params.what` of a `notFound` or `archived` detail: a client words it in its own
 * language from this code, the message staying the API's English.
 */
export type NamedThing =
  | 'rule_set'
  | 'prompt'
  | 'experiment'
  | 'decision'
  | 'user'
  | 'api_key'
  | 'review_request'
  | 'reference_table'
  | 'evaluation_set'
  | 'evaluation_run'
  | 'shadow_run';

// Keywords of our own details beside ajv's, which clients word: `notFound` and `archived` ({what}), `duplicate`
// ({value}: a name or id used twice, the path at its second use), `taken`, `reservedName`, and those of the
// files and tables (`syntax`, `csv`, `dmn`, `template`, `cellType`, `unknownColumn`, `keySpaces`, `repeatedKey`).

/** A detail saying the path names no such thing (`/key` names no rule set). */
export function namesNone(path: string, what: NamedThing, message: string): ErrorDetail {
  return { path, message, keyword: 'notFound', params: { what } };
}

/** Errors thrown by services. They know nothing of HTTP; the exception filter maps them to a status. */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  constructor(
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

export class ValidationError extends DomainError {
  readonly code: string;
  constructor(message: string, details: ErrorDetail[] = [], code = 'validation_failed') {
    super(message, details);
    this.code = code;
  }
}

export class UnauthenticatedError extends DomainError {
  readonly code: string;
  constructor(message: string, code = 'unauthenticated') {
    super(message);
    this.code = code;
  }
}

export class ForbiddenError extends DomainError {
  readonly code: string;
  constructor(message: string, code = 'forbidden', details: ErrorDetail[] = []) {
    super(message, details);
    this.code = code;
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'not_found';
}

export class ConflictError extends DomainError {
  readonly code: string;
  constructor(message: string, code = 'conflict', details: ErrorDetail[] = []) {
    super(message, details);
    this.code = code;
  }
}

export class TooManyRequestsError extends DomainError {
  readonly code: string;
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    code = 'rate_limited',
  ) {
    super(message);
    this.code = code;
  }
}

/**
 * A dependency is away or busy: 503. `retryAfterSeconds` is sent as Retry-After when trying again later may
 * succeed; it is left out when only a change of configuration would help (no model configured, credentials
 * refused), so a client does not retry in a loop.
 */
export class DependencyUnavailableError extends DomainError {
  readonly code: string;
  constructor(
    message: string,
    code = 'dependency_unavailable',
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.code = code;
  }
}

/**
 * A dependency answered, and refused what we asked as we built it (the model provider refusing a prompt too long
 * for its model): 502. Not a 503, which tells a caller to retry: the same request would be refused again.
 */
export class DependencyRefusedError extends DomainError {
  readonly code: string;
  constructor(message: string, code: string) {
    super(message);
    this.code = code;
  }
}

/** The caller's copy is stale (If-Match does not match): 412. */
export class PreconditionFailedError extends DomainError {
  readonly code = 'stale_etag';
}

/** The caller must say which copy it edited (If-Match missing): 428. */
export class PreconditionRequiredError extends DomainError {
  readonly code = 'if_match_required';
  /** Always the header that is missing, as every other If-Match refusal names it. */
  constructor(message: string) {
    super(message, [{ path: '/headers/if-match', message: 'is required: send the ETag you read' }]);
  }
}

/** A document over a size limit: 413. */
export class TooLargeError extends DomainError {
  readonly code: string;
  constructor(message: string, details: ErrorDetail[] = [], code = 'too_large') {
    super(message, details);
    this.code = code;
  }
}
