import type { FromSchema } from 'json-schema-to-ts';

export const auditFilterSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    resourceType: { type: 'string', maxLength: 64 },
    resourceKey: { type: 'string', maxLength: 128 },
    actor: { type: 'string', maxLength: 128 },
    action: { type: 'string', maxLength: 64 },
    from: { type: 'string', format: 'date-time' },
    to: { type: 'string', format: 'date-time' },
  },
} as const;
export type AuditFilterQuery = FromSchema<typeof auditFilterSchema>;

export const auditEventViewSchema = {
  type: 'object',
  required: ['id', 'seq', 'at', 'actor', 'action', 'resourceType', 'prevHash', 'hash'],
  properties: {
    id: { type: 'string' },
    seq: { type: 'integer' },
    at: { type: 'string', format: 'date-time' },
    actor: { type: 'string' },
    action: { type: 'string', examples: ['ruleset.published'] },
    resourceType: { type: 'string' },
    resourceKey: { type: 'string' },
    version: { type: 'integer' },
    reason: { type: 'string' },
    summary: { type: 'object', properties: { before: {}, after: {} } },
    details: { type: 'object' },
    prevHash: { type: 'string' },
    hash: { type: 'string' },
  },
} as const;

export const verifyResponseSchema = {
  type: 'object',
  required: ['ok', 'events'],
  properties: {
    ok: { type: 'boolean' },
    events: { type: 'integer', description: 'events checked (before the break, if any)' },
    head: { type: 'string', description: 'hash of the last event' },
    brokenAt: {
      type: 'object',
      properties: {
        seq: { type: 'integer' },
        eventId: { type: 'string' },
        reason: {
          type: 'string',
          enum: [
            'missing_event',
            'prev_hash_mismatch',
            'hash_mismatch',
            'unkeyed_after_keyed',
            'truncated',
            'rewritten',
          ],
          description:
            'truncated / rewritten: the chain holds together but disagrees with the anchors kept outside the database: shorter than the furthest one (truncated), or another hash at an anchored position, the first such position being named (rewritten)',
        },
      },
    },
    anchor: {
      type: 'object',
      description: 'the latest (position, hash) anchored outside the database, that the chain was compared with',
      properties: { seq: { type: 'integer' }, head: { type: 'string' }, at: { type: 'string' } },
    },
  },
} as const;
