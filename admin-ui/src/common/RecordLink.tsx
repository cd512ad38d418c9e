import type { MouseEvent } from 'react';
import { Link, useCreatePath, useRecordContext, useResourceContext } from 'react-admin';

/**
 * A list row's name as a link to the record: a row opened only on a mouse click (`rowClick`) could not be opened
 * from the keyboard, nor named by a screen reader (a console review). The click still opens the row; the link is
 * what Tab reaches, Enter follows, and a middle click opens in a new tab.
 */
export const RecordLink = ({ source, type = 'show' }: { source: string; type?: 'show' | 'edit' }) => {
  const record = useRecordContext<Record<string, unknown>>();
  const resource = useResourceContext();
  const createPath = useCreatePath();
  if (!record || !resource) return null;
  return (
    <Link
      to={createPath({ resource, id: record['id'] as string, type })}
      // The row's own click would open the record a second time.
      onClick={(event: MouseEvent) => event.stopPropagation()}
    >
      {String(record[source] ?? '')}
    </Link>
  );
};
