/** One reference token of a JSON Pointer (RFC 6901): `~` and `/` escaped, so error paths name any key exactly. */
export function pointerSegment(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
