import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import { turn } from '../../common/async/turn.js';
import { AuditService } from './audit.service.js';
import type { AuditFilter } from './audit.repository.js';

const COLUMNS = [
  'seq',
  'at',
  'actor',
  'action',
  'resourceType',
  'resourceKey',
  'version',
  'reason',
  'summary',
  'details',
  'prevHash',
  'hash',
] as const;

/** Rows written in one piece at most (about 5 ms of csv-stringify on an idle machine)... */
const ROWS_PER_PIECE = 500;
/**
 * ...or fewer, once their summaries and details reach this many characters: a table's change carries up to 20 rows
 * before and after (1.3 MB at most), and 500 such events in one turn had held the loop 222–332 ms.
 */
const CHARS_PER_PIECE = 256 * 1024;
/** ...or once this many milliseconds went into the piece: on a busy machine 500 rows had taken 50–108 ms. */
const MS_PER_PIECE = 10;

/** CSV of the trail for risk officers' spreadsheets; hashes included so a copy can be checked later. */
@Injectable()
export class AuditExport {
  constructor(private readonly audit: AuditService) {}

  /** The whole CSV as one text (tests, and callers that need it whole). */
  async csv(filter: AuditFilter): Promise<string> {
    const pieces: string[] = [];
    for await (const piece of this.pieces(filter)) pieces.push(piece);
    return pieces.join('');
  }

  /**
   * The CSV in pieces, a turn of the event loop between them, for the response to stream: the whole trail written
   * at once held the loop 56–132 ms at 4 000 events and 251 ms at 20 000, and any caller can lengthen the trail (a
   * receipt read is an event); a 15.6 MB export joined then sent in one write held it 76–131 ms more.
   * `escape_formulas`: a cell starting with = + - @ (or tab, carriage return) gets a leading quote, so a
   * spreadsheet shows it as text instead of running it (a comment or a username can be `=HYPERLINK(…)`).
   */
  async *pieces(filter: AuditFilter): AsyncGenerator<string> {
    let rows: unknown[][] = [];
    let chars = 0;
    let header = true;
    let started = performance.now();
    const piece = () => {
      // A byte-order mark first, so spreadsheet software reads the French accents as UTF-8.
      const text = (header ? '\uFEFF' : '') + stringify(rows, { header, columns: [...COLUMNS], escape_formulas: true });
      header = false;
      rows = [];
      chars = 0;
      return text;
    };
    for await (const event of this.audit.events(filter)) {
      const summary = event.summary ? JSON.stringify(event.summary) : '';
      const details = event.details ? JSON.stringify(event.details) : '';
      chars += summary.length + details.length;
      rows.push([
        event.seq,
        event.at,
        event.actor,
        event.action,
        event.resourceType,
        event.resourceKey ?? '',
        event.version ?? '',
        event.reason ?? '',
        summary,
        details,
        event.prevHash,
        event.hash,
      ]);
      if (rows.length === ROWS_PER_PIECE || chars >= CHARS_PER_PIECE || performance.now() - started > MS_PER_PIECE) {
        yield piece();
        await turn();
        started = performance.now();
      }
    }
    if (rows.length > 0 || header) yield piece();
  }
}
