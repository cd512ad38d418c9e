import type { FromSchema } from 'json-schema-to-ts';

// Requests and views of the lifecycle every governed resource shares (rule sets, prompts, experiments).

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
  $id: 'VersionView',
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

/** A governed resource as read (`name`: PromptView…): its metadata, versions with derived statuses, what is in force. */
export function governedViewSchema(name: string, meta: Record<string, object>) {
  return {
    $id: name,
    type: 'object',
    properties: {
      id: { type: 'string' },
      key: { type: 'string' },
      ...meta,
      archived: { type: 'boolean' },
      activeVersion: { type: ['integer', 'null'] },
      draftVersion: { type: ['integer', 'null'] },
      latestVersion: { type: 'integer' },
      versions: { type: 'array', items: versionViewSchema },
    },
  } as const;
}

/** A version as read on its own (GET …/versions/{n}): its view and its content. */
export function versionWithContentSchema(contentSchema: object) {
  return {
    allOf: [
      versionViewSchema,
      {
        type: 'object',
        required: ['number', 'status', 'content'],
        properties: { content: { ...contentSchema, description: "the version's content" } },
      },
    ],
  } as const;
}

/** One field that differs between two versions: where (a JSON Pointer), its value before and after. */
export const fieldChangeSchema = {
  type: 'object',
  required: ['path'],
  additionalProperties: false,
  properties: {
    path: { type: 'string', description: 'JSON Pointer of the field' },
    before: { description: 'absent when the field was added' },
    after: { description: 'absent when the field was removed' },
  },
} as const;

/** What GET …/diff answers: the two version numbers compared, and what the resource lists as changed. */
export function diffResponseSchema(changes: Record<string, object>) {
  return {
    type: 'object',
    required: ['from', 'to', ...Object.keys(changes)],
    additionalProperties: false,
    properties: { from: { type: 'integer' }, to: { type: 'integer' }, ...changes },
  } as const;
}
