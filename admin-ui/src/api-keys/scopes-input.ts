/** The scopes text area holds one scope per line; the API takes an array. */
export function parseScopes(text: string | undefined): string[] {
  return (text ?? '')
    .split(/[\n,]/)
    .map((scope) => scope.trim())
    .filter((scope) => scope !== '');
}

export function formatScopes(scopes: string[] | string | undefined): string {
  return Array.isArray(scopes) ? scopes.join('\n') : (scopes ?? '');
}
