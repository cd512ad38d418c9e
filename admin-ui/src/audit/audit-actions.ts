// The actions the server writes to the audit trail (governance/lifecycle.ts, reference-tables, users, api-keys, auth,
// shadow runs, experiments): server/src/modules/audit/audit-actions.spec.ts reads them from the server's source and
// fails when this list differs. This file imports nothing, so that spec can import it.
const LIFECYCLE_ACTIONS = [
  'created',
  'draft_created',
  'draft_updated',
  'submitted',
  'approved',
  'rejected',
  'published',
  'unscheduled',
  'rolled_back',
  'imported',
  'archived',
  'tested',
];

export const KNOWN_ACTIONS: string[] = [
  ...['ruleset', 'prompt', 'experiment'].flatMap((type) => LIFECYCLE_ACTIONS.map((action) => `${type}.${action}`)),
  'ruleset.shadow_started',
  'ruleset.shadow_stopped',
  'prompt.evaluation_set_created',
  'prompt.evaluation_run',
  'experiment.auto_stopped',
  ...[
    'created',
    'rows_replaced',
    'csv_imported',
    'csv_merged',
    'definition_changed',
    'deleted',
    'change_proposed',
    'change_rejected',
    'change_withdrawn',
  ].map((action) => `reference_table.${action}`),
  ...['created', 'roles_changed', 'renamed', 'password_reset', 'unlocked', 'disabled', 'enabled'].map(
    (action) => `user.${action}`,
  ),
  'api_key.created',
  'api_key.revoked',
  'auth.account_locked',
  'auth.login_failed',
  'auth.logout',
  'decision.receipt_issued',
  'review.submitted',
  'review.decided',
];

export const RESOURCE_TYPES = [
  'ruleset',
  'prompt',
  'experiment',
  'reference_table',
  'user',
  'api_key',
  'decision',
  'review',
];

/** Why a sign-in failed, as auth.service.ts records it in the reason of an `auth.login_failed` event. */
export const LOGIN_FAILURE_REASONS = [
  'locked',
  'bad_password',
  'unknown_user',
  'demo_account_in_production',
  'disabled',
];

/**
 * An event's reason in words: a sign-in failure's is a code (« bad_password ») the console words; any other reason
 * is what a person wrote (a rejection's comment) and is shown as written.
 */
export function reasonLabel(
  event: { action: string; reason?: string },
  translate: (key: string, options?: object) => string,
): string | undefined {
  if (event.action === 'auth.login_failed' && event.reason && LOGIN_FAILURE_REASONS.includes(event.reason))
    return translate(`gabarit.audit.login_failures.${event.reason}`);
  // An import's reason is the file it came from (events written before 2026-12-03 say it in both languages).
  if (event.action.endsWith('.imported') && event.reason && !event.reason.startsWith('Importé de '))
    return translate('gabarit.audit.imported_from', { source: event.reason });
  return event.reason;
}

/** An action in words (`ruleset.published` → « Ensemble de règles publié »); an action we do not know shows its code. */
export function actionLabel(action: string, translate: (key: string, options?: object) => string): string {
  return translate(`gabarit.audit.actions.${action}`, { _: action });
}

/**
 * An event's action in words, as a reader should take it: a publication for a later date is said to be scheduled
 * (« Publication d'un ensemble de règles programmée »), not « publié », which would read as in force.
 */
export function eventActionLabel(
  event: { action: string; at: string; summary?: unknown },
  translate: (key: string, options?: object) => string,
): string {
  const from = (event.summary as { after?: { effectiveFrom?: unknown } } | undefined)?.after?.effectiveFrom;
  const forLater =
    event.action.endsWith('.published') && typeof from === 'string' && Date.parse(from) > Date.parse(event.at);
  return forLater
    ? translate(`gabarit.audit.actions.${event.action}_for_later`, { _: actionLabel(event.action, translate) })
    : actionLabel(event.action, translate);
}

export function resourceTypeLabel(type: string, translate: (key: string, options?: object) => string): string {
  return translate(`gabarit.audit.resource_types.${type}`, { _: type });
}
