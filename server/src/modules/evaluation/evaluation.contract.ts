import type { FromSchema } from 'json-schema-to-ts';

const version = {
  oneOf: [{ type: 'integer', minimum: 1 }, { type: 'string', const: 'active' }],
  description: 'a version number, or "active" (default): the version in force at asOf',
} as const;
const asOf = { type: 'string', format: 'date-time', description: 'judge by the version in force at this instant (default: now)' } as const;

export const evaluateRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['facts'],
  properties: { facts: { type: 'object' }, version, asOf, explain: { type: 'boolean', description: 'include the explanation and the rules that fired and failed' } },
} as const;
export type EvaluateRequest = FromSchema<typeof evaluateRequestSchema>;

export const MAX_BATCH = 500;
export const batchRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['items'],
  properties: {
    items: { type: 'array', minItems: 1, maxItems: MAX_BATCH, items: { type: 'object', additionalProperties: false, required: ['facts'], properties: { facts: { type: 'object' } } } },
    version,
    asOf,
    explain: { type: 'boolean' },
  },
} as const;
export type BatchRequest = FromSchema<typeof batchRequestSchema>;

export const impactRequestSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { limit: { type: 'integer', minimum: 1, maximum: 5000, default: 500 } },
} as const;
export type ImpactRequest = FromSchema<typeof impactRequestSchema>;

export const evaluateResponseSchema = {
  type: 'object',
  required: ['ruleset', 'version', 'checksum', 'events', 'evaluationId', 'durationMs'],
  properties: {
    ruleset: { type: 'string' },
    version: { type: 'integer' },
    checksum: { type: 'string' },
    events: { type: 'array', items: { type: 'object', required: ['type'], properties: { type: { type: 'string' }, params: { type: 'object' } } } },
    explanation: { type: 'object', properties: { fr: { type: 'string' }, en: { type: 'string' }, rules: { type: 'array' } } },
    fired: { type: 'array' },
    failed: { type: 'array' },
    evaluationId: { type: 'string' },
    logged: { type: 'boolean' },
    durationMs: { type: 'number' },
  },
} as const;
