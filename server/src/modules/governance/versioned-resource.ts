import type { AuditEntry } from '../audit/audit-chain.js';

/** Lifecycle: draft → in_review → approved → published → retired; reject sends in_review back to draft. */
export type VersionStatus = 'draft' | 'in_review' | 'approved' | 'published' | 'retired';

export interface TestRunRecord {
  checksum: string;
  passed: number;
  failed: number;
  /** Prompts: cases that check the model's answer and were not checked (no model, or past the run's budget). */
  skipped?: number;
  at: string;
  by: string;
}

/** What is known about one version besides its content (content is stored by checksum once submitted). */
export interface VersionRecord {
  number: number;
  status: VersionStatus;
  checksum?: string;
  basedOn?: number;
  authors: string[];
  createdBy: string;
  createdAt: string;
  submittedBy?: string;
  submittedAt?: string;
  approvedBy?: string;
  approvedAt?: string;
  /** The approval holds only for this exact content. */
  approvalChecksum?: string;
  rejectedBy?: string;
  rejectedAt?: string;
  publishedBy?: string;
  publishedAt?: string;
  comments: { by: string; at: string; action: string; text: string }[];
  testRun?: TestRunRecord;
}

/** One decision to put a version in force from an instant (a publication or a rollback). */
export interface Publication {
  version: number;
  effectiveFrom: string;
  effectiveTo?: string;
  publishedBy: string;
  publishedAt: string;
  kind: 'publish' | 'rollback';
  comment?: string;
}

export interface DraftState<C> {
  version: number;
  content: C;
  rev: number;
  updatedBy: string;
  updatedAt: string;
}

export interface OutboxEntry {
  id: string;
  at: string;
  entry: AuditEntry;
}

/**
 * A version run in shadow of the version in force on live traffic (rule sets, docs/adr/0028): a share of
 * evaluations is also evaluated by it, after the answer. The last one without `stoppedAt` is running.
 */
export interface ShadowRun {
  id: string;
  version: number;
  /** Share of live evaluations also run by the shadow version, 1 to 100. */
  percent: number;
  startedAt: string;
  startedBy: string;
  /**
   * The version in force when the run started, which it is compared with: evaluations decided by another (one
   * published or rolled back to since, or scheduled to take effect) are not compared. Absent on runs started
   * before 2026-12-05, which compared with whichever version was in force.
   */
  against?: number;
  stoppedAt?: string;
  stoppedBy?: string;
  endedBy?: 'stopped' | 'published' | 'scheduled' | 'rejected' | 'replaced' | 'archived';
}

/** A versioned resource: one document, changed only by whole-document compare-and-swap on `rev`. */
export interface ResourceState<M, C> {
  key: string;
  meta: M;
  archived: boolean;
  /** Who archived it, when and why (an experiment stopped by hand): absent before 2026-12-07, and for the others. */
  archival?: { by: string; at: string; comment?: string };
  rev: number;
  draft: DraftState<C> | null;
  versions: VersionRecord[];
  publications: Publication[];
  nextVersion: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /** Audit events written in the same update as the change, drained idempotently afterwards (docs/adr/0005). */
  outbox: OutboxEntry[];
  /** Shadow runs, newest last, the latest few kept (rule sets only). */
  shadows?: ShadowRun[];
}

/** What a transition produced: the next state and what to tell the audit trail. */
export interface Transition<M, C> {
  state: ResourceState<M, C>;
  events: AuditEntry[];
  /** Content frozen by this transition, to be stored by checksum before the state is written. */
  frozenContent?: { checksum: string; content: C };
}
