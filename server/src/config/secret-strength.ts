/**
 * Production secrets that are plainly not random: `minLength: 32` let « aaaa…a » through, and AUDIT_KEY equal to
 * JWT_SECRET, which undoes keeping them apart (an API review). Random values pass whatever their alphabet: 32 hex
 * characters have fewer than 8 different ones far less than once in a million draws.
 */
const FEWEST_DISTINCT_CHARACTERS = 8;

/** What makes a secret guessable, in words, or undefined when nothing plainly does. */
export function secretWeakness(secret: string): string | undefined {
  const period = smallestPeriod(secret);
  if (period <= secret.length / 2)
    return `it repeats "${secret.slice(0, Math.min(period, 8))}${period > 8 ? '…' : ''}"`;
  const distinct = new Set(secret).size;
  if (distinct < FEWEST_DISTINCT_CHARACTERS) return `it has only ${distinct} different characters`;
  return undefined;
}

/** The length of the shortest string whose repetition (the last copy possibly cut) makes `text` (KMP's prefix function). */
function smallestPeriod(text: string): number {
  const border = new Array<number>(text.length).fill(0);
  for (let i = 1; i < text.length; i++) {
    let k = border[i - 1]!;
    while (k > 0 && text[i] !== text[k]) k = border[k - 1]!;
    if (text[i] === text[k]) k++;
    border[i] = k;
  }
  return text.length - (border[text.length - 1] ?? 0);
}

interface Secrets {
  JWT_SECRET?: string | undefined;
  AUDIT_KEY?: string | undefined;
  SUBJECT_KEY?: string | undefined;
}

/**
 * Problems of production secrets. Refused: those whose fix costs only sign-ins, i.e. a new JWT_SECRET while the
 * audit key does not derive from it. Warned of: those whose fix would break something kept, since the audit
 * chain was written with AUDIT_KEY (another is refused at start, docs/adr/0017) and experiments' pseudonyms with
 * SUBJECT_KEY.
 */
export function secretProblems(secrets: Secrets): { refused: string[]; warnings: string[] } {
  const refused: string[] = [];
  const warnings: string[] = [];
  const { JWT_SECRET: jwt, AUDIT_KEY: audit, SUBJECT_KEY: subject } = secrets;
  const newJwt =
    'choose a new random JWT_SECRET (openssl rand -base64 48): it signs sessions only, so everyone signs in again';
  if (jwt !== undefined && audit === jwt) refused.push(`AUDIT_KEY is the same as JWT_SECRET; ${newJwt}`);
  if (jwt !== undefined && subject === jwt) refused.push(`SUBJECT_KEY is the same as JWT_SECRET; ${newJwt}`);
  if (audit !== undefined && subject !== undefined && audit === subject)
    warnings.push(
      'SUBJECT_KEY is the same as AUDIT_KEY: a key leaked for one purpose serves the other. Changing either breaks what it keyed (the audit chain, or the pseudonyms completions were recorded under); plan it with the next install',
    );
  const jwtWeakness = jwt === undefined ? undefined : secretWeakness(jwt);
  if (jwtWeakness !== undefined) {
    if (audit !== undefined) refused.push(`JWT_SECRET is not random (${jwtWeakness}); ${newJwt}`);
    else
      warnings.push(
        `JWT_SECRET is not random (${jwtWeakness}), and the audit key derives from it: a new one would not verify the audit trail. Keep it until AUDIT_KEY can be set on a new install (docs/operations.md)`,
      );
  }
  for (const [name, value, breaks] of [
    ['AUDIT_KEY', audit, 'the audit chain written with it'],
    ['SUBJECT_KEY', subject, 'the pseudonyms completions were recorded under'],
  ] as const) {
    const weakness = value === undefined ? undefined : secretWeakness(value);
    if (weakness !== undefined)
      warnings.push(
        `${name} is not random (${weakness}); a new one would break ${breaks}, so plan it with the next install`,
      );
  }
  return { refused, warnings };
}
