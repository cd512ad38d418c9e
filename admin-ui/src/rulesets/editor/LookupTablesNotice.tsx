import { Alert } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';
import { lookupTableProblems, type TableSummary } from './lookup-tables';

/**
 * Tables read to check the lookups against: the API's largest page. Past it, a table missing from the page could
 * still exist, so nothing is said rather than something false.
 */
const TABLES_READ = 500;

/** Says which lookups will find no row, because their table, or the column they search, does not exist. */
export const LookupTablesNotice = ({ lookups }: { lookups: unknown }) => {
  const translate = useTranslate();
  const named = Array.isArray(lookups) && lookups.length > 0;
  const { data, total } = useGetList<TableSummary & { id: string }>(
    'reference-tables',
    { pagination: { page: 1, perPage: TABLES_READ }, sort: { field: 'key', order: 'ASC' } },
    { enabled: named, retry: false },
  );
  if (!named || !data || total === undefined || total > data.length) return null;
  const problems = lookupTableProblems(lookups, data);
  if (problems.length === 0) return null;
  return (
    <Alert severity="warning" sx={{ mb: 2 }}>
      {problems.map((problem) => (
        <div key={`${problem.fact}/${problem.table}/${problem.column ?? ''}`}>
          {problem.column === undefined
            ? translate('gabarit.editors.lookup_tables.missing_table', problem)
            : translate('gabarit.editors.lookup_tables.missing_column', problem)}
        </div>
      ))}
    </Alert>
  );
};
