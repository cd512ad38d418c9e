import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { watchResources } from '../audit/trail-feed.js';
import { AuditService } from '../audit/audit.service.js';
import { inGroups } from '../../common/async/in-groups.js';
import { timeSlices } from '../../common/async/time-slices.js';
import type { Row } from './reference-table.js';
import { ReferenceTablesService } from './reference-tables.service.js';

/** Tables a preload reads from the database at once: their rows are decoded when they arrive, together. */
const TABLES_AT_ONCE = 4;

/** How often every cached table's revision is checked, for a change whose audit event comes late. */
const SWEEP_MS = 60_000;

/**
 * Rows by key for the evaluator's lookup facts, cached per table. A change on this instance drops its table at
 * once; a change on another instance when the audit trail's feed names the table (every change of a table records
 * an event naming it; the feed reads other instances' events every 2 s, docs/adr/0013). When the feed lost
 * track, every table is dropped; once a minute the revision each table was read at is compared with the
 * database's, in case a change's event is late.
 */
@Injectable()
export class ReferenceLookups implements OnModuleInit, OnApplicationShutdown {
  private readonly cache = new Map<string, Promise<Map<string, Row> | null>>();
  /**
   * The rows last loaded per table, for synchronous reads, with the revision they were read at; a newer load
   * replaces them, a failed one does not.
   */
  private readonly loaded = new Map<
    string,
    { rows: Map<string, Row> | null; rev: number | undefined; generation: number }
  >();
  private readonly failures = new Map<string, unknown>();
  /** Tables whose cached load has finished: a run reading only these has nothing to wait for. */
  private readonly ready = new Set<string>();
  /** Rows by the value of a column, built when a lookup with `column` first reads a loaded table. */
  private readonly columnIndexes = new WeakMap<Map<string, Row>, Map<string, Map<string, Row[]>>>();
  private generation = 0;
  private timer?: NodeJS.Timeout;
  private readonly logger = new Logger('ReferenceLookups');

  constructor(
    private readonly tables: ReferenceTablesService,
    audit: AuditService,
  ) {
    tables.onChange((key) => this.forget(key));
    watchResources(audit.feed, 'reference_table', {
      changed: (key) => this.forget(key),
      lost: () => [...this.cache.keys()].forEach((table) => this.forget(table)),
    });
  }

  onModuleInit(): void {
    this.timer = setInterval(
      () => void this.sweep().catch((err: Error) => this.logger.debug(`sweep skipped: ${err.message}`)),
      SWEEP_MS,
    );
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
   * Loads the tables that are not cached (or were changed) and waits for them, so that `rowNow` can answer, and
   * indexes the `columns` (`[table, column]`) that `rowsNow` reads. A table that fails to load is not an error
   * here: only a lookup that reads it fails, as before. Undefined when every table is loaded and indexed already:
   * the usual case, and the decision then goes on without yielding (an await of five settled promises cost more
   * than some decisions).
   */
  preload(tables: readonly string[], columns: readonly (readonly [string, string])[] = []): Promise<void> | undefined {
    if (tables.every((table) => this.ready.has(table)) && columns.every(([t, c]) => this.indexOf(t, c)))
      return undefined;
    return this.loadAndIndex(tables, columns);
  }

  /**
   * Tables loaded a few at a time, columns indexed a turn every 10 ms: the first run of a draft reading 50 tables
   * of 20 000 rows had decoded them together and built every index within the run, 215–551 ms of a held loop.
   */
  private async loadAndIndex(tables: readonly string[], columns: readonly (readonly [string, string])[]) {
    const missing = tables.filter((table) => !this.ready.has(table));
    await inGroups(missing, TABLES_AT_ONCE, (table) =>
      (this.cache.get(table) ?? this.load(table)).catch(() => undefined),
    );
    const slice = timeSlices();
    for (const [table, column] of columns) {
      const rows = this.loaded.get(table)?.rows;
      if (!rows || this.indexOf(table, column)) continue;
      const pause = slice();
      if (pause) await pause;
      this.index(rows, column);
    }
  }

  /** The index of a loaded table's column, if built. */
  private indexOf(table: string, column: string): Map<string, Row[]> | undefined {
    const rows = this.loaded.get(table)?.rows;
    return rows ? this.columnIndexes.get(rows)?.get(column) : undefined;
  }

  /** Rows by the value of `column`, in the table's order. */
  private index(rows: Map<string, Row>, column: string): Map<string, Row[]> {
    let byColumn = this.columnIndexes.get(rows);
    if (!byColumn) this.columnIndexes.set(rows, (byColumn = new Map()));
    let index = byColumn.get(column);
    if (!index) {
      index = new Map();
      for (const row of rows.values()) {
        const value = row[column];
        if (value === undefined || value === null) continue;
        const list = index.get(String(value));
        if (list) list.push(row);
        else index.set(String(value), [row]);
      }
      byColumn.set(column, index);
    }
    return index;
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
    // Built by `preload` for the lookups a version declares; here only for a caller that did not say the column.
    return this.index(rows.rows, column).get(String(keyValue)) ?? [];
  }

  private load(table: string): Promise<Map<string, Row> | null> {
    const read = this.tables.rowsByKey(table);
    const rows = read.then((r) => r.rows);
    const generation = ++this.generation;
    this.cache.set(table, rows);
    // Registered before any caller awaits `rows`: the loaded copy is in place when they resume.
    read.then(
      ({ rows: loaded, rev }) => {
        if ((this.loaded.get(table)?.generation ?? 0) < generation)
          this.loaded.set(table, { rows: loaded, rev, generation });
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

  /** Drops the tables whose revision moved since they were read (one `_id` read each). */
  async sweep(): Promise<void> {
    const held = [...this.ready].map((table) => [table, this.cache.get(table), this.loaded.get(table)?.rev] as const);
    if (held.length === 0) return;
    const current = await this.tables.revisionsOf(held.map(([table]) => table));
    for (const [table, rows, rev] of held)
      if (current.get(table) !== rev && this.cache.get(table) === rows) this.forget(table);
  }
}
