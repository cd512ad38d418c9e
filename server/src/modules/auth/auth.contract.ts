import type { FromSchema } from 'json-schema-to-ts';
import { ROLES } from '../../common/access/roles.js';

export const loginRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['username', 'password'],
  properties: {
    username: { type: 'string', minLength: 1, maxLength: 64 },
    password: { type: 'string', minLength: 1, maxLength: 256 },
  },
} as const;
export type LoginRequest = FromSchema<typeof loginRequestSchema>;

export const sessionUserSchema = {
  type: 'object',
  required: ['username', 'displayName', 'roles'],
  properties: {
    username: { type: 'string' },
    displayName: { type: 'string' },
    roles: { type: 'array', items: { type: 'string', enum: ROLES } },
  },
} as const;

export const loginResponseSchema = {
  type: 'object',
  required: ['token', 'expiresAt', 'user'],
  properties: {
    token: { type: 'string', description: 'JWT to send as `Authorization: Bearer <token>`' },
    expiresAt: { type: 'string', format: 'date-time' },
    user: sessionUserSchema,
  },
} as const;
export type LoginResponse = FromSchema<typeof loginResponseSchema>;

export const principalResponseSchema = {
  type: 'object',
  required: ['kind'],
  properties: {
    kind: { type: 'string', enum: ['user', 'apiKey'] },
    username: { type: 'string' },
    roles: { type: 'array', items: { type: 'string', enum: ROLES } },
    id: { type: 'string' },
    name: { type: 'string' },
    scopes: { type: 'array', items: { type: 'string' } },
  },
} as const;
