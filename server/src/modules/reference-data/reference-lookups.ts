import { Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Row } from './reference-table.js';
import { ReferenceTablesService } from './reference-tables.service.js';

const POLL_MS = 2_000;

/** Rows by key for the evaluator's lookup facts, cached per table and refreshed when the table's revision moves. */
@Injectable()
export class ReferenceLookups implements OnModuleInit, OnApplicationShutdown {
  private readonly cache = new Map<string, Promise<Map<string, Row> | null>>();
  /** The rows last loaded per table, for synchronous reads; a newer load replaces them, a failed one does not. */
  private readonly loaded = new Map<string, { rows: Map<string, Row> | null; generation: number }>();
  private readonly failures = new Map<string, unknown>();
  /** Tables whose cached load has finished: a run reading only these has nothing to wait for. */
  private readonly ready = new Set<string>();
  /** Rows by the value of a column, built when a lookup with `column` first reads a loaded table. */
  private readonly columnIndexes = new WeakMap<Map<string, Row>, Map<string, Map<string, Row[]>>>();
  private generation = 0;
  private readonly revisions = new Map<string, number>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly tables: ReferenceTablesService) {
    tables.onChange((key) => this.forget(key));
  }

  onModuleInit(): void {
    this.timer = setInterval(() => void this.refresh().catch(() => undefined), POLL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** The row whose key column equals `keyValue`, or null (also when the table does not exist). */
  async row(table: string, keyValue: unknown): Promise<Row | null> {
    if (keyValue === undefined || keyValue === null) return null;
    await this.preload([table]);
    return this.rowNow(table, keyValue);
  }

  /**
   * Loads the tables that are not cached (or were changed) and waits for them, so that `rowNow` can answer.
   * A table that fails to load is not an error here: only a lookup that reads it fails, as before. Undefined
   * when every table is loaded already: the usual case, and the decision then goes on without yielding (an
   * await of five settled promises cost more than some decisions).
   */
  preload(tables: readonly string[]): Promise<void> | undefined {
    if (tables.every((table) => this.ready.has(table))) return undefined;
    return Promise.all(tables.map((table) => (this.cache.get(table) ?? this.load(table)).catch(() => undefined))).then(
      () => undefined,
    );
  }

  /** Synchronous `row` for the evaluator, after `preload`: the last rows loaded (kept while a reload fails). */
  rowNow(table: string, keyValue: unknown): Row | null {
    if (keyValue === undefined || keyValue === null) return null;
    const rows = this.loaded.get(table);
    if (!rows) throw this.failures.get(table) ?? new Error(`Reference table "${table}" was not loaded before the run.`);
    return rows.rows?.get(String(keyValue)) ?? null;
  }

  /** Synchronous, after `preload`: the rows whose `column` equals `keyValue`, in the table's order (none if no table). */
  rowsNow(table: string, column: string, keyValue: unknown): Row[] {
    if (keyValue === undefined || keyValue === null) return [];
    const rows = this.loaded.get(table);
    if (!rows) throw this.failures.get(table) ?? new Error(`Reference table "${table}" was not loaded before the run.`);
    if (!rows.rows) return [];
    let byColumn = this.columnIndexes.get(rows.rows);
    if (!byColumn) this.columnIndexes.set(rows.rows, (byColumn = new Map()));
    let index = byColumn.get(column);
    if (!index) {
      index = new Map();
      for (const row of rows.rows.values()) {
        const value = row[column];
        if (value === undefined || value === null) continue;
        const list = index.get(String(value));
        if (list) list.push(row);
        else index.set(String(value), [row]);
      }
      byColumn.set(column, index);
    }
    return index.get(String(keyValue)) ?? [];
  }

  private load(table: string): Promise<Map<string, Row> | null> {
    const rows = this.tables.rowsByKey(table);
    const generation = ++this.generation;
    this.cache.set(table, rows);
    // Registered before any caller awaits `rows`: the loaded copy is in place when they resume.
    rows.then(
      (loaded) => {
        if ((this.loaded.get(table)?.generation ?? 0) < generation)
          this.loaded.set(table, { rows: loaded, generation });
        this.failures.delete(table);
        if (this.cache.get(table) === rows) this.ready.add(table);
      },
      (err: unknown) => {
        if (this.cache.get(table) === rows) this.forget(table);
        this.failures.set(table, err);
      },
    );
    return rows;
  }

  /** The table changed or failed to load: the next run that reads it loads it again (and waits for it). */
  private forget(table: string): void {
    this.cache.delete(table);
    this.ready.delete(table);
  }

  private async refresh(): Promise<void> {
    if (this.cache.size === 0) return;
    const current = await this.tables.revisionsOf([...this.cache.keys()]);
    for (const key of this.cache.keys()) {
      if (this.revisions.has(key) && this.revisions.get(key) !== current.get(key)) this.forget(key);
      const rev = current.get(key);
      if (rev !== undefined) this.revisions.set(key, rev);
    }
  }
}
