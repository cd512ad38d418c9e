import type { ErrorDetail } from './domain-errors.js';

/** The error body `{error, message, details[{path, message, keyword?, params?}]}`, the only error shape any route returns. */
export interface ErrorBody {
  error: string;
  message: string;
  details: ErrorDetail[];
}

/**
 * The most details an error body lists; its message says how many there were in all. A CSV of 9 500 wrong lines
 * made 465 500 details, a 50 MB answer that took half a second to serialize: a person reads the first ones,
 * corrects, and sends again.
 */
export const MAX_ERROR_DETAILS = 100;

/** The body with at most MAX_ERROR_DETAILS details, its message saying how many were left out. */
export function boundedDetails(body: ErrorBody): ErrorBody {
  if (body.details.length <= MAX_ERROR_DETAILS) return body;
  return {
    ...body,
    message: `${body.message} (the first ${MAX_ERROR_DETAILS} of ${body.details.length} details are listed)`,
    details: body.details.slice(0, MAX_ERROR_DETAILS),
  };
}

export interface MappedError {
  status: number;
  body: ErrorBody;
  headers?: Record<string, string>;
}

export const errorBodySchema = {
  type: 'object',
  required: ['error', 'message', 'details'],
  properties: {
    error: { type: 'string', examples: ['validation_failed'] },
    message: { type: 'string' },
    details: {
      type: 'array',
      description: 'the offending places, at most 100 (the message then says how many there were in all)',
      maxItems: 100,
      items: {
        type: 'object',
        required: ['path', 'message'],
        properties: {
          path: { type: 'string', description: 'JSON Pointer to the offending place in the request' },
          message: { type: 'string', description: 'what is wrong there, in English' },
          keyword: {
            type: 'string',
            description:
              'the kind of problem (a JSON Schema keyword such as minimum, taken for a used key, dmn for a part of a DMN file the import cannot convert, syntax for a file a parser cannot read)',
            examples: ['required'],
          },
          params: {
            type: 'object',
            description:
              'the values the problem depends on, by keyword (e.g. {comparison, limit} for minimum; {reason, text, at} for dmn; {line, column, reason} for syntax)',
          },
        },
      },
    },
  },
} as const;
