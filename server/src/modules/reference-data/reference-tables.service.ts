import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PreconditionFailedError,
  PreconditionRequiredError,
  ValidationError,
  type ErrorDetail,
} from '../../common/errors/domain-errors.js';
import type { Tagged } from '../../common/http/etag.interceptor.js';
import type { ListPage, ListQuery } from '../../common/http/list-query.js';
import type { AuditEntry } from '../audit/audit-chain.js';
import { AuditService } from '../audit/audit.service.js';
import { OutboxDrain } from '../audit/outbox-drain.js';
import { outboxItem } from '../audit/outbox.js';
import {
  MAX_ROWS,
  MAX_SHOWN_CHANGES,
  type PendingChange,
  type ReferenceTable,
  type Row,
  type RowChange,
} from './reference-table.js';
import type { CreateTableRequest, ImportCsvRequest, ReplaceRowsRequest } from './reference-tables.contract.js';
import { ReferenceTablesRepository } from './reference-tables.repository.js';
import { checkRows } from './rows.js';

export type TableView = Omit<ReferenceTable, 'outbox' | 'key' | 'pending'> & {
  id: string;
  key: string;
  rowCount: number;
  pending?: Omit<PendingChange, 'rows'> & { rowCount: number };
};

type ComputedChange = { rows: Row[]; action: PendingChange['action']; comment?: string; deleted?: boolean };

/** Which published rule sets read a table; the module that knows both rule sets and tables provides it. */
export type TableReadersProbe = (table: string) => Promise<string[]>;

/**
 * Reference tables: created by analysts, rows replaced or imported from CSV, every change audited. A change to a
 * table that a published rule set reads changes decisions as surely as a rule does, so it goes through the
 * same four eyes: it is held as a pending change until an approver other than its author applies it.
 */
@Injectable()
export class ReferenceTablesService implements OnApplicationBootstrap {
  private readonly listeners: ((key: string) => void)[] = [];
  private readersOf: TableReadersProbe = async () => [];

  private readonly outbox: OutboxDrain;

  constructor(
    private readonly repository: ReferenceTablesRepository,
    audit: AuditService,
  ) {
    // Recorded items leave the outbox with the table's next change, inside that change's own write.
    this.outbox = new OutboxDrain(audit, 'reference table');
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.repository.init();
    await this.outbox.drainStored(this.repository);
  }

  onChange(listener: (key: string) => void): void {
    this.listeners.push(listener);
  }

  useReadersProbe(probe: TableReadersProbe): void {
    this.readersOf = probe;
  }

  async create(request: CreateTableRequest, actor: string): Promise<Tagged<TableView>> {
    if (!request.columns.some((c) => c.name === request.keyColumn)) {
      throw new ValidationError('The key column must be one of the columns.', [
        { path: '/keyColumn', message: `"${request.keyColumn}" is not among the columns` },
      ]);
    }
    const duplicate = request.columns.findIndex((c, i) => request.columns.findIndex((d) => d.name === c.name) !== i);
    if (duplicate >= 0)
      throw new ValidationError('Each column needs its own name.', [
        { path: `/columns/${duplicate}/name`, message: 'is used twice' },
      ]);
    const { rows, problems } = checkRows(
      request as ReferenceTable,
      (request.rows ?? []) as Record<string, unknown>[],
      false,
    );
    if (problems.length > 0)
      throw new ValidationError(`${problems.length} problem(s) in the rows; nothing was saved.`, problems);
    const at = new Date().toISOString();
    const event = this.event(request.key, 'created', actor, {
      after: { columns: request.columns.map((c) => c.name), rows: rows.length },
    });
    const table: ReferenceTable = {
      key: request.key,
      name: request.name,
      ...(request.description !== undefined && { description: request.description }),
      keyColumn: request.keyColumn,
      columns: request.columns.map((c) => ({ ...c })),
      rows,
      rev: 1,
      updatedBy: actor,
      updatedAt: at,
      outbox: [outboxItem(event)],
    };
    if (!(await this.repository.create(table))) {
      throw new ConflictError(
        `A reference table "${request.key}" exists or existed (deleted keys keep their history).`,
        'key_taken',
        [{ path: '/key', message: 'is already taken', keyword: 'taken' }],
      );
    }
    await this.afterWrite(table);
    return tagged(table);
  }

  async get(key: string): Promise<Tagged<TableView>> {
    return tagged(await this.load(key));
  }

  async list(query: ListQuery): Promise<ListPage<TableView>> {
    const { items, total } = await this.repository.list(
      query.skip,
      query.limit,
      typeof query.filter['q'] === 'string' ? query.filter['q'] : undefined,
    );
    return { items: items.map(({ table, rowCount }) => view(table, rowCount)), total, skip: query.skip };
  }

