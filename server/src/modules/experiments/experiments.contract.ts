import type { FromSchema } from 'json-schema-to-ts';
import { versionNumberSchema } from '../../common/http/version-number.js';
import { governedViewSchema } from '../governance/governed.contract.js';

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
      version: versionNumberSchema,
      weight: { type: 'number', exclusiveMinimum: 0, maximum: 1000 },
    },
  },
} as const;
const guardrails = {
  type: 'object',
  additionalProperties: false,
  properties: {
    maxErrorRate: { type: 'number', minimum: 0, maximum: 1 },
    maxP95LatencyMs: { type: 'integer', minimum: 1, maximum: 600000, description: 'default 20000; at most 10 minutes' },
    maxCostPerAnswer: {
      type: 'number',
      minimum: 0,
      maximum: 1000,
      description: 'highest mean cost of an answer, in the currency of pricePerMillionTokens (default 0.1)',
    },
    pricePerMillionTokens: {
      type: 'object',
      additionalProperties: false,
      required: ['input', 'output'],
      // Bounded so that a cost stays a finite number the database stores (1e308 made it Infinity).
      description:
        "the price of every variant's tokens; default: the list price of each variant's model in US dollars (Claude Sonnet's, 3 and 15, for a model of no known family); at most 10 000 each",
      properties: {
        input: { type: 'number', minimum: 0, maximum: 10000 },
        output: { type: 'number', minimum: 0, maximum: 10000 },
      },
    },
    minSamplePerVariant: {
      type: 'integer',
      minimum: 1,
      maximum: 1000000,
      description:
        'people served per variant before any verdict, and answers per variant before a guardrail may stop the experiment (default 100)',
    },
  },
  description: 'maxErrorRate defaults to 0.05; breaching any threshold stops the experiment (docs/adr/0029)',
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
      minimum: 0.001,
      maximum: 1,
      default: 1,
      description:
        'share of subjects in the experiment, at least one in a thousand: an experiment serving nobody would hold the prompt',
    },
    guardrails,
  },
} as const;
export type CreateExperimentRequest = FromSchema<typeof createExperimentRequestSchema>;

export const updateExperimentDraftSchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: { variants, coverage: { type: 'number', minimum: 0.001, maximum: 1 }, guardrails },
} as const;
export type UpdateExperimentDraftRequest = FromSchema<typeof updateExperimentDraftSchema>;

/** A version's content as read: what a draft edit may set, and what the experiment fixed when it was created. */
export const experimentContentSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['prompt', 'variants', 'salt', 'coverage', 'primaryMetric'],
  properties: {
    prompt: { type: 'string' },
    variants,
    salt: { type: 'string' },
    hash: {
      type: 'string',
      enum: ['sha256', 'fnv1a'],
      description: 'how subjects are assigned; absent (FNV-1a) on experiments created before SHA-256',
    },
    coverage: { type: 'number' },
    primaryMetric: { type: 'string', enum: ['positive_feedback_rate'] },
    guardrails,
  },
} as const;

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

/** What POST …/feedback answers: the outcome recorded, and the variant whose completion it was. */
export const feedbackResponseSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['completionId', 'variant', 'outcome'],
  properties: {
    completionId: { type: 'string' },
    variant: { type: 'string' },
    outcome: { type: 'string', enum: ['positive', 'negative'] },
  },
} as const;

const interval = { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 } as const;
const sequential = {
  type: 'object',
  required: ['pValue', 'confidenceSequence', 'canStop'],
  description:
    'always-valid inference on the difference of rates (variant − control): mSPRT with a normal mixture (Johari, Pekelis and Walsh 2022)',
  properties: {
    variant: { type: 'string' },
    pValue: { type: 'number', minimum: 0, maximum: 1 },
    confidenceSequence: interval,
    canStop: { type: 'boolean', description: 'every variant has the minimum sample and pValue < 0.05' },
  },
} as const;
const guardrailStatus = {
  type: 'object',
  required: ['variant', 'metric', 'value', 'threshold', 'breached'],
  properties: {
    variant: { type: 'string' },
    metric: { type: 'string', enum: ['error_rate', 'p95_latency_ms', 'cost_per_answer'] },
    value: { type: ['number', 'null'] },
    threshold: { type: 'number' },
    breached: { type: 'boolean' },
  },
} as const;
export const experimentHaltSchema = {
  type: 'object',
  required: ['reason', 'metric', 'value', 'threshold', 'at', 'fallback'],
  properties: {
    reason: { type: 'string', enum: ['guardrail', 'srm'] },
    metric: { type: 'string' },
    variant: { type: 'string' },
    value: { type: 'number' },
    threshold: { type: 'number' },
    at: { type: 'string', format: 'date-time' },
    fallback: {
      type: 'object',
      required: ['variant', 'version'],
      properties: { variant: { type: 'string' }, version: { type: 'integer' } },
    },
    promptVersion: { type: ['integer', 'null'] },
  },
} as const;

