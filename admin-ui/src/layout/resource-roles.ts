/**
 * The resources only some roles may open, and which roles: App.tsx registers a resource for them alone (the API
 * refuses the others anyway), and a page of one opened by someone else says so (AccessDenied) instead of
 * « Page manquante ».
 */
export const RESOURCE_ROLES: Record<string, string[]> = {
  audit: ['risk', 'admin'],
  reviews: ['approver', 'risk', 'admin'],
  'api-keys': ['admin'],
  users: ['admin'],
};

/** Whether someone with these roles may open the resource (any resource not listed: anyone signed in). */
export function mayOpen(resource: string, roles: string[] | undefined): boolean {
  if (!roles?.length) return false;
  const needed = RESOURCE_ROLES[resource];
  return !needed || roles.some((role) => needed.includes(role));
}

/** Who writes drafts: the API lets analysts alone create a rule set, prompt or experiment and edit its draft. */
export const DRAFT_WRITERS = ['analyst'];

/** Whether someone with these roles may create a resource and edit its drafts. */
export function mayWriteDrafts(roles: string[] | undefined): boolean {
  return (roles ?? []).some((role) => DRAFT_WRITERS.includes(role));
}
