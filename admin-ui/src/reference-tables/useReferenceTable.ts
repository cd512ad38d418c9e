import { useCallback, useEffect, useState } from 'react';
import { dataProvider } from '../dataProvider';
import type { ResponseOf } from '../api/types';

/** A reference table as GET /api/v1/reference-tables/{key} returns it. */
export type TableView = ResponseOf<'/api/v1/reference-tables/{key}', 'get'>;

/** A change awaiting an approver: rule sets published now or before, in review or approved read this table. */
export type PendingChange = NonNullable<TableView['pending']>;

export interface LoadedTable {
  table: TableView;
  etag: string;
}

/**
 * The table with the ETag that guards its next change, held here rather than in react-query: the grid is keyed by
 * that ETag, and a background refetch must not replace it under the user's unsaved edits (a 412 says so instead).
 */
export function useReferenceTable(key: string) {
  const [loaded, setLoaded] = useState<LoadedTable | undefined>();
  const [error, setError] = useState<unknown>();
  const reload = useCallback(async () => {
    try {
      const { data, etag } = await dataProvider.getWithEtag<TableView>('reference-tables', key);
      setLoaded({ table: data, etag });
      setError(undefined);
    } catch (err) {
      setError(err);
    }
  }, [key]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { loaded, error, reload, setLoaded };
}

/**
 * Sends a change guarded by If-Match and returns the table as it now is, with its new ETag. When published rules
 * read the table the change is held for an approver (202), and the table comes back with `pending`.
 */
export async function sendChange(
  key: string,
  path: '' | 'rows' | 'definition' | 'import' | 'pending/approve' | 'pending/reject',
  method: 'PUT' | 'POST' | 'DELETE',
  etag: string,
  body?: object,
): Promise<LoadedTable> {
  const { data, etag: next } = await dataProvider.changeWithEtag<TableView>('reference-tables', {
    id: key,
    path,
    method,
    etag,
    body,
  });
  return { table: data, etag: next };
}
