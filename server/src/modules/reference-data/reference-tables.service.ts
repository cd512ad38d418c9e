import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PreconditionFailedError,
  PreconditionRequiredError,
  TooLargeError,
  ValidationError,
  namesNone,
} from '../../common/errors/domain-errors.js';
import { canonicalByteLength } from '../../common/json/canonical.js';
import type { Tagged } from '../../common/http/etag.interceptor.js';
import { checkIfMatch } from '../../common/http/if-match.js';
import type { ListPage, ListQuery } from '../../common/http/list-query.js';
import type { AuditEntry } from '../audit/audit-chain.js';
import { AuditService } from '../audit/audit.service.js';
import { OutboxDrain } from '../audit/outbox-drain.js';
import { outboxItem } from '../audit/outbox.js';
import {
  MAX_ROWS,
  MAX_TABLE_BYTES,
  type PendingChange,
  type ReferenceTable,
  type Row,
  type RowChange,
} from './reference-table.js';
import type {
  ChangeDefinitionRequest,
  CreateTableRequest,
  ImportCsvRequest,
  ReplaceRowsRequest,
} from './reference-tables.contract.js';
import { changedDefinition } from './table-definition.js';
import { ReferenceTablesRepository } from './reference-tables.repository.js';
import { checkColumns } from './columns.js';
import { readCsv } from './csv-reader.js';
import { rowChanges } from './row-changes.js';
import { checkRows } from './rows.js';
import { convertCell } from './cells.js';
import { tableCsv } from './csv-export.js';
import { SerialLocks } from '../../common/database/serial-locks.js';
import { ORPHAN_AFTER_MS } from './row-sets.js';

/** How often row sets no table names are looked for while the service runs (also at every start). */
const ROW_SET_SWEEP_MS = 60 * 60_000;

export type TableView = Omit<ReferenceTable, 'outbox' | 'key' | 'pending'> & {
  id: string;
  key: string;
  rowCount: number;
  pending?: Omit<PendingChange, 'rows'> & { rowCount: number };
};

type ComputedChange = {
  rows: Row[];
  action: PendingChange['action'];
  comment?: string;
  deleted?: boolean;
  /** Where the rows came from in the request, for a refusal to name: `/rows` unless said. */
  source?: string;
};

/** Which published rule sets read a table; the module that knows both rule sets and tables provides it. */
export type TableReadersProbe = (table: string) => Promise<string[]>;

/**
 * Reference tables: created by analysts, rows replaced or imported from CSV, every change audited. A change to a
 * table that a published rule set reads changes decisions as surely as a rule does, so it goes through the
 * same four eyes: it is held as a pending change until an approver other than its author applies it.
 */
