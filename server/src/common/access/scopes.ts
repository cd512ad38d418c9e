/**
 * What an API key may be allowed to do; a scope is `<action>:<resource-key pattern>`, e.g. `evaluate:invoices-*`.
 * `personal-data:<rule set>` lets a system see personal fields, and the facts derived from them, unmasked in that
 * rule set's decisions: for the system that tells people the main factors of a decision about them.
 * `decisions:receipt:<rule set>` and `decisions:review-request:<rule set>` let that system hand the person the
 * receipt of a decision about them and pass on their observations (docs/adr/0030). `decisions:read:<rule set>`
 * lets a system read back the records of that rule set's decisions (`GET /decisions/{id}`): after `logged: false`,
 * whether the record landed, which it had no way to learn (an API review).
 */
export const SCOPE_ACTIONS = [
  'evaluate',
  'personal-data',
  'decisions:read',
  'decisions:receipt',
  'decisions:review-request',
  'prompts:render',
  'prompts:complete',
  'experiments:feedback',
  'metrics',
] as const;
export type ScopeAction = (typeof SCOPE_ACTIONS)[number];

/** Actions on no particular resource: their only scope is `<action>:*`. */
const ACTIONS_ON_NO_RESOURCE: readonly ScopeAction[] = ['metrics'];
const ON_A_RESOURCE = SCOPE_ACTIONS.filter((action) => !ACTIONS_ON_NO_RESOURCE.includes(action));
// `metrics:read` was accepted and granted nothing: /metrics names no resource a pattern could match.
export const SCOPE_PATTERN = `^(${ON_A_RESOURCE.join('|')}):(\\*|[a-z0-9][a-z0-9-]*\\*?)$|^(${ACTIONS_ON_NO_RESOURCE.join('|')}):(\\*)$`;
const scopeRegExp = new RegExp(SCOPE_PATTERN);

interface Grant {
  action: string;
  /** The resource key, or its prefix when `prefix` is set (the scope ended with `*`). */
  key: string;
  prefix: boolean;
}

// A key's scopes are parsed once: the cached key hands the guard the same array on every request it makes.
const parsedScopes = new WeakMap<readonly string[], readonly Grant[]>();

function grantsOf(scopes: readonly string[]): readonly Grant[] {
  let grants = parsedScopes.get(scopes);
  if (grants === undefined) {
    grants = scopes.flatMap((scope) => {
      const match = scopeRegExp.exec(scope);
      if (!match) return []; // not a scope this version knows: it grants nothing
      const action = match[1] ?? match[3]!;
      const pattern = match[2] ?? match[4]!;
      const prefix = pattern.endsWith('*');
      return [{ action, key: prefix ? pattern.slice(0, -1) : pattern, prefix }];
    });
    parsedScopes.set(scopes, grants);
  }
  return grants;
}

/**
 * True when one of the scopes grants `action` on some resource: for routes whose resource is known only once the
 * record they name is read (a decision's rule set): the service asks `scopesAllow` of it then.
 */
export function scopesGrantAction(scopes: readonly string[], action: ScopeAction): boolean {
  return grantsOf(scopes).some((grant) => grant.action === action);
}

/** True when one of the scopes grants `action` on the resource `key`. A `*` matches any suffix. */
export function scopesAllow(scopes: readonly string[], action: ScopeAction, key: string): boolean {
  return grantsOf(scopes).some(
    (grant) => grant.action === action && (grant.prefix ? key.startsWith(grant.key) : key === grant.key),
  );
}
