import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
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

/** CSV of the trail for risk officers' spreadsheets; hashes included so a copy can be checked later. */
@Injectable()
export class AuditExport {
  constructor(private readonly audit: AuditService) {}

  async csv(filter: AuditFilter): Promise<string> {
    const rows: unknown[][] = [];
    for await (const event of this.audit.events(filter)) {
      rows.push([
        event.seq,
        event.at,
        event.actor,
        event.action,
        event.resourceType,
        event.resourceKey ?? '',
        event.version ?? '',
        event.reason ?? '',
        event.summary ? JSON.stringify(event.summary) : '',
        event.details ? JSON.stringify(event.details) : '',
        event.prevHash,
        event.hash,
      ]);
    }
    // A byte-order mark so spreadsheet software reads the French accents as UTF-8. `escape_formulas`: a cell
    // starting with = + - @ (or tab, carriage return) gets a leading quote, so a spreadsheet shows it as text
    // instead of running it (a comment or a username can be `=HYPERLINK(…)`).
    return '\uFEFF' + stringify(rows, { header: true, columns: [...COLUMNS], escape_formulas: true });
  }
}
