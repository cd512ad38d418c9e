import type { FromSchema } from 'json-schema-to-ts';
import { SCOPE_PATTERN } from '../../common/access/scopes.js';

export const createApiKeyRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'scopes'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 100 },
    scopes: {
      type: 'array',
      minItems: 1,
      maxItems: 50,
      uniqueItems: true,
      items: {
        type: 'string',
        pattern: SCOPE_PATTERN,
        description:
          'an action and a rule set or prompt key pattern, e.g. evaluate:invoices-*; metrics:* is the only metrics scope',
      },
    },
    expiresAt: {
      type: 'string',
      format: 'date-time',
      description:
        'when the key stops working (401 api_key_expired from then on); in the future. Absent: the key works until it is revoked',
    },
  },
} as const;
export type CreateApiKeyRequest = FromSchema<typeof createApiKeyRequestSchema>;

export const apiKeyViewSchema = {
  type: 'object',
  required: ['id', 'name', 'scopes', 'createdBy', 'createdAt', 'revoked'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    scopes: { type: 'array', items: { type: 'string' } },
    createdBy: { type: 'string' },
    createdAt: { type: 'string', format: 'date-time' },
    revoked: { type: 'boolean' },
    revokedAt: { type: 'string', format: 'date-time' },
    lastUsedAt: {
      type: 'string',
      format: 'date-time',
      description:
        'when the key last opened a request (written at most once a minute), whether or not its scopes then allowed what was asked: someone still holds it, which matters before revoking it',
    },
    expiresAt: { type: 'string', format: 'date-time', description: 'absent: the key does not expire' },
    expired: { type: 'boolean', description: 'past its expiry, as of this answer' },
  },
} as const;
export type ApiKeyView = FromSchema<typeof apiKeyViewSchema>;

export const createdApiKeySchema = {
  type: 'object',
  required: ['id', 'key', 'name', 'scopes'],
  properties: {
    id: { type: 'string' },
    key: {
      type: 'string',
      description:
        'The secret, shown this once only. Send it as the X-API-Key header, or as `Authorization: Bearer <key>`.',
    },
    name: { type: 'string' },
    scopes: { type: 'array', items: { type: 'string' } },
    expiresAt: { type: 'string', format: 'date-time' },
  },
} as const;
export type CreatedApiKey = FromSchema<typeof createdApiKeySchema>;