@Injectable()
export class ReferenceTablesService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly listeners: ((key: string) => void)[] = [];
  private readersOf: TableReadersProbe = async () => [];

  private readonly outbox: OutboxDrain;
  private readonly logger = new Logger('ReferenceTablesService');
  private sweepTimer?: NodeJS.Timeout;

  constructor(
    private readonly repository: ReferenceTablesRepository,
    audit: AuditService,
    private readonly locks: SerialLocks,
  ) {
    // Recorded items leave the outbox with the table's next change, inside that change's own write.
    this.outbox = new OutboxDrain(audit, 'reference table');
  }

  async onApplicationBootstrap(): Promise<void> {
    this.sweptRowSets(await this.repository.init());
    // Sets left while the service runs (a write that failed half-way) go within the hour, not at the next start.
    this.sweepTimer = setInterval(
      () =>
        void this.repository
          .sweepRowSets(new Date(Date.now() - ORPHAN_AFTER_MS))
          .then((swept) => this.sweptRowSets(swept))
          .catch((err: Error) => this.logger.warn(`row sets not swept: ${err.message}`)),
      ROW_SET_SWEEP_MS,
    );
    this.sweepTimer.unref();
    // From the documents without their rows: a table whose rows cannot be read must not keep the service down.
    await this.outbox.drainStored({
      keysWithOutbox: () => this.repository.keysWithOutbox(),
      get: (key) => this.repository.outboxOf(key),
    });
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweepTimer);
  }

  private sweptRowSets(count: number): void {
    if (count > 0) this.logger.warn(`removed ${count} set(s) of table rows left by interrupted or lost writes`);
  }

  onChange(listener: (key: string) => void): void {
    this.listeners.push(listener);
  }

  useReadersProbe(probe: TableReadersProbe): void {
    this.readersOf = probe;
  }

  /**
   * Whether the rows wait for an approver depends on the rule sets in force that read the table: the check and the
   * write hold the table's lock (`table:<key>`), which a rule set's publication takes too (rulesets.service.ts).
   */
  create(request: CreateTableRequest, actor: string): Promise<Tagged<TableView>> {
    return this.locks.serially([`table:${request.key}`], () => this.createNow(request, actor));
  }

  private async createNow(request: CreateTableRequest, actor: string): Promise<Tagged<TableView>> {
    checkColumns(request);
    const { rows, problems } = await checkRows(
      request as ReferenceTable,
      (request.rows ?? []) as Record<string, unknown>[],
      false,
    );
    if (problems.length > 0)
      throw new ValidationError(`${problems.length} problem(s) in the rows; nothing was saved.`, problems);
    refuseHeavyRows(rows, '/rows');
    const at = new Date().toISOString();
    // A published rule set may name a table that does not exist yet (its lookups then find no row): the rows of
    // such a table would change its decisions at once, so they wait for an approver as any change of a table it
    // reads does. The table is created empty, with its rows as the pending change, in one write.
    const readers = rows.length > 0 ? await this.readersOf(request.key) : [];
    const held = readers.length > 0;
    const event = this.event(request.key, 'created', actor, {
      after: { columns: request.columns.map((c) => c.name), rows: held ? 0 : rows.length },
    });
    const table: ReferenceTable = {
      key: request.key,
      name: request.name,
      ...(request.description !== undefined && { description: request.description }),
      keyColumn: request.keyColumn,
      columns: request.columns.map((c) => ({ ...c })),
      rows: held ? [] : rows,
      rev: 1,
      updatedBy: actor,
      updatedAt: at,
      outbox: [outboxItem(event)],
    };
    if (held) {
      const { changes, counts } = await rowChanges(table, rows);
      table.pending = { action: 'rows_replaced', rows, proposedBy: actor, proposedAt: at, readers, changes, counts };
      const proposed = this.event(request.key, 'change_proposed', actor, rowsSummary(0, rows.length, changes));
      proposed.details = { action: 'rows_replaced', readers, ...counts };
      table.outbox.push(outboxItem(proposed));
    }
    const created = await this.outbox.written(
      table.key,
      table.outbox,
      () => this.repository.create(table),
      () => this.repository.outboxOf(table.key),
    );
    if (!created) {
      throw new ConflictError(
        `A reference table "${request.key}" exists or existed (deleted keys keep their history).`,
        'key_taken',
        [{ path: '/key', message: 'is already taken', keyword: 'taken' }],
      );
    }
    await this.afterWrite(table);
    return held ? { ...tagged(table), status: 202 } : tagged(table);
  }

  async get(key: string): Promise<Tagged<TableView>> {
    return tagged(await this.load(key));
  }

  async list(query: ListQuery): Promise<ListPage<TableView>> {
    const { items, total } = await this.repository.list(
      query.skip,
      query.limit,
      typeof query.filter['q'] === 'string' ? query.filter['q'] : undefined,
      query.sortField as 'key' | 'name' | 'updatedAt',
      query.sortOrder,
    );
    return { items: items.map(({ table, rowCount }) => view(table, rowCount)), total, skip: query.skip };
  }

  async replaceRows(
    key: string,
    request: ReplaceRowsRequest,
    ifMatch: string | undefined,
    actor: string,
  ): Promise<Tagged<TableView>> {
    return this.change(key, ifMatch, actor, async (table) => {
      const { rows, problems } = await checkRows(table, request.rows as Record<string, unknown>[], false);
      if (problems.length > 0)
        throw new ValidationError(`${problems.length} problem(s) in the rows; nothing was saved.`, problems);
      return { rows, action: 'rows_replaced', comment: request.comment };
    });
  }

  /** All or nothing: one bad line and nothing changes; every bad line is reported with its number and column. */
  async importCsv(
    key: string,
    request: ImportCsvRequest,
    ifMatch: string | undefined,
    actor: string,
  ): Promise<Tagged<TableView>> {
    return this.change(key, ifMatch, actor, async (table) => {
      if (!/\S/.test(request.csv))
        throw new ValidationError('The CSV is empty; nothing was imported.', [
          { path: '/csv', message: 'is empty', keyword: 'minLength', params: { limit: 1 } },
        ]);
      const { records, lines, delimiter } = await readCsv(request.csv, table);
      // A header alone, replacing: every row gone at one click, the file most likely cut or the wrong one (a console
      // review). Emptying a table is done in its grid, row by row, where each removal shows.
      if (records.length === 0 && request.mode !== 'merge')
        throw new ValidationError('The CSV has a header and no row: replacing with it would empty the table.', [
          {
            path: '/csv',
            message: 'has no row after its header: a replacing import would delete every row of the table',
            keyword: 'csv',
            params: { reason: 'no_rows', rows: table.rows.length },
          },
        ]);
      // Line numbers as a spreadsheet shows them: the header is line 1.
      const { rows, problems } = await checkRows(
        table,
        request.mode === 'merge' ? withUnnamedColumnsKept(table, records) : records,
        true,
        (i) => `/csv/line/${lines[i]}`,
        (i) => ({ line: lines[i]! }),
        delimiter === ',',
      );
      if (problems.length > 0)
        throw new ValidationError(`${problems.length} problem(s) in the CSV; nothing was imported.`, problems);
      if (request.mode !== 'merge') return { rows, action: 'csv_imported', comment: request.comment, source: '/csv' };
      const byKey = new Map(table.rows.map((r) => [String(r[table.keyColumn]), r]));
      for (const row of rows) byKey.set(String(row[table.keyColumn]), row);
      if (byKey.size > MAX_ROWS)
        throw new ValidationError(`A table holds at most ${MAX_ROWS} rows; nothing was imported.`, [
          {
            path: '/csv',
            message: `adds ${byKey.size - table.rows.length} rows to ${table.rows.length}: ${byKey.size}`,
            keyword: 'csv',
            params: {
              reason: 'merge_too_many_rows',
              limit: MAX_ROWS,
              added: byKey.size - table.rows.length,
              rows: table.rows.length,
            },
          },
        ]);
      return { rows: [...byKey.values()], action: 'csv_merged', comment: request.comment, source: '/csv' };
    });
  }

  /**
   * Renames the table, describes it, or changes its columns (table-definition.ts). Its name and description decide
   * nothing and change at once. Its columns are what the rules read: while a rule set that reads the table is in
   * force or on its way there, they are refused (409 `table_in_use`), the rule set having to change first.
   */
  changeDefinition(
    key: string,
    request: ChangeDefinitionRequest,
    ifMatch: string | undefined,
    actor: string,
  ): Promise<Tagged<TableView>> {
    return this.locks.serially([`table:${key}`], async () => {
      const table = await this.loadForChange(key, ifMatch);
      refuseWhilePending(table);
      const change = await changedDefinition(table, request);
      if (change.columnsChanged) {
        const readers = await this.readersOf(key);
        if (readers.length > 0)
          throw new ConflictError(
            `Rule sets read this table's columns (${readers.join(', ')}): change them first, or keep the columns.`,
            'table_in_use',
            [
              {
                path: '/columns',
                message: `are read by ${readers.join(', ')}, published or on the way to be; their lookups would read columns that are gone`,
                keyword: 'readers',
                params: { readers: readers.join(', ') },
              },
            ],
          );
        refuseHeavyRows(change.rows, '/columns');
      }
      const description = request.description || undefined;
      // Saved as it was: nothing to record, and other people's copies stay current (an API review).
      if (!change.columnsChanged && request.name === table.name && description === table.description)
        return tagged(table);
      const shape = (t: Pick<ReferenceTable, 'name' | 'description' | 'keyColumn' | 'columns'>) => ({
        name: t.name,
        ...(t.description !== undefined && { description: t.description }),
        keyColumn: t.keyColumn,
        columns: t.columns.map((c) => `${c.name} (${c.type}${c.required ? ', required' : ''})`),
      });
      const { description: _before, ...rest } = table;
      const next: ReferenceTable = {
        ...rest,
        name: request.name,
        ...(description !== undefined && { description }),
        keyColumn: change.keyColumn,
        columns: change.columns,
        rows: change.rows,
        ...(change.columnsChanged && { updatedBy: actor }),
      };
      const event = this.event(
        key,
        'definition_changed',
        actor,
        { before: shape(table), after: shape(next) },
        request.comment,
      );
      // Named apart from a row change's `added`/`removed`, which count rows.
      event.details = {
        columnsRenamed: change.renamed,
        columnsAdded: change.added,
        columnsRemoved: change.removed,
        columnsRetyped: change.retyped,
        rows: change.rows.length,
      };
      return this.write(table, next, event, change.columnsChanged);
    });
  }

  /** The table's rows as CSV its import reads back (csv-export.ts); 404 for a table that does not exist. */
  async csv(key: string): Promise<string> {
    return tableCsv(await this.load(key));
  }

  /** Deletes a table (its history stays in the revisions and the audit trail); rule lookups into it then find nothing. */
  async remove(key: string, ifMatch: string | undefined, actor: string, comment?: string): Promise<Tagged<TableView>> {
    return this.change(key, ifMatch, actor, (table) => ({
      rows: table.rows,
      action: 'deleted',
      comment,
      deleted: true,
    }));
  }

  /**
   * Applies the pending change: an approver who did not propose it (four eyes). Under the table's lock, as every
   * change of it: an approval and a withdrawal sent together from two instances had both been answered 200.
   */
  approvePending(
    key: string,
    ifMatch: string | undefined,
    actor: string,
    comment?: string,
  ): Promise<Tagged<TableView>> {
    return this.locks.serially([`table:${key}`], async () => {
      const table = await this.loadForChange(key, ifMatch);
      const pending = pendingOf(table);
      if (pending.proposedBy === actor)
        throw new ForbiddenError('You proposed this change: someone else must approve it (four eyes).', 'four_eyes', [
          {
            path: '/key',
            message: `has a change proposed by ${pending.proposedBy}, who may not approve it`,
            keyword: 'proposedBy',
            params: { proposedBy: pending.proposedBy },
          },
        ]);
      const event = this.event(
        key,
        pending.action,
        actor,
        rowsSummary(table.rows.length, pending.deleted ? 0 : pending.rows.length, pending.changes),
        comment ?? pending.comment,
      );
      // The counts as the direct change's event gives them (ADR 0019): the trail reads the same either way.
      event.details = {
        proposedBy: pending.proposedBy,
        proposedAt: pending.proposedAt,
        approvedBy: actor,
        readers: pending.readers,
        ...pending.counts,
      };
      const { pending: _applied, ...rest } = table;
      return this.write(
        table,
        // The change is its author's; the trail says who approved it.
        { ...rest, rows: pending.rows, ...(pending.deleted && { deleted: true }), updatedBy: pending.proposedBy },
        event,
      );
    });
  }

  /** Discards the pending change: an approver rejecting it, or its author withdrawing it; a reason is required. */
  rejectPending(
    key: string,
    ifMatch: string | undefined,
    actor: string,
    isReviewer: boolean,
    comment: string,
  ): Promise<Tagged<TableView>> {
    return this.locks.serially([`table:${key}`], async () => {
      const table = await this.loadForChange(key, ifMatch);
      const pending = pendingOf(table);
      const withdrawing = pending.proposedBy === actor;
      if (!withdrawing && !isReviewer)
        throw new ForbiddenError('Only an approver, or the author of the change, can discard it.', 'forbidden', [
          {
            path: '/key',
            message: `has a change proposed by ${pending.proposedBy}`,
            keyword: 'proposedBy',
            params: { proposedBy: pending.proposedBy },
          },
        ]);
      const event = this.event(
        key,
        withdrawing ? 'change_withdrawn' : 'change_rejected',
        actor,
        { before: { rows: pending.rows.length }, after: { rows: table.rows.length } },
        comment,
      );
      event.details = { proposedBy: pending.proposedBy, action: pending.action };
      const { pending: _discarded, lastRejected: _earlier, ...rest } = table;
      const rejected = withdrawing
        ? undefined
        : {
            action: pending.action,
            proposedBy: pending.proposedBy,
            proposedAt: pending.proposedAt,
            rejectedBy: actor,
            rejectedAt: new Date().toISOString(),
            comment,
          };
      return this.write(table, { ...rest, ...(rejected && { lastRejected: rejected }) }, event, false);
    });
  }

  /**
   * Rows by key, for lookups during evaluation, with the revision they were read at: what a cache compares later
   * to know whether the table moved (undefined when the table was never created).
   */
  async rowsByKey(key: string): Promise<{ rows: Map<string, Row> | null; rev: number | undefined }> {
    const { table, rev } = await this.repository.rowsWithRevision(key);
    return { rows: table ? new Map(table.rows.map((r) => [String(r[table.keyColumn]), r])) : null, rev };
  }

  revisionsOf(keys: string[]): Promise<Map<string, number>> {
    return this.repository.revisionsOf(keys);
  }

  private change(
    key: string,
    ifMatch: string | undefined,
    actor: string,
    compute: (table: ReferenceTable) => ComputedChange | Promise<ComputedChange>,
  ): Promise<Tagged<TableView>> {
    return this.locks.serially([`table:${key}`], () => this.changeNow(key, ifMatch, actor, compute));
  }

  /** `change`, holding the table's lock: its readers are checked and its change written with none published between. */
  private async changeNow(
    key: string,
    ifMatch: string | undefined,
    actor: string,
    compute: (table: ReferenceTable) => ComputedChange | Promise<ComputedChange>,
  ): Promise<Tagged<TableView>> {
    const table = await this.loadForChange(key, ifMatch);
    refuseWhilePending(table);
    const { rows, action, comment, deleted, source } = await compute(table);
    if (rows.length > MAX_ROWS)
      throw new ValidationError(`A table holds at most ${MAX_ROWS} rows.`, [
        { path: '/rows', message: `has ${rows.length} rows` },
      ]);
    if (!deleted) refuseHeavyRows(rows, source ?? '/rows');
    const readers = await this.readersOf(key);
    const { changes, counts } = await rowChanges(table, deleted ? [] : rows);
    // The same rows in the same order (a file exported and imported again, a grid saved unedited): nothing to
    // propose or record. Held for an approver, such a change had blocked every other change to the table.
    if (!deleted && counts.added + counts.removed + counts.changed === 0 && sameOrder(table, rows))
      return tagged(table);
    // A deleted table keeps its rows for its history, but has none: the trail said « after: 1 row » of a deletion.
    const rowsAfter = deleted ? 0 : rows.length;
    if (readers.length > 0) {
      const pending: PendingChange = {
        action,
        rows,
        ...(deleted && { deleted }),
        ...(comment && { comment }),
        proposedBy: actor,
        proposedAt: new Date().toISOString(),
        readers,
        changes,
        counts,
      };
      const event = this.event(
        key,
        'change_proposed',
        actor,
        rowsSummary(table.rows.length, rowsAfter, changes),
        comment,
      );
      event.details = { action, readers, ...counts };
      // The rows are as they were until the change is approved: so are who changed them last, and when.
      return { ...(await this.write(table, { ...withoutRejection(table), pending }, event, false)), status: 202 };
    }
    const event = this.event(key, action, actor, rowsSummary(table.rows.length, rowsAfter, changes), comment);
    event.details = { ...counts };
    return this.write(
      table,
      { ...withoutRejection(table), ...(deleted && { deleted }), rows, updatedBy: actor },
      event,
    );
  }

  private async loadForChange(key: string, ifMatch: string | undefined): Promise<ReferenceTable> {
    if (!ifMatch)
      throw new PreconditionRequiredError(
        'Send the If-Match header with the ETag you read, so concurrent edits are never overwritten.',
      );
    const table = await this.load(key);
    const current = etag(table);
    // A stale copy of this table, or the ETag of another resource: checkIfMatch says which.
    checkIfMatch(
      ifMatch,
      current,
      'This table was changed by someone else since you read it: reload it, then apply your change again.',
    );
    return table;
  }

  /**
   * Claims the next revision with `next`'s content; the event rides in the outbox with it. `rowsChanged` false:
   * a change proposed or discarded, which leaves the rows, and when they last changed, as they were.
   */
  private async write(
    table: ReferenceTable,
    next: Omit<ReferenceTable, 'rev' | 'updatedAt' | 'outbox'> & Partial<ReferenceTable>,
    event: AuditEntry,
    rowsChanged = true,
  ): Promise<Tagged<TableView>> {
    const written: ReferenceTable = {
      ...next,
      rev: table.rev + 1,
      updatedAt: rowsChanged ? new Date().toISOString() : table.updatedAt,
      outbox: [...(await this.outbox.unrecorded(table.outbox)), outboxItem(event)],
    };
    const replaced = await this.outbox.written(
      table.key,
      written.outbox.slice(-1),
      () => this.repository.replace(table, written),
      () => this.repository.outboxOf(table.key),
    );
    if (!replaced)
      throw new PreconditionFailedError(
        'This table was changed by someone else at the same moment: reload it, then apply your change again.',
        [{ path: '/key', message: 'was changed by someone else at the same moment', keyword: 'changedMeanwhile' }],
      );
    await this.afterWrite(written);
    return tagged(written);
  }

  private async afterWrite(table: ReferenceTable): Promise<void> {
    this.listeners.forEach((listener) => listener(table.key));
    await this.outbox.afterCommit(table.key, table.outbox);
  }

  private async load(key: string): Promise<ReferenceTable> {
    const table = await this.repository.get(key);
    if (!table)
      throw new NotFoundError(`No reference table "${key}".`, [
        namesNone('/key', 'reference_table', 'names no reference table'),
      ]);
    return table;
  }

  private event(
    key: string,
    action: string,
    actor: string,
    summary: AuditEntry['summary'],
    reason?: string,
  ): AuditEntry {
    return {
      actor,
      action: `reference_table.${action}`,
      resourceType: 'reference_table',
      resourceKey: key,
      summary,
      ...(reason && { reason }),
    };
  }
}

