import { SERVICES } from './services.js';

export const searchQuerySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['q'],
  properties: {
    q: { type: 'string', minLength: 1, maxLength: 500 },
    limit: { type: 'string', pattern: '^([1-9]|1[0-9]|20)$', description: '1 to 20 (default 5)' },
  },
} as const;

/** Datasets best first, and the services the question calls for (the chatbot prompt's `services`). */
export const searchResponseSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['results', 'services'],
  properties: {
    results: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'title', 'organization', 'formats', 'licence', 'url', 'score'],
        properties: {
          name: { type: 'string' },
          title: { type: 'string' },
          organization: { type: 'string' },
          formats: { type: 'array', items: { type: 'string' } },
          licence: { type: 'string', description: 'in words: CC BY 4.0, CC BY-NC-SA 4.0…' },
          url: { type: 'string', format: 'uri' },
          score: { type: 'number' },
        },
      },
    },
    services: { type: 'array', items: { type: 'string', enum: SERVICES } },
  },
} as const;
