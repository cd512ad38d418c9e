/**
 * Whether the bytes are text at all: a NUL byte among the first 8 KB says they are not (an image or a
 * spreadsheet's .xlsx chosen by mistake, whose bytes had filled the text box and come back as unknown columns).
 */
export function looksLikeText(bytes: ArrayBuffer | Uint8Array): boolean {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  return !view.subarray(0, 8192).includes(0);
}

/**
 * The text of a chosen CSV file. UTF-8 when it is valid UTF-8 (the BOM is dropped); otherwise Windows-1252,
 * which is what French Excel saves as « CSV (séparateur : point-virgule) ».
 */
export function decodeCsv(bytes: ArrayBuffer | Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
