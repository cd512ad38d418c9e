/**
 * Whether a text is whole Unicode: no half of a UTF-16 pair without its other half (a lone surrogate), which
 * cannot be stored as UTF-8 unchanged, nor written to XML, nor sent back in a JSON body every client reads.
 * String.prototype.isWellFormed and toWellFormed are in Node 20, not in the ES2023 library this project compiles
 * against.
 */
export function isWellFormed(text: string): boolean {
  return (text as unknown as { isWellFormed(): boolean }).isWellFormed();
}

/** The text with each lone surrogate replaced by U+FFFD, the sign of a character lost. */
export function toWellFormed(text: string): string {
  return (text as unknown as { toWellFormed(): string }).toWellFormed();
}
