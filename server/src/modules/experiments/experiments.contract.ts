import type { FromSchema } from 'json-schema-to-ts';

const variants = {
  type: 'array',
  minItems: 2,
  maxItems: 5,
  description: 'the first variant is the control',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'version', 'weight'],
    properties: {
      name: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,31}$' },
      version: { type: 'integer', minimum: 1 },
      weight: { type: 'number', exclusiveMinimum: 0, maximum: 1000 },
    },
  },
} as const;
const guardrails = {
  type: 'object',
  additionalProperties: false,
  properties: {
    maxErrorRate: { type: 'number', minimum: 0, maximum: 1 },
    maxP95LatencyMs: { type: 'integer', minimum: 1 },
  },
} as const;

export const createExperimentRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['key', 'name', 'prompt', 'variants'],
  properties: {
    key: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{1,62}$' },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    prompt: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{1,62}$' },
    variants,
    salt: { type: 'string', minLength: 1, maxLength: 64, description: 'default: the experiment key' },
    coverage: {
      type: 'number',
      minimum: 0,
      maximum: 1,
      default: 1,
      description: 'share of subjects in the experiment',
    },
    guardrails,
  },
} as const;
export type CreateExperimentRequest = FromSchema<typeof createExperimentRequestSchema>;

export const updateExperimentDraftSchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: { variants, coverage: { type: 'number', minimum: 0, maximum: 1 }, guardrails },
} as const;
export type UpdateExperimentDraftRequest = FromSchema<typeof updateExperimentDraftSchema>;

export const feedbackRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['completionId', 'outcome'],
  properties: {
    completionId: { type: 'string', maxLength: 64 },
    outcome: { type: 'string', enum: ['positive', 'negative'] },
    value: { type: 'number' },
  },
} as const;
export type FeedbackRequest = FromSchema<typeof feedbackRequestSchema>;
