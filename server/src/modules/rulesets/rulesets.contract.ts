import type { FromSchema } from 'json-schema-to-ts';
import { RULESET_FORMATS } from './ruleset.types.js';

// The shape is checked here; the definition's detail (per format) is checked by ruleset-validation.ts.
const contentProperties = {
  inputSchema: {
    type: 'object',
    description: 'JSON Schema of the facts; fields marked "x-pii": true are personal information',
  },
  definition: { type: 'object', description: 'rules, decision table or decision tree, per the rule set format' },
  tests: { type: 'array', items: { type: 'object' }, description: 'named cases: {name, facts, expectedEvents}' },
  computedFacts: {
    type: 'array',
    items: { type: 'object' },
    description:
      'facts computed before the rules run: {name, expression (CEL, e.g. round(invoice.subtotal * 0.05, 2))}',
  },
  settings: { type: 'object', description: '{logDecisions}: store a decision record per evaluation (default true)' },
  lookups: {
    type: 'array',
    items: { type: 'object' },
    description: 'facts read from reference tables: {fact, table, key: {fact, path?}}',
  },
} as const;

export const createRulesetRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['key', 'name', 'pilot', 'format', 'inputSchema', 'definition'],
  properties: {
    key: {
      type: 'string',
      pattern: '^[a-z0-9][a-z0-9-]{1,62}$',
      description: 'lowercase letters, digits and dashes, 2 to 63 characters, such as invoices-2026',
    },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    pilot: {
      type: 'string',
      pattern: '^[a-z][a-z0-9-]{1,31}$',
      description: 'a pilot such as invoices, enrolment or chatbot',
    },
    format: { type: 'string', enum: RULESET_FORMATS },
    description: { type: 'string', maxLength: 4000 },
    ...contentProperties,
  },
} as const;
export type CreateRulesetRequest = FromSchema<typeof createRulesetRequestSchema>;

export const updateDraftRequestSchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: contentProperties,
} as const;
export type UpdateDraftRequest = FromSchema<typeof updateDraftRequestSchema>;

export const transitionRequestSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { comment: { type: 'string', maxLength: 4000 } },
} as const;
export type TransitionRequest = FromSchema<typeof transitionRequestSchema>;

export const publishRequestSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    comment: { type: 'string', maxLength: 4000 },
    effectiveFrom: {
      type: 'string',
      format: 'date-time',
      description: 'in force from this instant (default: now); a future instant schedules it',
    },
    effectiveTo: { type: 'string', format: 'date-time' },
  },
} as const;
export type PublishRequest = FromSchema<typeof publishRequestSchema>;

export const rollbackRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['version', 'comment'],
  properties: { version: { type: 'integer', minimum: 1 }, comment: { type: 'string', minLength: 1, maxLength: 4000 } },
} as const;
export type RollbackRequest = FromSchema<typeof rollbackRequestSchema>;

export const diffQuerySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['from', 'to'],
  properties: {
    from: {
      type: 'string',
      pattern: '^([1-9][0-9]{0,5}|draft|active)$',
      description: 'a version number, draft or active',
    },
    to: {
      type: 'string',
      pattern: '^([1-9][0-9]{0,5}|draft|active)$',
      description: 'a version number, draft or active',
    },
  },
} as const;
export type DiffQuery = FromSchema<typeof diffQuerySchema>;

export const versionViewSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    number: { type: 'integer' },
    status: { type: 'string', enum: ['draft', 'in_review', 'approved', 'published', 'retired'] },
    checksum: { type: 'string' },
    authors: { type: 'array', items: { type: 'string' } },
    inForce: { type: 'boolean' },
  },
} as const;

export const rulesetViewSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    key: { type: 'string' },
    name: { type: 'string' },
    pilot: { type: 'string' },
    format: { type: 'string', enum: RULESET_FORMATS },
    activeVersion: { type: ['integer', 'null'] },
    draftVersion: { type: ['integer', 'null'] },
    latestVersion: { type: 'integer' },
    versions: { type: 'array', items: versionViewSchema },
  },
} as const;
