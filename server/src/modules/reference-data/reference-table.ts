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
}

export const MAX_ROWS = 20_000;
