import type { FromSchema } from 'json-schema-to-ts';
import { COLUMN_TYPES, MAX_COLUMNS, MAX_ROWS } from './reference-table.js';
import { VISIBLE_TEXT_PATTERN } from '../../common/text/visible-text.js';

const columnName = {
  type: 'string',
  pattern: '^[A-Za-z_][A-Za-z0-9_]{0,63}$',
  description: 'letters, digits and _, such as neq or unitPrice; not __proto__, constructor or prototype',
} as const;

const columnSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'type'],
  properties: { name: columnName, type: { type: 'string', enum: COLUMN_TYPES }, required: { type: 'boolean' } },
} as const;

export const createTableRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['key', 'name', 'keyColumn', 'columns'],
  properties: {
    key: {
      type: 'string',
      pattern: '^[a-z0-9][a-z0-9-]{1,62}$',
      description: 'lowercase letters, digits and dashes, such as suppliers',
    },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    description: { type: 'string', maxLength: 2000 },
    keyColumn: columnName,
    columns: {
      type: 'array',
      minItems: 1,
      maxItems: MAX_COLUMNS,
      items: columnSchema,
    },
    rows: { type: 'array', maxItems: MAX_ROWS, items: { type: 'object' } },
  },
} as const;
export type CreateTableRequest = FromSchema<typeof createTableRequestSchema>;

/**
 * A table's name, description and columns. Columns are the whole new list, in order: one `renamedFrom` an existing
 * column keeps its values under the new name; one named like an existing column keeps that column; any other is new
 * and starts empty; an existing column the list leaves out is removed with its values.
 */
export const changeDefinitionRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'keyColumn', 'columns'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200 },
    description: { type: 'string', maxLength: 2000, description: 'absent or empty: the table has none' },
    keyColumn: columnName,
    columns: {
      type: 'array',
      minItems: 1,
      maxItems: MAX_COLUMNS,
      items: {
        ...columnSchema,
        properties: {
          ...columnSchema.properties,
          renamedFrom: { ...columnName, description: 'the name the column had: it keeps its values under its new one' },
        },
      },
    },
    comment: { type: 'string', maxLength: 2000 },
  },
} as const;
export type ChangeDefinitionRequest = FromSchema<typeof changeDefinitionRequestSchema>;

export const replaceRowsRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['rows'],
  properties: {
    rows: { type: 'array', maxItems: MAX_ROWS, items: { type: 'object' } },
    comment: { type: 'string', maxLength: 2000 },
  },
} as const;
export type ReplaceRowsRequest = FromSchema<typeof replaceRowsRequestSchema>;

export const importCsvRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['csv'],
  properties: {
    csv: {
      // Not `minLength`: ajv counts a string's characters one by one to check it, 20 ms of the event loop for a
      // 3.5 MB table. An empty file is refused by the import itself.
      type: 'string',
      description:
        'CSV text with a header line naming each column once; , or ; separated. At most 20 000 rows, 50 columns ' +
        'and 32 768 characters a line (reading stops at the first limit passed). Dates YYYY-MM-DD from 1900-01-01 ' +
        'to 9999-12-31; booleans oui/non, vrai/faux, yes/no, true/false, 1/0; numbers such as 1 234,56 (in a file separated by commas, a comma before three digits after at most three, as in "1,000", is refused as ambiguous: 1 in French, 1000 in English; separated by semicolons, the comma is the decimal point).',
    },
    mode: {
      type: 'string',
      enum: ['replace', 'merge'],
      default: 'replace',
      description:
        'replace all rows, or add and update rows by key: a merge changes only the columns its header names (a row it updates keeps its values in the others; a row it adds has none there)',
    },
    comment: { type: 'string', maxLength: 2000 },
  },
} as const;
export type ImportCsvRequest = FromSchema<typeof importCsvRequestSchema>;

export const reviewRequestSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { comment: { type: 'string', maxLength: 2000 } },
} as const;
export type ReviewRequest = FromSchema<typeof reviewRequestSchema>;

export const rejectRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['comment'],
  properties: {
    comment: {
      type: 'string',
      minLength: 1,
      maxLength: 2000,
      pattern: VISIBLE_TEXT_PATTERN,
      // Why the change is rejected or withdrawn: the console words a pattern's refusal by this description.
      description: 'a reason in words, not only spaces',
    },
  },
} as const;
export type RejectRequest = FromSchema<typeof rejectRequestSchema>;

const cell = { type: ['string', 'number', 'boolean', 'null'] } as const;
const cells = { type: 'object', additionalProperties: cell } as const;
const row = { type: ['object', 'null'], additionalProperties: cell } as const;

/** A table as read; `pending` is a change awaiting an approver (its rows stay on the server, its changes show). */
export const tableViewSchema = {
  $id: 'ReferenceTableView',
  type: 'object',
  required: ['id', 'key', 'name', 'keyColumn', 'columns', 'rows', 'rowCount', 'rev', 'updatedBy', 'updatedAt'],
  properties: {
    id: { type: 'string' },
    key: { type: 'string' },
    name: { type: 'string' },
    description: { type: 'string' },
    keyColumn: { type: 'string' },
    columns: { type: 'array', items: columnSchema },
    rows: { type: 'array', items: cells },
    rowCount: { type: 'integer' },
    rev: { type: 'integer' },
    updatedBy: { type: 'string' },
    updatedAt: { type: 'string', format: 'date-time' },
    lastRejected: {
      type: 'object',
      description:
        'the last held change a reviewer rejected, with the reason, until another change is proposed or made',
      required: ['action', 'proposedBy', 'proposedAt', 'rejectedBy', 'rejectedAt', 'comment'],
      properties: {
        action: { type: 'string', enum: ['rows_replaced', 'csv_imported', 'csv_merged', 'deleted'] },
        proposedBy: { type: 'string' },
        proposedAt: { type: 'string', format: 'date-time' },
        rejectedBy: { type: 'string' },
        rejectedAt: { type: 'string', format: 'date-time' },
        comment: { type: 'string' },
      },
    },
    pending: {
      type: 'object',
      required: ['action', 'proposedBy', 'proposedAt', 'readers', 'changes', 'counts', 'rowCount'],
      properties: {
        action: { type: 'string', enum: ['rows_replaced', 'csv_imported', 'csv_merged', 'deleted'] },
        deleted: { type: 'boolean' },
        comment: { type: 'string' },
        proposedBy: { type: 'string' },
        proposedAt: { type: 'string', format: 'date-time' },
        readers: {
          type: 'array',
          items: { type: 'string' },
          description:
            'rule sets with a version that reads the table and is published (in force, scheduled or once in force), or in review or approved and still publishable',
        },
        changes: {
          type: 'array',
          items: {
            type: 'object',
            required: ['key', 'before', 'after'],
            properties: { key: { type: 'string' }, before: row, after: row },
          },
        },
        counts: {
          type: 'object',
          required: ['added', 'removed', 'changed'],
          properties: { added: { type: 'integer' }, removed: { type: 'integer' }, changed: { type: 'integer' } },
        },
        rowCount: { type: 'integer', description: 'rows after the change' },
      },
    },
  },
} as const;
