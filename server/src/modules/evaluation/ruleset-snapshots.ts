import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { RulesetState } from '../rulesets/ruleset-views.js';
import { AuditService } from '../audit/audit.service.js';
import { RulesetsService } from '../rulesets/rulesets.service.js';

const POLL_MS = 2_000;
const SWEEP_MS = 60_000;

/**
 * Rule sets as last read, so evaluations do not query the database, and keep working while it is down.
 * Changes on this instance evict at once. Changes on other instances are noticed by comparing revision
 * numbers, one `_id` read per cached rule set: that sweep runs only when the audit trail moved (every change
 * appends to it; one small read every 2 s tells), and once a minute in case a change's audit event is late
 * (its writer died before appending it). An idle fleet with a thousand cached rule sets reads next to nothing.
 */
@Injectable()
export class RulesetSnapshots implements OnModuleInit, OnApplicationShutdown {
  private readonly snapshots = new Map<string, RulesetState>();
  private timer?: NodeJS.Timeout;
  private readonly logger = new Logger('RulesetSnapshots');
  private seenMarker = -1;
  private lastSweep = 0;

  constructor(
    private readonly rulesets: RulesetsService,
    private readonly audit: AuditService,
  ) {
    rulesets.onChange((key) => this.snapshots.delete(key));
  }

  onModuleInit(): void {
    this.timer = setInterval(
      () => void this.refresh().catch((err: Error) => this.logger.debug(`poll skipped: ${err.message}`)),
      POLL_MS,
    );
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async get(key: string): Promise<RulesetState | null> {
    const cached = this.snapshots.get(key);
    if (cached) return cached;
    const state = await this.rulesets.find(key);
    if (!state) return null;
    const snapshot = deciding(state);
    this.snapshots.set(key, snapshot);
    return snapshot;
  }

  /** Drops the snapshots whose revision moved on another instance (they are read again when next used). */
  async refresh(): Promise<void> {
    if (this.snapshots.size === 0) return;
    // Read before the sweep: a change landing during it moves the marker again and is swept next time.
    const marker = await this.audit.changeMarker();
    if (marker === this.seenMarker && Date.now() - this.lastSweep < SWEEP_MS) return;
    const revisions = await this.rulesets.revisionsOf([...this.snapshots.keys()]);
    this.seenMarker = marker;
    this.lastSweep = Date.now();
    for (const [key, snapshot] of this.snapshots) {
      if (revisions.get(key) !== snapshot.rev) this.snapshots.delete(key);
    }
  }
}

/**
 * What deciding reads of a rule set: its publications and each version's number, status and checksum. Drafts,
 * authors, comments, test runs and the outbox are left empty, so a thousand snapshots take little memory.
 */
function deciding(state: RulesetState): RulesetState {
  return {
    ...state,
    draft: null,
    outbox: [],
    versions: state.versions.map((v) => ({
      number: v.number,
      status: v.status,
      ...(v.checksum && { checksum: v.checksum }),
      authors: [],
      createdBy: v.createdBy,
      createdAt: v.createdAt,
      comments: [],
    })),
  };
}
