import type { FromSchema } from 'json-schema-to-ts';

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
  stopSequences: { type: 'array', maxItems: 4, items: { type: 'string', minLength: 1, maxLength: 100 } },
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

const version = {
  oneOf: [
    { type: 'integer', minimum: 1 },
    { type: 'string', const: 'active' },
  ],
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

const { tests: _tests, settings: _settings, ...previewableProperties } = contentProperties;

/** The console editor's live preview: unsaved edits over the draft, rendered with sample variables; nothing is stored. */
export const previewRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['variables'],
  properties: { variables: { type: 'object' }, ...previewableProperties },
} as const;
export type PreviewRequest = FromSchema<typeof previewRequestSchema>;
