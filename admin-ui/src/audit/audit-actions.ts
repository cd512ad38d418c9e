// The actions the server records today (governance/lifecycle.ts, reference-tables, users, api-keys, auth).
const LIFECYCLE_ACTIONS = [
  'created',
  'draft_created',
  'draft_updated',
  'submitted',
  'approved',
  'rejected',
  'published',
  'rolled_back',
  'imported',
  'archived',
  'tested',
];

export const KNOWN_ACTIONS: string[] = [
  ...['ruleset', 'prompt', 'experiment'].flatMap((type) => LIFECYCLE_ACTIONS.map((action) => `${type}.${action}`)),
  ...['created', 'rows_replaced', 'csv_imported', 'csv_merged', 'deleted'].map((action) => `reference_table.${action}`),
  ...['created', 'roles_changed', 'renamed', 'password_reset', 'unlocked'].map((action) => `user.${action}`),
  'api_key.created',
  'api_key.revoked',
  'auth.account_locked',
  'auth.login_failed',
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

/** An action in words (`ruleset.published` → « Ensemble de règles publié »); an action we do not know shows its code. */
export function actionLabel(action: string, translate: (key: string, options?: object) => string): string {
  return translate(`gabarit.audit.actions.${action}`, { _: action });
}

export function resourceTypeLabel(type: string, translate: (key: string, options?: object) => string): string {
  return translate(`gabarit.audit.resource_types.${type}`, { _: type });
}
