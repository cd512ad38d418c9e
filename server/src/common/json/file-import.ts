import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { DomainError, type ErrorDetail } from '../errors/domain-errors.js';

/** What loading a folder of reviewed files did: published (imported), already in force (unchanged), refused. */
export interface ImportReport {
  imported: string[];
  unchanged: string[];
  /** `code`: the error code the API would answer (`stale_base`), when the refusal has one. */
  failed: { file: string; message: string; code?: string; details: ErrorDetail[] }[];
}

/**
 * Loads each file in order with `importOne` (given the parsed JSON, the file's path and its name below `dir`),
 * which says what it loaded and whether anything changed. A file that fails is reported, and the rest go on.
 */
export async function importFiles(
  dir: string,
  files: readonly string[],
  importOne: (raw: Record<string, unknown>, file: string, name: string) => Promise<{ label: string; changed: boolean }>,
): Promise<ImportReport> {
  const report: ImportReport = { imported: [], unchanged: [], failed: [] };
  for (const file of files) {
    const name = relative(dir, file);
    try {
      const raw = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
      const { label, changed } = await importOne(raw, file, name);
      (changed ? report.imported : report.unchanged).push(label);
    } catch (err) {
      const details = err instanceof DomainError ? err.details : [];
      const code = (err as { code?: unknown }).code;
      report.failed.push({
        file: name,
        message: (err as Error).message,
        ...(err instanceof DomainError && typeof code === 'string' && { code }),
        details,
      });
    }
  }
  return report;
}
