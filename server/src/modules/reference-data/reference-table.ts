import type { OutboxItem } from '../audit/outbox.js';

export const COLUMN_TYPES = ['string', 'number', 'boolean', 'date'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];
export type Row = Record<string, string | number | boolean | null>;

/** Reference data the rules read (suppliers, purchase orders, RENA list, employee groups), one row per key. */
export interface ReferenceTable {
  key: string;
  name: string;
  description?: string;
  keyColumn: string;
  columns: { name: string; type: ColumnType; required?: boolean }[];
  rows: Row[];
  rev: number;
  updatedBy: string;
  updatedAt: string;
  outbox: OutboxItem[];
  /** Deleted tables keep their history; lookups into them find nothing. */
  deleted?: boolean;
  /** A change to a table that published rule sets read, held until an approver other than its author applies it. */
  pending?: PendingChange;
  /**
   * The last held change a reviewer rejected, and why, until another change is proposed or made: its author could
   * not learn it (analysts do not read the audit trail), though the reason is required so that they do.
   */
  lastRejected?: RejectedChange;
}

export interface RejectedChange {
  action: 'rows_replaced' | 'csv_imported' | 'csv_merged' | 'deleted';
  proposedBy: string;
  proposedAt: string;
  rejectedBy: string;
  rejectedAt: string;
  comment: string;
}

export interface PendingChange {
  action: 'rows_replaced' | 'csv_imported' | 'csv_merged' | 'deleted';
  rows: Row[];
  deleted?: boolean;
  comment?: string;
  proposedBy: string;
  proposedAt: string;
  /** The published rule sets that read the table when the change was proposed. */
  readers: string[];
  /** What a reviewer compares: the first rows added, removed or changed, before and after. */
  changes: RowChange[];
  counts: { added: number; removed: number; changed: number };
}

export interface RowChange {
  key: string;
  before: Row | null;
  after: Row | null;
}

/** Rows shown to a reviewer per pending change; the counts cover all of them. */
export const MAX_SHOWN_CHANGES = 50;

export const MAX_ROWS = 20_000;

/**
 * The most a table's rows may weigh, as JSON. A table is one document of the database (16 MiB at most) holding its
 * rows, a pending change's rows and up to 50 changed rows before and after (50 × 2 × 32 KB); its revision claim
 * carries the same. Past 16 MiB the write failed as a 500; from about 8 MB each merge held the event loop 80–184 ms.
 */
export const MAX_TABLE_BYTES = 4 * 1024 * 1024;

/**
 * What a request replacing a table's rows whole may weigh: a table at MAX_TABLE_BYTES, as rows or as the CSV its
 * export writes, with room for JSON's escapes. Under BODY_LIMIT_BYTES (1 MiB), a table grown past it by merges
 * could no longer be saved from its grid, nor its own export imported back (an API review).
 */
export const TABLE_BODY_LIMIT_BYTES = MAX_TABLE_BYTES + 1024 * 1024;

/** The routes that carry a whole table, with TABLE_BODY_LIMIT_BYTES. */
export const WHOLE_TABLE_ROUTES = [
  { method: 'PUT', url: '/api/v1/reference-tables/:key/rows', bodyLimit: TABLE_BODY_LIMIT_BYTES },
  { method: 'POST', url: '/api/v1/reference-tables/:key/import', bodyLimit: TABLE_BODY_LIMIT_BYTES },
] as const;
export const MAX_COLUMNS = 50;
