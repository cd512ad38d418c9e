import { may } from '../layout/access';
import { staleBase } from '../common/lifecycle/version-actions';

/** A governed resource as its list endpoint returns it (only what the queue reads). */
export interface Governed {
  id: string;
  name: string;
  /** Experiments the service stopped itself (a guardrail or the split check): docs/adr/0029. */
  halt?: { reason: string; metric: string; at: string };
  activeVersion?: number | null;
  latestVersion?: number;
  versions: {
    number: number;
    status: string;
    authors: string[];
    /** The version its draft began from: an approved version begun from another than the one in force is stale. */
    basedOn?: number;
    comments?: { action: string; by: string; text: string }[];
  }[];
}

/** A reference table as its list returns it (only what the queue reads): a change may await an approver. */
export interface Table {
  id: string;
  name: string;
  pending?: { proposedBy: string };
  /** The last held change an approver rejected, until the next change is proposed or made. */
  lastRejected?: { proposedBy: string; rejectedBy: string; comment: string };
}

export type Task = 'halted' | 'to_review' | 'table_change' | 'to_publish' | 'rejected' | 'table_rejected' | 'draft';

export interface WorkItem {
  resource: 'rulesets' | 'prompts' | 'experiments' | 'reference-tables';
  id: string;
  name: string;
  /** The version concerned; a table's change has none. */
  version?: number;
  /** Who proposed a table's change. */
  proposedBy?: string;
  /** Who rejected this person's change to a table. */
  rejectedBy?: string;
  task: Task;
  /** The reviewer's comment when the version came back rejected. */
  comment?: string;
  /** The metric that stopped an experiment automatically, and when (what « seen » remembers). */
  metric?: string;
  haltAt?: string;
}

const ORDER: Task[] = ['halted', 'to_review', 'table_change', 'to_publish', 'rejected', 'table_rejected', 'draft'];

/**
 * What waits for this person: experiments stopped automatically first; approvers review others' versions and
 * changes to reference tables that published rules read, and publish approved versions (four-eyes: never their
 * own); analysts see their drafts, the rejected ones first with the reviewer's reason, and their table changes an
 * approver rejected (the table keeps nothing of them: the rows are to be made again).
 */
export function workQueue(
  lists: Record<'rulesets' | 'prompts' | 'experiments', Governed[]>,
  user: { id: string; roles: string[] },
  stoppedExperiments: Governed[] = [],
  tables: Table[] = [],
): WorkItem[] {
  const approver = may('reviewVersion', user.roles);
  const analyst = may('submitVersion', user.roles);
  const items: WorkItem[] = [];
  // An experiment the service stopped itself comes first, for everyone who runs experiments: its cause needs a look.
  for (const record of stoppedExperiments) {
    if (!record.halt || !(approver || analyst)) continue;
    const version = record.activeVersion ?? record.latestVersion ?? record.versions.at(-1)?.number ?? 1;
    items.push({
      resource: 'experiments',
      id: record.id,
      name: record.name,
      version,
      task: 'halted',
      metric: record.halt.metric,
      haltAt: record.halt.at,
    });
  }
  if (may('approveTableChange', user.roles))
    for (const table of tables)
      if (table.pending && table.pending.proposedBy !== user.id)
        items.push({
          resource: 'reference-tables',
          id: table.id,
          name: table.name,
          task: 'table_change',
          proposedBy: table.pending.proposedBy,
        });
  if (may('editReferenceTables', user.roles))
    for (const table of tables)
      if (table.lastRejected?.proposedBy === user.id)
        items.push({
          resource: 'reference-tables',
          id: table.id,
          name: table.name,
          task: 'table_rejected',
          rejectedBy: table.lastRejected.rejectedBy,
          comment: table.lastRejected.comment,
        });
  for (const [resource, records] of Object.entries(lists) as [keyof typeof lists, Governed[]][]) {
    for (const record of records) {
      for (const version of record.versions) {
        const base = { resource, id: record.id, name: record.name, version: version.number };
        if (approver && version.status === 'in_review' && !version.authors.includes(user.id))
          items.push({ ...base, task: 'to_review' });
        // Approved from another version than the one in force, it cannot be published (that would undo the newer
        // one, the version's page says): no task, where it had stayed « À publier » for good (a console review).
        if (
          approver &&
          version.status === 'approved' &&
          !staleBase(version as Parameters<typeof staleBase>[0], record.activeVersion)
        )
          items.push({ ...base, task: 'to_publish' });
        if (analyst && version.status === 'draft' && version.authors.includes(user.id)) {
          const last = version.comments?.[version.comments.length - 1];
          items.push(
            last?.action === 'reject' ? { ...base, task: 'rejected', comment: last.text } : { ...base, task: 'draft' },
          );
        }
      }
    }
  }
  return items.sort((a, b) => ORDER.indexOf(a.task) - ORDER.indexOf(b.task));
}
