import type { ErrorDetail } from './domain-errors.js';

/** The error body `{error, message, details[{path, message, keyword?, params?}]}`, the only error shape any route returns. */
export interface ErrorBody {
  error: string;
  message: string;
  details: ErrorDetail[];
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
