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

/**
 * A date range whose end comes before its start: no event can match, and the list had said only « Aucun résultat »
 * (a console review). The values are ISO instants (startOfDay, endOfDay), compared as times.
 */
export function reversedRange(filterValues: Record<string, unknown>): boolean {
  const { from, to } = filterValues;
  return typeof from === 'string' && typeof to === 'string' && Date.parse(to) < Date.parse(from);
}
