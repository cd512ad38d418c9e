import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';
import { makeDirectory } from '../../common/files/make-directory.js';

/** A position of the audit chain and its hash, kept outside the database. */
export interface AuditAnchor {
  seq: number;
  head: string;
  at: string;
}

const WRITE_EVERY_MS = 1_000;

/**
 * Anchors of the audit chain, outside the audit collections: appended to `DATA_DIR/audit-anchors.jsonl` and
 * logged. Someone who can write to the database can cut the tail of the chain or rewrite all of it
 * consistently; they cannot move these. `verify` compares the chain with every anchor: shorter than one is
 * `truncated`, a different hash at an anchored position is `rewritten`. The latest head is written at most
 * once a second, and at shutdown.
 */
@Injectable()
export class AuditAnchors implements OnApplicationShutdown {
  private readonly file: string;
  private readonly logger = new Logger('AuditAnchors');
  private pending?: AuditAnchor;
  private written?: AuditAnchor;
  private timer?: NodeJS.Timeout;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.file = join(config.dataDir, 'audit-anchors.jsonl');
  }

  /** Notes the head after an append. */
  note(seq: number, head: string): void {
    if (this.pending && this.pending.seq >= seq) return;
    this.pending = { seq, head, at: new Date().toISOString() };
    this.timer ??= setTimeout(() => this.flush(), WRITE_EVERY_MS).unref();
  }

  /** Writes the latest noted head now. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const anchor = this.pending;
    this.pending = undefined;
    if (!anchor || (this.written && anchor.seq <= this.written.seq)) return;
    try {
      // With MONGODB_URI and JWT_SECRET set nothing else creates DATA_DIR, and the anchors were never written.
      makeDirectory(dirname(this.file), 0o700);
      appendFileSync(this.file, `${JSON.stringify(anchor)}\n`, { mode: 0o600 });
      this.written = anchor;
    } catch (err) {
      this.logger.error(`could not write the audit anchor: ${(err as Error).message}`);
    }
    this.logger.log(`audit anchor seq=${anchor.seq} head=${anchor.head}`);
  }

  /**
   * Every anchor written (by any instance sharing the data directory), oldest first. All of them count: after
   * a tail is cut, the next append anchors the shortened chain, and only the older anchors still show the cut.
   */
  all(): AuditAnchor[] {
    this.flush();
    if (!existsSync(this.file)) return [];
    const anchors: AuditAnchor[] = [];
    for (const line of readFileSync(this.file, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      try {
        const anchor = JSON.parse(line) as AuditAnchor;
        if (Number.isInteger(anchor.seq) && typeof anchor.head === 'string') anchors.push(anchor);
      } catch {
        // a line cut by a crash mid-write
      }
    }
    return anchors;
  }

  onApplicationShutdown(): void {
    this.flush();
  }
}