  async replaceRows(
    key: string,
    request: ReplaceRowsRequest,
    ifMatch: string | undefined,
    actor: string,
  ): Promise<Tagged<TableView>> {
    return this.change(key, ifMatch, actor, (table) => {
      const { rows, problems } = checkRows(table, request.rows as Record<string, unknown>[], false);
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
    return this.change(key, ifMatch, actor, (table) => {
      const records = parseCsv(request.csv);
      const { rows, problems } = checkRows(table, records, true, '/csv/lines');
      // Line numbers as a spreadsheet shows them: the header is line 1.
      const lineProblems = problems.map((p) => ({
        ...p,
        path: p.path.replace(/^\/csv\/lines\/(\d+)/, (_m, i: string) => `/csv/line/${Number(i) + 2}`),
      }));
      if (lineProblems.length > 0)
        throw new ValidationError(`${lineProblems.length} problem(s) in the CSV; nothing was imported.`, lineProblems);
      if (request.mode !== 'merge') return { rows, action: 'csv_imported', comment: request.comment };
      const byKey = new Map(table.rows.map((r) => [String(r[table.keyColumn]), r]));
      for (const row of rows) byKey.set(String(row[table.keyColumn]), row);
      return { rows: [...byKey.values()], action: 'csv_merged', comment: request.comment };
    });
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

  /** Applies the pending change: an approver who did not propose it (four eyes). */
  async approvePending(
    key: string,
    ifMatch: string | undefined,
    actor: string,
    comment?: string,
  ): Promise<Tagged<TableView>> {
    const table = await this.loadForChange(key, ifMatch);
    const pending = pendingOf(table);
    if (pending.proposedBy === actor)
      throw new ForbiddenError('You proposed this change: someone else must approve it (four eyes).', 'four_eyes');
    const event = this.event(
      key,
      pending.action,
      actor,
      {
        before: { rows: table.rows.length, keys: pending.changes.map((c) => c.key) },
        after: { rows: pending.rows.length },
      },
      comment ?? pending.comment,
    );
    event.details = {
      proposedBy: pending.proposedBy,
      proposedAt: pending.proposedAt,
      approvedBy: actor,
      readers: pending.readers,
    };
    const { pending: _applied, ...rest } = table;
    return this.write(
      table,
      { ...rest, rows: pending.rows, ...(pending.deleted && { deleted: true }), updatedBy: actor },
      event,
    );
  }

  /** Discards the pending change: an approver rejecting it, or its author withdrawing it; a reason is required. */
  async rejectPending(
    key: string,
    ifMatch: string | undefined,
    actor: string,
    isReviewer: boolean,
    comment: string,
  ): Promise<Tagged<TableView>> {
    const table = await this.loadForChange(key, ifMatch);
    const pending = pendingOf(table);
    const withdrawing = pending.proposedBy === actor;
    if (!withdrawing && !isReviewer)
      throw new ForbiddenError('Only an approver, or the author of the change, can discard it.');
    const event = this.event(
      key,
      withdrawing ? 'change_withdrawn' : 'change_rejected',
      actor,
      { before: { rows: pending.rows.length }, after: { rows: table.rows.length } },
      comment,
    );
    event.details = { proposedBy: pending.proposedBy, action: pending.action };
    const { pending: _discarded, ...rest } = table;
    return this.write(table, { ...rest, updatedBy: actor }, event);
  }

  /** Rows by key, for lookups during evaluation. */
  async rowsByKey(key: string): Promise<Map<string, Row> | null> {
    const table = await this.repository.get(key);
    return table ? new Map(table.rows.map((r) => [String(r[table.keyColumn]), r])) : null;
  }

  revisionsOf(keys: string[]): Promise<Map<string, number>> {
    return this.repository.revisionsOf(keys);
  }

  private async change(
    key: string,
    ifMatch: string | undefined,
    actor: string,
    compute: (table: ReferenceTable) => ComputedChange,
  ): Promise<Tagged<TableView>> {
    const table = await this.loadForChange(key, ifMatch);
    if (table.pending)
      throw new ConflictError(
        `A change by ${table.pending.proposedBy} awaits approval: it must be approved or rejected first.`,
        'change_pending',
      );
    const { rows, action, comment, deleted } = compute(table);
    if (rows.length > MAX_ROWS)
      throw new ValidationError(`A table holds at most ${MAX_ROWS} rows.`, [
        { path: '/rows', message: `has ${rows.length} rows` },
      ]);
    const readers = await this.readersOf(key);
    const { changes, counts } = rowChanges(table, deleted ? [] : rows);
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
        { before: { rows: table.rows.length, keys: changes.map((c) => c.key) }, after: { rows: rows.length } },
        comment,
      );
      event.details = { action, readers, ...counts };
      return { ...(await this.write(table, { ...table, pending, updatedBy: actor }, event)), status: 202 };
    }
    const event = this.event(
      key,
      action,
      actor,
      {
        before: { rows: table.rows.length, keys: changes.slice(0, 20).map((c) => c.key) },
        after: { rows: rows.length },
      },
      comment,
    );
    return this.write(table, { ...table, ...(deleted && { deleted }), rows, updatedBy: actor }, event);
  }

  private async loadForChange(key: string, ifMatch: string | undefined): Promise<ReferenceTable> {
    if (!ifMatch)
      throw new PreconditionRequiredError(
        'Send the If-Match header with the ETag you read, so concurrent edits are never overwritten.',
      );
    const table = await this.load(key);
    if (ifMatch !== etag(table))
      throw new PreconditionFailedError(
        'This table was changed by someone else since you read it: reload it, then apply your change again.',
      );
    return table;
  }

  /** Claims the next revision with `next`'s content; the event rides in the outbox with it. */
  private async write(
    table: ReferenceTable,
    next: Omit<ReferenceTable, 'rev' | 'updatedAt' | 'outbox'> & Partial<ReferenceTable>,
    event: AuditEntry,
  ): Promise<Tagged<TableView>> {
    const written: ReferenceTable = {
      ...next,
      rev: table.rev + 1,
      updatedAt: new Date().toISOString(),
      outbox: [...(await this.outbox.unrecorded(table.outbox)), outboxItem(event)],
    };
    if (!(await this.repository.replace(written, table.rev)))
      throw new PreconditionFailedError(
        'This table was changed by someone else at the same moment: reload it, then apply your change again.',
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
    if (!table) throw new NotFoundError(`No reference table "${key}".`);
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

/** csv-parse's mistakes a person makes in a CSV file, by the reason a client words (keyword `syntax`). */
const CSV_SYNTAX_REASONS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'quote_not_closed',
  CSV_INVALID_CLOSING_QUOTE: 'after_closing_quote',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'after_closing_quote',
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: 'field_count',
  CSV_RECORD_INCONSISTENT_COLUMNS: 'field_count',
};

function parseCsv(text: string): Record<string, unknown>[] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  try {
    return parse(text, { columns: true, delimiter, bom: true, skip_empty_lines: true, trim: true }) as Record<
      string,
      unknown
    >[];
  } catch (err) {
    const { lines: line, code } = err as { lines?: number; code?: string };
    const reason = code ? CSV_SYNTAX_REASONS[code] : undefined;
    const detail: ErrorDetail = {
      path: line ? `/csv/line/${line}` : '/csv',
      message: (err as Error).message,
      // csv-parse's message is English only: the kind of mistake lets a client word it.
      keyword: 'syntax',
      params: { ...(line && { line }), ...(reason && { reason }) },
    };
    throw new ValidationError('The CSV cannot be read; nothing was imported.', [detail], 'invalid_csv');
  }
}

/** The rows added, removed or changed by key (the first ones, for a reviewer), and how many of each. */
function rowChanges(table: ReferenceTable, rows: Row[]): { changes: RowChange[]; counts: PendingChange['counts'] } {
  const before = new Map(table.rows.map((r) => [String(r[table.keyColumn]), r]));
  const after = new Map(rows.map((r) => [String(r[table.keyColumn]), r]));
  const changes: RowChange[] = [];
  const counts = { added: 0, removed: 0, changed: 0 };
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(key) ?? null;
    const is = after.get(key) ?? null;
    if (was && is && JSON.stringify(was) === JSON.stringify(is)) continue;
    counts[!was ? 'added' : !is ? 'removed' : 'changed'] += 1;
    if (changes.length < MAX_SHOWN_CHANGES) changes.push({ key, before: was, after: is });
  }
  return { changes, counts };
}

function pendingOf(table: ReferenceTable): PendingChange {
  if (!table.pending) throw new ConflictError('No change to this table awaits approval.', 'no_pending_change');
  return table.pending;
}

function etag(table: ReferenceTable): string {
  return `"reference_table:${table.key}:r${table.rev}"`;
}

/** `rowCount` is given when the rows were not read (lists). */
function view(table: ReferenceTable, rowCount = table.rows.length): TableView {
  const { outbox: _outbox, pending, ...rest } = table;
  // The pending rows themselves stay on the server: a reviewer reads the changes, and the counts.
  const pendingView = pending && (({ rows, ...summary }) => ({ ...summary, rowCount: rows.length }))(pending);
  return { id: table.key, ...rest, rowCount, ...(pendingView && { pending: pendingView }) };
}

function tagged(table: ReferenceTable): Tagged<TableView> {
  return { body: view(table), etag: etag(table) };
}
