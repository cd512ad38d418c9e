import { describe, expect, it } from '@jest/globals';
import { NotFoundException } from '@nestjs/common';
import {
  ConflictError,
  DependencyUnavailableError,
  TooManyRequestsError,
  UnauthenticatedError,
  ValidationError,
} from './domain-errors.js';
import { mapError } from './map-error.js';

describe('mapError', () => {
  it('maps domain errors to their status with the §7 body', () => {
    expect(mapError(new ValidationError('bad', [{ path: '/a', message: 'is required' }]))).toEqual({
      status: 400,
      headers: undefined,
      body: { error: 'validation_failed', message: 'bad', details: [{ path: '/a', message: 'is required' }] },
    });
    expect(mapError(new ConflictError('stale', 'stale_etag')).status).toBe(409);
    expect(mapError(new TooManyRequestsError('slow down', 30)).headers).toEqual({ 'retry-after': '30' });
    expect(mapError(new DependencyUnavailableError('busy', 'experiment_log_busy', 1)).headers).toEqual({
      'retry-after': '1',
    });
    expect(mapError(new DependencyUnavailableError('configure it', 'llm_not_configured')).headers).toBeUndefined();
    // A 401 says what it asks for, as HTTP requires: a bearer token (a session's or an API key).
    expect(mapError(new UnauthenticatedError('sign in', 'session_ended')).headers).toEqual({
      'www-authenticate': 'Bearer realm="gabarit"',
    });
  });

  it('lists at most 100 details, and says how many there were', () => {
    const details = Array.from({ length: 465_500 }, (_, i) => ({
      path: `/csv/line/${i + 2}/x`,
      message: 'is not a number',
    }));
    const { body } = mapError(new ValidationError('465500 problem(s) in the CSV; nothing was changed.', details));
    expect(body.details).toEqual(details.slice(0, 100));
    expect(body.message).toBe(
      '465500 problem(s) in the CSV; nothing was changed. (the first 100 of 465500 details are listed)',
    );
  });

  it('maps a driver error meaning "database unreachable" to 503', () => {
    const err = Object.assign(new Error('connect ECONNREFUSED'), { name: 'MongoServerSelectionError' });
    expect(mapError(err)).toMatchObject({
      status: 503,
      headers: { 'retry-after': '5' },
      body: { error: 'database_unavailable' },
    });
    // A write's request may have reached the database before it stopped answering: its outcome is not known.
    const timeout = Object.assign(new Error('timed out'), { name: 'MongoNetworkTimeoutError' });
    expect(mapError(timeout, undefined, 'POST').body.message).toBe(
      'The database stopped answering: the change may or may not have been made. Read it back before sending it again.',
    );
    expect(mapError(timeout, undefined, 'GET').body.message).toBe('The database is unreachable. Try again shortly.');
  });

  it('keeps Fastify 4xx errors and Nest HTTP exceptions as they are', () => {
    expect(mapError(Object.assign(new Error('too big'), { statusCode: 413 }))).toMatchObject({
      status: 413,
      body: { error: 'payload_too_large' },
    });
    expect(mapError(new NotFoundException('Cannot GET /x'))).toMatchObject({
      status: 404,
      body: { error: 'not_found' },
    });
  });

  it('never leaks an unexpected error message', () => {
    expect(mapError(new TypeError('secret internals'))).toEqual({
      status: 500,
      body: { error: 'internal_error', message: 'An unexpected error occurred.', details: [] },
    });
  });
});
