import { VISIBLE_NAME_PATTERN } from '../../common/text/visible-text.js';
import type { FromSchema } from 'json-schema-to-ts';
import { ROLES } from '../../common/access/roles.js';

const roles = { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', enum: ROLES } } as const;
const password = {
  type: 'string',
  minLength: 12,
  maxLength: 256,
  description:
    'at least 12 characters, and not easily guessed: zxcvbn scores it 3 of 4 or more (a few unrelated words do)',
} as const;
const displayName = {
  type: 'string',
  minLength: 1,
  maxLength: 100,
  pattern: VISIBLE_NAME_PATTERN,
  description: 'a name in words, not only spaces, without direction overrides',
} as const;

export const createUserRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['username', 'displayName', 'password', 'roles'],
  properties: {
    username: {
      type: 'string',
      pattern: '^[a-z][a-z0-9._-]{1,63}$',
      description: 'lowercase letters, digits, . _ -; 2 to 64 characters',
    },
    displayName,
    password,
    roles,
  },
} as const;
export type CreateUserRequest = FromSchema<typeof createUserRequestSchema>;

export const updateUserRequestSchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: { displayName, password, roles, disabled: { type: 'boolean' }, unlock: { type: 'boolean', const: true } },
} as const;
export type UpdateUserRequest = FromSchema<typeof updateUserRequestSchema>;

export const userViewSchema = {
  type: 'object',
  required: ['id', 'username', 'displayName', 'roles', 'disabled', 'demo', 'locked'],
  properties: {
    id: { type: 'string' },
    username: { type: 'string' },
    displayName: { type: 'string' },
    roles: roles,
    disabled: { type: 'boolean' },
    demo: { type: 'boolean' },
    locked: { type: 'boolean' },
    lastLoginAt: { type: 'string', format: 'date-time' },
    createdAt: { type: 'string', format: 'date-time' },
  },
} as const;
export type UserView = FromSchema<typeof userViewSchema>;

/** A person as their colleagues read them in the console: who wrote, approved or decided something. */
export const personViewSchema = {
  type: 'object',
  required: ['username', 'displayName'],
  properties: { username: { type: 'string' }, displayName: { type: 'string' } },
} as const;
export type PersonView = FromSchema<typeof personViewSchema>;
