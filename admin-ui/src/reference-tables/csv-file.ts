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