/** One change at a time: a change awaiting an approver is approved or rejected before the next. */
function refuseWhilePending(table: ReferenceTable): void {
  if (table.pending)
    throw new ConflictError(
      `A change by ${table.pending.proposedBy} awaits approval: it must be approved or rejected first.`,
      'change_pending',
      [{ path: '/key', message: `has a change by ${table.pending.proposedBy} awaiting approval` }],
    );
}

function pendingOf(table: ReferenceTable): PendingChange {
  if (!table.pending)
    throw new ConflictError('No change to this table awaits approval.', 'no_pending_change', [
      { path: '/key', message: 'has no change awaiting approval' },
    ]);
  return table.pending;
}

function etag(table: ReferenceTable): string {
  return `"reference_table:${table.key}:r${table.rev}"`;
}

/** `rowCount` is given when the rows were not read (lists). */
function view(table: ReferenceTable, rowCount = table.rows.length): TableView {
  const { outbox: _outbox, pending, ...rest } = table;
  // The pending rows themselves stay on the server: a reviewer reads the changes, and the counts.
  const pendingView =
    pending && (({ rows, ...summary }) => ({ ...summary, rowCount: summary.deleted ? 0 : rows.length }))(pending);
  return { id: table.key, ...rest, rowCount, ...(pendingView && { pending: pendingView }) };
}

