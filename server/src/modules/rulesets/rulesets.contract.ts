import type { FromSchema } from 'json-schema-to-ts';
import { diffResponseSchema, governedViewSchema } from '../governance/governed.contract.js';
import { DIFF_ENTITIES, RULESET_FORMATS } from './ruleset.types.js';

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
  settings: {
    type: 'object',
    description:
      '{logDecisions}: store a decision record per evaluation (default true); {decidesAboutPersons}: decisions about persons get receipts and review requests (default false)',
  },
  lookups: {
    type: 'array',
    items: { type: 'object' },
    description: 'facts read from reference tables: {fact, table, key: {fact, path?} or {value}, column?}',
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

/** A version's content as read: what a draft edit may set. */
export const rulesetContentSchema = {
  type: 'object',
  additionalProperties: false,
  properties: contentProperties,
} as const;

// The lifecycle's requests (transitions, publish, rollback, diff) are every governed resource's: see
// governance/governed.contract.ts.
export {
  diffQuerySchema,
  publishRequestSchema,
  rollbackRequestSchema,
  transitionRequestSchema,
  versionViewSchema,
  type DiffQuery,
  type PublishRequest,
  type RollbackRequest,
  type TransitionRequest,
} from '../governance/governed.contract.js';
export const rulesetViewSchema = governedViewSchema(
  'RulesetView',
  {
    name: { type: 'string' },
    pilot: { type: 'string' },
    format: { type: 'string', enum: RULESET_FORMATS },
    description: { type: 'string' },
  },
  ['description'],
);

/**
 * What GET …/diff answers for a rule set: rules, rows, inputs, nodes, computed facts, lookups and tests matched by
 * identity, then their fields; the input schema and the settings field by field.
 */
export const rulesetDiffSchema = diffResponseSchema({
  changes: {
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'entity', 'id', 'path', 'summary'],
      properties: {
        kind: { type: 'string', enum: ['added', 'removed', 'changed', 'moved'] },
        entity: {
          type: 'string',
          enum: DIFF_ENTITIES,
        },
        id: {
          type: 'string',
          description:
            'the rule’s, computed fact’s or test’s name, the row’s, input’s or node’s id, the lookup’s fact, or the field’s path (input schema, settings)',
        },
        path: { type: 'string', description: 'JSON Pointer in the newer version' },
        before: {},
        after: {},
        summary: { type: 'string' },
      },
    },
  },
});
