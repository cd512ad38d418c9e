import type { FromSchema } from 'json-schema-to-ts';

// Shadow runs on live traffic (docs/adr/0028): start, report, stop.

export const startShadowRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['percent'],
  properties: {
    percent: {
      type: 'integer',
      minimum: 1,
      maximum: 100,
      description: 'share of live evaluations of the version in force also evaluated by this version',
    },
  },
} as const;
export type StartShadowRequest = FromSchema<typeof startShadowRequestSchema>;

export const shadowStartedSchema = {
  $id: 'ShadowStarted',
  type: 'object',
  required: ['version', 'percent', 'startedAt'],
  properties: {
    version: { type: 'integer' },
    percent: { type: 'integer' },
    startedAt: { type: 'string', format: 'date-time' },
  },
} as const;

const rate = {
  type: 'object',
  required: ['rate', 'interval'],
  properties: {
    rate: { type: 'number' },
    interval: {
      type: 'array',
      items: { type: 'number' },
      minItems: 2,
      maxItems: 2,
      description: 'Wilson score interval at 95 %',
    },
  },
} as const;

export const shadowReportSchema = {
  $id: 'ShadowReport',
  type: 'object',
  required: ['version', 'activeVersion', 'comparedWith', 'percent', 'compared', 'diverged', 'byTransition', 'examples'],
  properties: {
    version: { type: 'integer' },
    activeVersion: { type: ['integer', 'null'], description: 'the version in force now' },
    comparedWith: {
      type: ['integer', 'null'],
      description:
        'the version the run compares with: the one in force when it started (evaluations decided by another are not compared)',
    },
    percent: { type: 'integer' },
    running: { type: 'boolean' },
    startedAt: { type: 'string', format: 'date-time' },
    startedBy: { type: 'string' },
    stoppedAt: { type: 'string', format: 'date-time' },
    endedBy: { type: 'string', enum: ['stopped', 'published', 'scheduled', 'rejected', 'replaced', 'archived'] },
    compared: { type: 'integer', description: 'live evaluations also evaluated by the shadow' },
    diverged: { type: 'integer', description: 'of which the outcome differed' },
    byTransition: {
      type: 'object',
      additionalProperties: { type: 'integer' },
      description: 'divergences by "before → after" outcome (event types joined with +, (none) for none)',
    },
    rate: { type: 'number', description: 'diverged / compared' },
    interval: rate.properties.interval,
    rates: { type: 'object', additionalProperties: rate, description: 'each transition among compared evaluations' },
    shed: { type: 'integer', description: 'sampled evaluations dropped under load (not compared)' },
    errors: { type: 'integer', description: 'shadow evaluations that failed (outcome "error: <code>")' },
    examples: {
      type: 'array',
      items: {
        type: 'object',
        required: ['evaluationId', 'before', 'after', 'rulesOnlyBefore', 'rulesOnlyAfter'],
        properties: {
          evaluationId: { type: 'string' },
          before: { type: 'string' },
          after: { type: 'string' },
          rulesOnlyBefore: { type: 'array', items: { type: 'string' } },
          rulesOnlyAfter: { type: 'array', items: { type: 'string' } },
          facts: {
            type: 'object',
            description:
              'personal fields masked unless the reader may see them; absent when their JSON was over 16 KiB (not kept)',
          },
        },
      },
    },
    maskedFacts: { type: 'boolean' },
  },
} as const;
