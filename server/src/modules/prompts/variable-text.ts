// What a prompt's variables become before they are checked and rendered (docs/adr/0007, « Text a model reads »).

/** Format characters: zero-width spaces and joiners, bidirectional controls, Unicode tags, soft hyphens... */
const INVISIBLE = /\p{Cf}/gu;

/**
 * A copy of `variables` whose texts hold no format characters. A model reads what a person does not see:
 * `<\u200Bquestion>` got past a schema that forbids the `<question>` tag delimiting the caller's question, and read
 * as that tag; Unicode tag characters (U+E0000–E007F) spell out instructions invisibly. The schema then checks what
 * the template writes, and the template writes what was checked. Not NFKC: it also turns the no-break spaces of
 * French typography (« Montréal ? ») into plain ones, changing questions people typed. Names (object keys) are the
 * schema's, left as they are.
 */
export function asModelText<T>(variables: T): T {
  return copy(variables) as T;
}

function copy(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(INVISIBLE, '');
  if (Array.isArray(value)) return value.map(copy);
  // fromEntries defines members: a member named `__proto__` (JSON.parse makes one) stays a member.
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, copy(item)]));
  return value;
}
