/** A version as the API lists it (only what the buttons need). */
export interface VersionRecord {
  number: number;
  status: 'draft' | 'in_review' | 'approved' | 'published' | 'retired';
  authors: string[];
  checksum?: string;
}

export type VersionAction = 'submit' | 'approve' | 'reject' | 'publish';

/**
 * Which lifecycle buttons a user sees for a version, and why one is disabled (an i18n key), following the
 * API's rules: analysts submit drafts; approvers approve or reject others' versions in review and publish.
 */
export function versionActions(
  version: VersionRecord,
  user: { id: string; roles: string[] },
): { action: VersionAction; disabledReason?: string }[] {
  const isAnalyst = user.roles.includes('analyst');
  const isApprover = user.roles.includes('approver');
  const actions: { action: VersionAction; disabledReason?: string }[] = [];
  if (version.status === 'draft' && isAnalyst) actions.push({ action: 'submit' });
  if (version.status === 'in_review' && isApprover) {
    const ownWork = version.authors.includes(user.id) ? 'gabarit.lifecycle.four_eyes' : undefined;
    actions.push({ action: 'approve', disabledReason: ownWork }, { action: 'reject', disabledReason: ownWork });
  }
  if (version.status === 'approved' && isApprover) actions.push({ action: 'publish' });
  return actions;
}
