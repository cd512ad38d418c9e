/**
 * Production secrets that are plainly not random: `minLength: 32` let « aaaa…a » through, and AUDIT_KEY equal to
 * JWT_SECRET, which undoes keeping them apart (an API review). Random values pass whatever their alphabet: 32 hex
 * characters have fewer than 8 different ones far less than once in a million draws.
 */
const FEWEST_DISTINCT_CHARACTERS = 8;

/**
 * What makes a secret guessable, in words, or undefined when nothing plainly does. Never quotes the secret: the
 * words are logged at each start, and a repeated part may be most of it.
 */
export function secretWeakness(secret: string): string | undefined {
  const period = smallestPeriod(secret);
  if (period <= secret.length / 2) return `it repeats a run of ${period} character${period === 1 ? '' : 's'}`;
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
 * Problems of production secrets. A new JWT_SECRET costs only sign-ins when AUDIT_KEY and SUBJECT_KEY are both set:
 * unset, each derives from it, and a new one would fail the audit chain (another key is refused at start,
 * docs/adr/0017) or start new pseudonyms. So a problem a new JWT_SECRET mends is refused when both are set, and
 * warned of otherwise; a weak or shared AUDIT_KEY or SUBJECT_KEY is warned of, since changing it breaks what it
 * keyed.
 */
export function secretProblems(secrets: Secrets): { refused: string[]; warnings: string[] } {
  const refused: string[] = [];
  const warnings: string[] = [];
  const { JWT_SECRET: jwt, AUDIT_KEY: audit, SUBJECT_KEY: subject } = secrets;
  const apart = audit !== undefined && subject !== undefined;
  const mendedByNewJwt = (problem: string) =>
    apart
      ? refused.push(
          `${problem}; choose a new random JWT_SECRET (openssl rand -base64 48): with AUDIT_KEY and SUBJECT_KEY set, it signs sessions only, so everyone signs in again`,
        )
      : warnings.push(
          `${problem}. ${audit === undefined ? 'The audit key' : 'The pseudonyms key'} derives from JWT_SECRET: a new one would ${audit === undefined ? 'not verify the audit trail' : 'start new pseudonyms'}, so keep it until a new install sets AUDIT_KEY and SUBJECT_KEY apart (docs/operations.md)`,
        );
  if (jwt !== undefined && audit === jwt) mendedByNewJwt('AUDIT_KEY is the same as JWT_SECRET');
  if (jwt !== undefined && subject === jwt) mendedByNewJwt('SUBJECT_KEY is the same as JWT_SECRET');
  if (apart && audit === subject)
    warnings.push(
      'SUBJECT_KEY is the same as AUDIT_KEY: a key leaked for one purpose serves the other. Changing either breaks what it keyed (the audit chain, or the pseudonyms completions were recorded under); plan it with the next install',
    );
  const jwtWeakness = jwt === undefined ? undefined : secretWeakness(jwt);
  if (jwtWeakness !== undefined) mendedByNewJwt(`JWT_SECRET is not random (${jwtWeakness})`);
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