function tagged(table: ReferenceTable): Tagged<TableView> {
  return { body: view(table), etag: etag(table) };
}

/** Rows shown in an audit event's before and after; the counts in its details say how many changed in all. */
const SUMMARY_ROWS = 20;

/**
 * An audited change's before and after: the row counts, and the first SUMMARY_ROWS rows it adds, removes or
 * changes, side by side: a row absent on one side is null there. Lists, not
 * objects keyed by row: a key is the analyst's text, and the database refuses some texts as field names.
 */
/** Refuses rows heavier than MAX_TABLE_BYTES as JSON, naming what brought them (`/csv`, `/rows`): a 413. */
function refuseHeavyRows(rows: readonly Row[], path: string): void {
  const bytes = canonicalByteLength(rows);
  if (bytes <= MAX_TABLE_BYTES) return;
  const [size, limit] = [Math.round(bytes / 1024), MAX_TABLE_BYTES / 1024];
  throw new TooLargeError(
    `The table's rows would be ${size} KiB; the limit is ${limit} KiB. Nothing was saved.`,
    [
      {
        path,
        message: `makes the rows ${size} KiB; the limit is ${limit} KiB`,
        keyword: 'maxBytes',
        params: { size, limit },
      },
    ],
    'table_too_large',
  );
}

