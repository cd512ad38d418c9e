import { DownloadButton } from '../common/DownloadButton';

/**
 * The table's rows as the CSV its import reads back (GET …/csv): to change many rows in a spreadsheet and import
 * them again, where the rows could only be typed out from the grid (a console review).
 */
export const CsvExportButton = ({ tableKey }: { tableKey: string }) => (
  <DownloadButton
    url={`/api/v1/reference-tables/${encodeURIComponent(tableKey)}/csv`}
    fallbackName={`${tableKey}.csv`}
    label="gabarit.reference_tables.export_csv"
    failed="gabarit.reference_tables.export_failed"
  />
);
