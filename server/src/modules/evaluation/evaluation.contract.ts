import type { FromSchema } from 'json-schema-to-ts';

const version = {
  oneOf: [
    { type: 'integer', minimum: 1 },
    { type: 'string', const: 'active' },
  ],
  description: 'a version number, or "active" (default): the version in force at asOf',
} as const;
const asOf = {
  type: 'string',
  format: 'date-time',
  description: 'judge by the version in force at this instant (default: now)',
} as const;

export const evaluateRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['facts'],
  properties: {
    facts: { type: 'object' },
    version,
    asOf,
    explain: { type: 'boolean', description: 'include the explanation and the rules that fired and failed' },
  },
} as const;
export type EvaluateRequest = FromSchema<typeof evaluateRequestSchema>;

export const MAX_BATCH = 500;
export const batchRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['items'],
  properties: {
    items: {
      type: 'array',
      minItems: 1,
      maxItems: MAX_BATCH,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['facts'],
        properties: { facts: { type: 'object' } },
      },
    },
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

const openObject = { type: 'object', additionalProperties: true } as const;
const event = {
  type: 'object',
  required: ['type'],
  properties: { type: { type: 'string' }, params: openObject },
} as const;
const conditionTrace = {
  type: 'object',
  properties: {
    fact: { type: 'string' },
    path: { type: 'string' },
    operator: { type: 'string' },
    value: {},
    factValue: {},
    result: { type: ['boolean', 'null'], description: 'null when the condition was not evaluated (short-circuit)' },
  },
} as const;
const ruleTrace = {
  type: 'object',
  properties: { name: { type: 'string' }, event, conditions: { type: 'array', items: conditionTrace } },
} as const;
const explanation = {
  type: 'object',
  properties: {
    fr: { type: 'string' },
    en: { type: 'string' },
    rules: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          fr: { type: 'string' },
          en: { type: 'string' },
          path: { type: 'array', items: { type: 'string' }, description: "a tree's path, French labels" },
          pathEn: { type: 'array', items: { type: 'string' }, description: 'the same path, English labels' },
        },
      },
    },
  },
} as const;

/** Also the serializer of the 200 answer (fast-json-stringify): a property it does not list is not sent. */
export const evaluateResponseSchema = {
  type: 'object',
  required: ['ruleset', 'version', 'checksum', 'events', 'evaluationId', 'logged', 'durationMs'],
  properties: {
    ruleset: { type: 'string' },
    version: { type: 'integer' },
    checksum: { type: 'string' },
    events: { type: 'array', items: event },
    explanation,
    fired: { type: 'array', items: ruleTrace },
    failed: { type: 'array', items: ruleTrace },
    evaluationId: { type: 'string' },
    logged: { type: 'boolean', description: 'true once the decision record is stored' },
    durationMs: { type: 'number' },
  },
} as const;

export const batchResponseSchema = {
  type: 'object',
  required: ['results'],
  properties: { results: { type: 'array', items: evaluateResponseSchema } },
} as const;
