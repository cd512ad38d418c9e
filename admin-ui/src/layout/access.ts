/**
 * What the console offers to whom. Each action names the API routes that carry it out and the roles those
 * routes accept; the console shows an action's buttons to those roles alone (the API refuses the others anyway).
 * `server/test/console-access.e2e-spec.ts` compares every entry with the roles the API's own OpenAPI document
 * states for its routes, so the console neither offers what the API refuses nor hides what it allows.
 */
export const ACTIONS = {
  /** Create a rule set, prompt or experiment, edit its draft, import one, save a test case into a draft. */
  writeDrafts: {
    roles: ['analyst'],
    routes: [
      'POST /api/v1/rulesets',
      'PUT /api/v1/rulesets/{key}/draft',
      'POST /api/v1/rulesets/import/dmn',
      'POST /api/v1/prompts',
      'PUT /api/v1/prompts/{key}/draft',
      'POST /api/v1/experiments',
      'PUT /api/v1/experiments/{key}/draft',
    ],
  },
  submitVersion: {
    roles: ['analyst'],
    routes: ['rulesets', 'prompts', 'experiments'].map((r) => `POST /api/v1/${r}/{key}/versions/{n}/submit`),
  },
  /** Approve or reject a version in review (never one's own: the four-eyes rule is the API's too). */
  reviewVersion: {
    roles: ['approver'],
    routes: ['rulesets', 'prompts', 'experiments'].flatMap((r) =>
      ['approve', 'reject'].map((verb) => `POST /api/v1/${r}/{key}/versions/{n}/${verb}`),
    ),
  },
  publishVersion: {
    roles: ['approver'],
    routes: ['rulesets', 'prompts', 'experiments'].map((r) => `POST /api/v1/${r}/{key}/versions/{n}/publish`),
  },
  rollBack: {
    roles: ['approver'],
    routes: ['rulesets', 'prompts', 'experiments'].map((r) => `POST /api/v1/${r}/{key}/rollback`),
  },
  /** Start or stop a version's shadow run. */
  runShadow: {
    roles: ['approver'],
    routes: ['POST /api/v1/rulesets/{key}/versions/{n}/shadow', 'DELETE /api/v1/rulesets/{key}/versions/{n}/shadow'],
  },
  stopExperiment: { roles: ['approver'], routes: ['POST /api/v1/experiments/{key}/stop'] },
  /** Run a version's tests (rule sets and prompts). */
  runTests: {
    roles: ['analyst', 'approver'],
    routes: ['POST /api/v1/rulesets/{key}/versions/{n}/test', 'POST /api/v1/prompts/{key}/versions/{n}/test'],
  },
  /** Replay a version on recent decisions (what would change). */
  analyseImpact: {
    roles: ['analyst', 'approver', 'risk'],
    routes: ['POST /api/v1/rulesets/{key}/versions/{n}/impact'],
  },
  runEvaluations: {
    roles: ['analyst', 'approver'],
    routes: ['POST /api/v1/prompts/{key}/versions/{n}/evaluation-runs'],
  },
  createEvaluationSets: { roles: ['analyst'], routes: ['POST /api/v1/prompts/{key}/evaluation-sets'] },
  /** Open a decision's receipt by its reference (staff taking a call). */
  readReceipts: {
    roles: ['analyst', 'approver', 'risk', 'admin'],
    routes: ['GET /api/v1/decisions/{id}/receipt'],
  },
  /** Record a person's observations on a decision (from its receipt). */
  recordReview: { roles: ['analyst', 'approver', 'risk'], routes: ['POST /api/v1/decisions/{id}/reviews'] },
  decideReview: { roles: ['approver', 'risk'], routes: ['POST /api/v1/reviews/{id}/decide'] },
  /** Create, import, change and delete reference tables (each change then waits for an approver). */
  editReferenceTables: {
    roles: ['analyst', 'admin'],
    routes: [
      'POST /api/v1/reference-tables',
      'PUT /api/v1/reference-tables/{key}/rows',
      'POST /api/v1/reference-tables/{key}/import',
      'DELETE /api/v1/reference-tables/{key}',
    ],
  },
  approveTableChange: { roles: ['approver'], routes: ['POST /api/v1/reference-tables/{key}/pending/approve'] },
} as const satisfies Record<string, { roles: readonly string[]; routes: readonly string[] }>;

export type Action = keyof typeof ACTIONS;

/**
 * The resources only some roles may open, with the route that lists them: App.tsx registers a resource for
 * those roles alone, and a page of one opened by someone else says so (AccessDenied) instead of « Page manquante ».
 */
export const RESOURCE_ROLES: Record<string, { roles: readonly string[]; routes: readonly string[] }> = {
  audit: { roles: ['risk', 'admin'], routes: ['GET /api/v1/audit'] },
  reviews: { roles: ['approver', 'risk', 'admin'], routes: ['GET /api/v1/reviews'] },
  'api-keys': { roles: ['admin'], routes: ['GET /api/v1/api-keys'] },
  users: { roles: ['admin'], routes: ['GET /api/v1/users'] },
};

/** Whether someone with these roles may open the resource (any resource not listed: anyone signed in). */
export function mayOpen(resource: string, roles: readonly string[] | undefined): boolean {
  if (!roles?.length) return false;
  const needed = RESOURCE_ROLES[resource]?.roles;
  return !needed || roles.some((role) => needed.includes(role));
}

/** Whether someone with these roles may carry out the action. */
export function may(action: Action, roles: readonly string[] | undefined): boolean {
  const allowed: readonly string[] = ACTIONS[action].roles;
  return (roles ?? []).some((role) => allowed.includes(role));
}
