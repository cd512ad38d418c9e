import type { FromSchema } from 'json-schema-to-ts';
import { errorBodySchema } from '../../common/errors/error-body.js';
import { versionNumberSchema } from '../../common/http/version-number.js';
import { diffResponseSchema, fieldChangeSchema, governedViewSchema } from '../governance/governed.contract.js';

const contentProperties = {
  locale: { type: 'string', enum: ['fr', 'en'] },
  template: {
    type: 'string',
    minLength: 1,
    maxLength: 32768,
    description: 'Handlebars; helpers: eq, join, truncate, formatDate',
  },
  system: { type: 'string', maxLength: 32768 },
  model: {
    type: 'string',
    pattern: '^claude-[a-z0-9.-]{1,60}$',
    description: 'a Claude model id such as claude-sonnet-4-6',
  },
  maxTokens: { type: 'integer', minimum: 1, maximum: 64000 },
  stopSequences: {
    type: 'array',
    maxItems: 4,
    // The provider refuses a stop sequence of whitespace only (« each stop sequence must contain non-whitespace »):
    // saved, it made every call of the version a 502.
    items: {
      type: 'string',
      minLength: 1,
      maxLength: 100,
      pattern: '\\S',
      description: 'a text with at least one character that is not a space, tab or line break',
    },
  },
  variablesSchema: {
    type: 'object',
    description: 'JSON Schema of the variables; every variable the templates read must be declared',
  },
  tests: {
    type: 'array',
    maxItems: 200,
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'variables', 'expect'],
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 200 },
        variables: { type: 'object' },
        expect: {
          type: 'object',
          additionalProperties: false,
          properties: {
            contains: { type: 'array', items: { type: 'string' } },
            notContains: { type: 'array', items: { type: 'string' } },
            maxLength: { type: 'integer', minimum: 1 },
          },
        },
        needsModel: { type: 'boolean' },
      },
    },
  },
  settings: {
    type: 'object',
    additionalProperties: false,
    properties: {
      requireEvaluation: {
        type: 'object',
        additionalProperties: false,
        required: ['set', 'minPassRate'],
        description: 'publishing needs a run of this evaluation set on the version, with at least this pass rate',
        properties: {
          set: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,62}$', description: 'an evaluation set name' },
          minPassRate: { type: 'number', minimum: 0, maximum: 1 },
        },
      },
    },
  },
} as const;

export const createPromptRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['key', 'name', 'pilot', 'locale', 'template', 'model', 'maxTokens', 'variablesSchema'],
  properties: {
    key: {
      type: 'string',
      pattern: '^[a-z0-9][a-z0-9-]{1,62}$',
      description: 'lowercase letters, digits and dashes, such as chatbot-answer',
    },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    pilot: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,31}$' },
    ...contentProperties,
  },
} as const;
export type CreatePromptRequest = FromSchema<typeof createPromptRequestSchema>;

export const updatePromptDraftSchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: contentProperties,
} as const;
export type UpdatePromptDraftRequest = FromSchema<typeof updatePromptDraftSchema>;

/** A version's content as read: what a draft edit may set. */
export const promptContentSchema = {
  type: 'object',
  additionalProperties: false,
  properties: contentProperties,
} as const;

const version = {
  oneOf: [versionNumberSchema, { type: 'string', const: 'active' }],
} as const;

export const renderRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['variables'],
  properties: { variables: { type: 'object' }, version },
} as const;
export type RenderRequest = FromSchema<typeof renderRequestSchema>;

export const completeRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['variables', 'subjectId'],
  properties: {
    variables: { type: 'object' },
    subjectId: {
      type: 'string',
      minLength: 1,
      maxLength: 200,
      description: 'who asks (stored pseudonymised); keeps experiment variants sticky',
    },
  },
} as const;
export type CompleteRequest = FromSchema<typeof completeRequestSchema>;