function rowsSummary(
  rowsBefore: number,
  rowsAfter: number,
  changes: RowChange[],
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const shown = changes.slice(0, SUMMARY_ROWS);
  return {
    before: { rows: rowsBefore, changedRows: shown.map((c) => c.before) },
    after: { rows: rowsAfter, changedRows: shown.map((c) => c.after) },
  };
}

/**
 * A merge updates the columns its header names, no others: each record of a row the table has is completed with
 * that row's values in the columns the header leaves out. Two columns of prices from an ERP had emptied every other
 * column (dates, flags, notes) of the rows they updated, and refused them where those columns are required (an API
 * probe). A new row gets nothing in the columns left out, as in a replacing import.
 */
function withUnnamedColumnsKept(
  table: Pick<ReferenceTable, 'columns' | 'keyColumn' | 'rows'>,
  records: Record<string, string>[],
): Record<string, unknown>[] {
  const keyType = table.columns.find((c) => c.name === table.keyColumn)?.type ?? 'string';
  const byKey = new Map(table.rows.map((row) => [String(row[table.keyColumn]), row]));
  return records.map((record) => {
    const key = convertCell(record[table.keyColumn], keyType, true);
    const current = key === null || key === undefined ? undefined : byKey.get(String(key));
    if (!current) return record;
    const completed: Record<string, unknown> = Object.assign(Object.create(null) as object, record);
    for (const column of table.columns)
      if (!Object.hasOwn(record, column.name) && current[column.name] !== undefined)
        completed[column.name] = current[column.name];
    return completed;
  });
}

/** The table without its last rejected change: a new change, proposed or made, is what the page says now. */
function withoutRejection(table: ReferenceTable): ReferenceTable {
  const { lastRejected: _said, ...rest } = table;
  return rest;
}

/** Whether `rows` hold the table's keys in the table's order (their cells compared apart, by rowChanges). */
function sameOrder(table: Pick<ReferenceTable, 'keyColumn' | 'rows'>, rows: Row[]): boolean {
  return (
    rows.length === table.rows.length &&
    rows.every((row, i) => row[table.keyColumn] === table.rows[i]![table.keyColumn])
  );
}