/** An experiment as read, and as every change to it answers. */
export const experimentViewSchema = governedViewSchema(
  'ExperimentView',
  {
    name: { type: 'string' },
    halt: { ...experimentHaltSchema, description: 'set when the service stopped the experiment itself' },
  },
  ['halt'],
);

/** GET /api/v1/experiments/{key}/results. */
export const experimentResultsSchema = {
  type: 'object',
  required: [
    'experiment',
    'prompt',
    'running',
    'variants',
    'srm',
    'comparison',
    'sequential',
    'probabilityToBeatControl',
    'guardrails',
    'minimumSample',
  ],
  properties: {
    experiment: { type: 'string' },
    prompt: { type: 'string' },
    running: { type: 'boolean' },
    variants: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'version', 'weight', 'exposures', 'conversions', 'rate', 'ci95', 'errorRate'],
        properties: {
          name: { type: 'string' },
          version: { type: 'integer' },
          weight: { type: 'number' },
          exposures: { type: 'integer', description: 'people (distinct subjects) served at least one answer' },
          assigned: {
            type: 'integer',
            description:
              'people assigned to the variant, whatever their requests gave (an answer, an error, the provider’s failure)',
          },
          settled: {
            type: 'integer',
            description:
              'those of them whose requests have all ended (while the experiment runs, who began more than LLM_TIMEOUT_MS + 5 s ago): what the split check counts, a slower variant having fewer people answered at any moment',
          },
          conversions: {
            type: 'integer',
            description: 'people who gave positive feedback on at least one answer (the feedback given last on each)',
          },
          rate: { type: ['number', 'null'], description: 'null before the variant has an exposure' },
          ci95: interval,
          errorRate: { type: ['number', 'null'], description: 'null before the variant has an answer' },
          p95LatencyMs: { type: ['number', 'null'] },
          costPerAnswer: { type: ['number', 'null'] },
          guardrailBreached: { type: 'boolean' },
        },
      },
    },
    srm: {
      type: 'object',
      required: ['pValue', 'mismatch'],
      properties: { pValue: { type: 'number' }, mismatch: { type: 'boolean' } },
    },
    comparison: {
      type: 'object',
      required: ['control', 'pValue', 'byVariant'],
      properties: {
        control: { type: 'string' },
        pValue: { type: 'number', description: 'fixed-horizon z-test (valid for one look only)' },
        winner: {
          type: 'string',
          description:
            'by the fixed-horizon z-test, like pValue; a difference shown at every look is byVariant[].sequential.canStop',
        },
        byVariant: {
          type: 'array',
          items: {
            type: 'object',
            required: ['name', 'pValue', 'better', 'sequential', 'probabilityToBeatControl', 'boundary'],
            properties: {
              name: { type: 'string' },
              pValue: { type: 'number' },
              better: {
                type: 'boolean',
                description:
                  'its rate is above the control’s: a direction only, whatever the p-value (a difference is shown by sequential.canStop)',
              },
              sequential,
              probabilityToBeatControl: { type: 'number', minimum: 0, maximum: 1 },
              boundary: {
                type: 'array',
                description: 'the confidence sequence as it stood after each block of subjects, oldest first',
                items: {
                  type: 'object',
                  required: ['subjects', 'difference', 'confidenceSequence', 'pValue'],
                  properties: {
                    subjects: { type: 'integer', description: 'people served by this variant and the control' },
                    difference: { type: 'number' },
                    confidenceSequence: interval,
                    pValue: { type: 'number' },
                  },
                },
              },
            },
          },
        },
      },
    },
    sequential: {
      ...sequential,
      description: `${sequential.description}; here for the variant with the lowest always-valid p-value (named)`,
    },
    probabilityToBeatControl: {
      type: 'number',
      minimum: 0,
      maximum: 1,
      description: 'P(rate of that variant > rate of the control), Beta(1, 1) priors, computed exactly',
    },
    guardrails: { type: 'array', items: guardrailStatus },
    minimumSample: {
      type: 'object',
      required: ['perVariant', 'reached'],
      properties: { perVariant: { type: 'integer' }, reached: { type: 'boolean' } },
    },
    halt: experimentHaltSchema,
  },
} as const;

/** The prompt versions running experiments serve: a version « retired » from the prompt may still answer people. */
export const servedVersionsSchema = {
  type: 'array',
  items: {
    type: 'object',
    required: ['experiment', 'variant', 'version', 'control', 'fallback'],
    properties: {
      experiment: { type: 'string' },
      variant: { type: 'string' },
      version: { type: 'integer' },
      control: { type: 'boolean', description: 'the first variant, the one the others are compared with' },
      fallback: { type: 'boolean', description: 'stopped automatically: this version now serves everyone' },
    },
  },
} as const;
export type ServedVersion = FromSchema<typeof servedVersionsSchema>[number];
