export const searchQuerySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['q'],
  properties: {
    q: { type: 'string', minLength: 1, maxLength: 500 },
    limit: { type: 'string', pattern: '^([1-9]|1[0-9]|20)$', description: '1 to 20 (default 5)' },
  },
} as const;
