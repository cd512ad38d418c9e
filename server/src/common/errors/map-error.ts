import { HttpException } from '@nestjs/common';
import {
  ConflictError,
  DependencyRefusedError,
  DependencyUnavailableError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  PreconditionFailedError,
  PreconditionRequiredError,
  TooLargeError,
  TooManyRequestsError,
  UnauthenticatedError,
  ValidationError,
} from './domain-errors.js';
import { boundedDetails, type MappedError } from './error-body.js';
import { isDatabaseDown } from './database-errors.js';

const statusByDomainError: [new (...args: never[]) => DomainError, number][] = [
  [ValidationError, 400],
  [UnauthenticatedError, 401],
  [ForbiddenError, 403],
  [NotFoundError, 404],
  [ConflictError, 409],
  [PreconditionFailedError, 412],
  [TooLargeError, 413],
  [PreconditionRequiredError, 428],
  [TooManyRequestsError, 429],
  [DependencyRefusedError, 502],
  [DependencyUnavailableError, 503],
];

const codeByStatus: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  409: 'conflict',
  412: 'precondition_failed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  428: 'precondition_required',
  429: 'rate_limited',
  503: 'service_unavailable',
};

/**
 * The driver looks for a database it lost every 2 s (mongo-connection.ts) and reconnects within the next
 * look: a client that waits this long asks a connection that knows again.
 */
const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * What a 401 asks for (RFC 9110 §11.6.1): a bearer token, a session's or an API key's (X-API-Key is the other way
 * to send a key). HTTP clients that retry with credentials look for it; it was missing (an API review).
 */
const AUTHENTICATE_CHALLENGE = 'Bearer realm="gabarit"';

/** A body limit as a 413 says it: its bytes, and whose (`BODY_LIMIT_BYTES`, or a route's own). */
export interface BodyLimit {
  bytes: number;
  of: string;
}

/** Turns anything thrown while serving a request into a status and the §7 error body. */
export function mapError(exception: unknown, bodyLimit?: BodyLimit, method = 'GET'): MappedError {
  if (exception instanceof DomainError) {
    const status = statusByDomainError.find(([type]) => exception instanceof type)?.[1] ?? 500;
    const retryAfter =
      exception instanceof TooManyRequestsError || exception instanceof DependencyUnavailableError
        ? exception.retryAfterSeconds
        : undefined;
    const headers: Record<string, string> | undefined =
      retryAfter !== undefined
        ? { 'retry-after': String(retryAfter) }
        : status === 401
          ? { 'www-authenticate': AUTHENTICATE_CHALLENGE }
          : undefined;
    const body = { error: exception.code, message: exception.message, details: exception.details };
    return { status, headers, body: boundedDetails(body) };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    if (status === 413) return tooLarge(bodyLimit); // Nest's adapter wraps Fastify's body limit so
    return {
      status,
      body: {
        error: codeByStatus[status] ?? 'http_error',
        message: exception.message,
        details: headerDetails(status, exception.message),
      },
    };
  }
  const err = exception as { name?: string; code?: string; statusCode?: number; message?: string } | undefined;
  if (isDatabaseDown(exception)) {
    // A write may have reached the database before it stopped answering (it then lands when the database resumes,
    // its audit event with it): « nothing was changed » was untrue of an admin account created so.
    const reading = method === 'GET' || method === 'HEAD';
    return {
      status: 503,
      headers: { 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) },
      body: {
        error: 'database_unavailable',
        message: reading
          ? 'The database is unreachable. Try again shortly.'
          : 'The database stopped answering: the change may or may not have been made. Read it back before sending it again.',
        details: [],
      },
    };
  }
  if (err?.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err?.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return {
      status: 400,
      body: {
        error: 'invalid_json',
        message: `The request body is not valid JSON: ${err.message}`,
        // At the body's root, as its other refusals (too deep, not UTF-8, too large) are.
        details: [{ path: '/', message: 'is not valid JSON', keyword: 'syntax' }],
      },
    };
  }
  // Errors raised by Fastify itself (body limit, media type...) carry a 4xx statusCode.
  if (typeof err?.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
    const status = err.statusCode;
    if (status === 413) return tooLarge(bodyLimit);
    const message = err.message ?? 'Bad request';
    return {
      status,
      body: { error: codeByStatus[status] ?? 'bad_request', message, details: headerDetails(status, message) },
    };
  }
  return { status: 500, body: { error: 'internal_error', message: 'An unexpected error occurred.', details: [] } };
}

/**
 * A body the route cannot read (415) is refused for a header: named there, a compressed body by its encoding. The
 * detail says which part of the header; the message beside it already says what was sent and what to send.
 */
function headerDetails(status: number, message: string): { path: string; message: string }[] {
  if (status !== 415) return [];
  if (/Content-Encoding/.test(message))
    return [{ path: '/headers/content-encoding', message: 'is not an encoding this route reads' }];
  const what = /charset/.test(message) ? 'a charset' : 'a media type';
  return [{ path: '/headers/content-type', message: `is not ${what} this route reads` }];
}

/** A body over the limit, with the limit said: 500 invoices of ten lines reach a megabyte before 500 items. */
function tooLarge(bodyLimit: BodyLimit | undefined): MappedError {
  const limit = bodyLimit === undefined ? 'the configured limit' : `${bodyLimit.bytes} bytes (${bodyLimit.of})`;
  return {
    status: 413,
    body: {
      error: 'payload_too_large',
      message: `The request body is larger than ${limit}: send a smaller one (a batch: fewer items per request).`,
      details: [{ path: '/', message: `exceeds ${limit}` }],
    },
  };
}
