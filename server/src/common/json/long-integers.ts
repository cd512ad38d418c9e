/**
 * Whether an integer written in decimal (`-123…`, 16 digits or more) is read back as written: JavaScript keeps
 * the nearest double, and writes it back with the fewest digits that read as that double. `9007199254740993`
 * becomes …992, another number (an identifier sent as a number would be decided on and stored as another);
 * `100000000000000000000000` is read as 1e23, which is what it says. Shorter integers are always exact.
 */
export function integerReadsAsWritten(written: string): boolean {
  const negative = written.startsWith('-');
  const digits = (negative ? written.slice(1) : written).replace(/^0+(?=\d)/, '');
  if (digits.length < 16) return true;
  const value = Number(written);
  if (!Number.isFinite(value)) return true; // Infinity is refused as too large where it matters
  return plainDigits(Math.abs(value)) === digits;
}

/** A non-negative double's shortest decimal form, written out without an exponent (1e+23 → 1 and 23 zeros). */
function plainDigits(value: number): string {
  const [mantissa, exponent] = String(value).split('e');
  if (exponent === undefined) return mantissa!;
  const [whole, fraction = ''] = mantissa!.split('.');
  return `${whole}${fraction}${'0'.repeat(Number(exponent) - fraction.length)}`;
}
