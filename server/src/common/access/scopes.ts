/**
 * What an API key may be allowed to do; a scope is `<action>:<resource-key pattern>`, e.g. `evaluate:invoices-*`.
 * `personal-data:<rule set>` lets a system see personal fields, and the facts derived from them, unmasked in that
 * rule set's decisions: for the system that tells people the main factors of a decision about them.
 */
export const SCOPE_ACTIONS = [
  'evaluate',
  'personal-data',
  'prompts:render',
  'prompts:complete',
  'experiments:feedback',
  'metrics',
] as const;
export type ScopeAction = (typeof SCOPE_ACTIONS)[number];

export const SCOPE_PATTERN = `^(${SCOPE_ACTIONS.join('|')}):(\\*|[a-z0-9][a-z0-9-]*\\*?)$`;
const scopeRegExp = new RegExp(SCOPE_PATTERN);

/** True when one of the scopes grants `action` on the resource `key`. A `*` matches any suffix. */
export function scopesAllow(scopes: readonly string[], action: ScopeAction, key: string): boolean {
  return scopes.some((scope) => {
    const match = scopeRegExp.exec(scope);
    if (!match || match[1] !== action) return false;
    const pattern = match[2]!;
    return pattern.endsWith('*') ? key.startsWith(pattern.slice(0, -1)) : key === pattern;
  });
}
