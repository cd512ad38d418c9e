import { Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Row } from './reference-table.js';
import { ReferenceTablesService } from './reference-tables.service.js';

const POLL_MS = 2_000;

/** Rows by key for the engine's lookup facts, cached per table and refreshed when the table's revision moves. */
@Injectable()
export class ReferenceLookups implements OnModuleInit, OnApplicationShutdown {
  private readonly cache = new Map<string, Promise<Map<string, Row> | null>>();
  private readonly revisions = new Map<string, number>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly tables: ReferenceTablesService) {
    tables.onChange((key) => this.cache.delete(key));
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
    let rows = this.cache.get(table);
    if (!rows) {
      rows = this.tables.rowsByKey(table);
      this.cache.set(table, rows);
      rows.catch(() => this.cache.delete(table));
    }
    return (await rows)?.get(String(keyValue)) ?? null;
  }

  private async refresh(): Promise<void> {
    if (this.cache.size === 0) return;
    const current = await this.tables.revisionsOf([...this.cache.keys()]);
    for (const key of this.cache.keys()) {
      if (this.revisions.has(key) && this.revisions.get(key) !== current.get(key)) this.cache.delete(key);
      const rev = current.get(key);
      if (rev !== undefined) this.revisions.set(key, rev);
    }
  }
}
