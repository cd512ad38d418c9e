import type { FromSchema } from 'json-schema-to-ts';
import { versionNumberSchema } from '../../common/http/version-number.js';

const version = {
  oneOf: [versionNumberSchema, { type: 'string', const: 'active' }],
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
const omittedValue = {
  type: 'object',
  required: ['type', 'length'],
  properties: {
    type: { type: 'string', enum: ['array', 'object', 'string'] },
    length: { type: 'integer', description: 'its items, entries or characters' },
  },
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
    omitted: {
      type: 'object',
      description:
        'the values left out of this condition for their size, in place of `value` or `factValue`: a value over 1 024 characters of JSON, or past 64 KiB of such values in one decision (the facts themselves are in the decision record)',
      properties: { value: omittedValue, factValue: omittedValue },
    },
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
    logged: {
      type: 'boolean',
      description:
        'true: the decision record is stored. false: no record is kept (the rule set does not log decisions, or a console user tried a version never published), or storing it was not confirmed (the database was away or slow: it may still have been stored, so do not decide again to get a record; read it back later by evaluationId, GET /api/v1/decisions/{id}, with a key holding decisions:read:<rule set>)',
    },
    durationMs: { type: 'number' },
  },
} as const;

export const batchResponseSchema = {
  type: 'object',
  required: ['results'],
  properties: { results: { type: 'array', items: evaluateResponseSchema } },
} as const;

/** GET /decisions/{id}: the decision record, personal facts masked for a reader who may not see them. */
export const decisionViewSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'ruleset', 'version', 'checksum', 'at', 'actor', 'facts', 'events', 'fired', 'failed', 'durationMs'],
  properties: {
    id: { type: 'string' },
    ruleset: { type: 'string' },
    version: { type: 'integer' },
    checksum: { type: 'string' },
    at: { type: 'string', format: 'date-time' },
    actor: { type: 'string', description: 'the API key or user that asked' },
    facts: { ...openObject, description: 'as sent; personal fields masked for a reader without the PII permission' },
    events: { type: 'array', items: event },
    fired: { type: 'array', items: ruleTrace },
    failed: { type: 'array', items: ruleTrace },
    explanation,
    durationMs: { type: 'number' },
  },
} as const;

/** POST …/versions/{n}/test: each case's expected and actual events, and the run recorded against the checksum. */
export const rulesetTestRunSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['version', 'checksum', 'passed', 'failed', 'cases'],
  properties: {
    version: { type: 'integer' },
    checksum: { type: 'string' },
    passed: { type: 'integer' },
    failed: { type: 'integer' },
    cases: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'passed', 'expected', 'actual'],
        properties: {
          name: { type: 'string' },
          passed: { type: 'boolean' },
          expected: { type: 'array', items: { type: 'string' }, description: 'event types' },
          actual: { type: 'array', items: { type: 'string' }, description: 'event types' },
          error: { type: 'string', description: 'why the case could not run (a missing fact, say)' },
        },
      },
    },
  },
} as const;

/** POST …/versions/{n}/impact: the latest decisions of the version in force replayed on this one. */
export const impactResponseSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['activeVersion', 'version', 'compared', 'changed', 'notCompared', 'byTransition', 'examples'],
  properties: {
    activeVersion: { type: 'integer' },
    version: { type: 'integer' },
    compared: { type: 'integer', description: 'decisions replayed' },
    changed: { type: 'integer', description: 'decisions whose outcome would change' },
    notCompared: {
      type: 'integer',
      description:
        'decisions one of the versions could not decide on masked facts: neither changed nor unchanged (0 for readers who see personal fields)',
    },
    byTransition: {
      type: 'object',
      additionalProperties: { type: 'integer' },
      description: 'how many decisions go from one outcome to another ("approve → review": 3)',
    },
    examples: {
      type: 'array',
      maxItems: 20,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['evaluationId', 'before', 'after'],
        properties: { evaluationId: { type: 'string' }, before: { type: 'string' }, after: { type: 'string' } },
      },
    },
    maskedFacts: { type: 'boolean', description: 'replayed on masked facts: the reader may not see personal fields' },
  },
} as const;