/** The model's answer; `experiment` and `variant` are set when the subject was served a variant of an experiment. */
export const completeResponseSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['prompt', 'version', 'text', 'usage', 'stopReason', 'completionId', 'logged'],
  properties: {
    prompt: { type: 'string' },
    version: { type: 'integer' },
    experiment: { type: 'string' },
    variant: { type: 'string' },
    text: { type: 'string' },
    stopReason: {
      type: ['string', 'null'],
      description:
        "why the model stopped, as the provider says: end_turn (its answer is whole), max_tokens (cut at the prompt's maximum), stop_sequence, refusal (declined: the text may be empty); null when it said nothing",
    },
    usage: {
      type: 'object',
      additionalProperties: false,
      required: ['inputTokens', 'outputTokens'],
      properties: { inputTokens: { type: 'integer' }, outputTokens: { type: 'integer' } },
    },
    completionId: { type: 'string', description: 'what feedback on this answer names' },
    logged: {
      type: 'boolean',
      description:
        'false when the answer could not be recorded (the database did not answer): it counts in no experiment, and feedback naming it is refused',
    },
  },
} as const;

const { tests: _tests, settings: _settings, ...previewableProperties } = contentProperties;

/** The console editor's live preview: unsaved edits over the draft, rendered with sample variables; nothing is stored. */
export const previewRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['variables'],
  properties: { variables: { type: 'object' }, ...previewableProperties },
} as const;
export type PreviewRequest = FromSchema<typeof previewRequestSchema>;

/** A prompt as read, and as every change to it answers. */
export const promptViewSchema = governedViewSchema('PromptView', {
  name: { type: 'string' },
  pilot: { type: 'string' },
});

/** A prompt rendered (render, preview): what would be sent to the model. */
export const renderedSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['prompt', 'version', 'system', 'text', 'model', 'maxTokens'],
  properties: {
    prompt: { type: 'string' },
    version: { type: 'integer', description: 'the version rendered (for a preview, the one the edits apply to)' },
    system: { type: ['string', 'null'] },
    text: { type: 'string' },
    model: { type: 'string' },
    maxTokens: { type: 'integer' },
    stopSequences: { type: 'array', items: { type: 'string' } },
  },
} as const;

/** What POST …/versions/{n}/test answers: each case checked, and the run recorded against the content's checksum. */
export const promptTestRunSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['version', 'checksum', 'passed', 'failed', 'skipped', 'cases'],
  properties: {
    version: { type: 'integer' },
    checksum: { type: 'string' },
    passed: { type: 'integer' },
    failed: { type: 'integer' },
    skipped: { type: 'integer', description: "cases that check the model's answer, when no model is configured" },
    cases: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'passed', 'failures'],
        properties: {
          name: { type: 'string' },
          passed: { type: 'boolean' },
          skipped: { type: 'boolean' },
          checkedAnswer: { type: 'boolean', description: "the model's answer was checked, not the prompt" },
          failures: { type: 'array', items: { type: 'string' }, description: 'the problems below, in English' },
          problems: {
            type: 'array',
            description:
              'what the case found wrong, for a client to word: a text missing from the output or present in it, an output too long, an error (the prompt did not render, the model did not answer), an answer not checked because the run spent its time on the model',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['kind'],
              properties: {
                kind: { type: 'string', enum: ['missing', 'present', 'too_long', 'error', 'not_checked'] },
                text: { type: 'string' },
                length: { type: 'integer' },
                max: { type: 'integer' },
                code: { type: 'string' },
                message: { type: 'string' },
                details: {
                  type: 'array',
                  description: 'an error’s problems, each at its path, as in the error body',
                  items: errorBodySchema.properties.details.items,
                },
                seconds: { type: 'integer' },
              },
            },
          },
        },
      },
    },
  },
} as const;

const lineChanges = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['field', 'kind', 'text'],
    properties: {
      field: { type: 'string', enum: ['template', 'system'] },
      kind: { type: 'string', enum: ['added', 'removed'] },
      text: { type: 'string', description: 'the lines added or removed' },
    },
  },
} as const;

/** What GET …/diff answers for a prompt: lines of the template and system prompt, then every other setting. */
export const promptDiffSchema = diffResponseSchema({
  template: lineChanges,
  system: lineChanges,
  settings: { type: 'array', items: fieldChangeSchema },
});
