export { endOfDay, startOfDay } from '../common/dates';

/** The filters GET /api/v1/audit and /audit/export accept (server: audit.contract.ts auditFilterSchema). */
export const FILTER_FIELDS = ['actor', 'action', 'resourceType', 'resourceKey', 'from', 'to'] as const;

/** The export URL for the list's current filters (only the ones the API knows, none empty). */
export function exportUrl(filterValues: Record<string, unknown>): string {
  const filter = Object.fromEntries(
    FILTER_FIELDS.filter((f) => typeof filterValues[f] === 'string' && filterValues[f] !== '').map((f) => [
      f,
      filterValues[f],
    ]),
  );
  return Object.keys(filter).length === 0
    ? '/api/v1/audit/export'
    : `/api/v1/audit/export?filter=${encodeURIComponent(JSON.stringify(filter))}`;
}

/** The file name the server gives in Content-Disposition (`filename*=UTF-8''…` preferred), or the fallback. */
export function filenameFrom(contentDisposition: string | null, fallback = 'audit.csv'): string {
  if (!contentDisposition) return fallback;
  const encoded = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(contentDisposition);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1]!.trim());
    } catch {
      /* a malformed encoded name: fall back to the plain one */
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;\s]+))/.exec(contentDisposition);
  return plain?.[1] ?? plain?.[2] ?? fallback;
}
