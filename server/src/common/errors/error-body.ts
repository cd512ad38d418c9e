import type { ErrorDetail } from './domain-errors.js';

/** The error body `{error, message, details[{path, message}]}`, the only error shape any route returns. */
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
        properties: { path: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
} as const;
