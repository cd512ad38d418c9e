import { useCallback, useEffect, useState } from 'react';
import { httpClient } from '../dataProvider';
import type { CellValue, Column } from './cells';

/** A reference table as GET /api/v1/reference-tables/{key} returns it. */
export interface TableView {
  id: string;
  key: string;
  name: string;
  description?: string;
  keyColumn: string;
  columns: Column[];
  rows: Record<string, CellValue>[];
  rowCount: number;
  rev: number;
  updatedBy: string;
  updatedAt: string;
}

export interface LoadedTable {
  table: TableView;
  etag: string;
}

/** The table with the ETag that guards its next change (react-admin's getOne does not keep response headers). */
export function useReferenceTable(key: string) {
  const [loaded, setLoaded] = useState<LoadedTable | undefined>();
  const [error, setError] = useState<unknown>();
  const reload = useCallback(async () => {
    try {
      const response = await httpClient(`/api/v1/reference-tables/${encodeURIComponent(key)}`);
      setLoaded({ table: response.json as TableView, etag: response.headers.get('etag') ?? '' });
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

/** Sends a change guarded by If-Match and returns the table as it now is, with its new ETag. */
export async function sendChange(key: string, path: '/rows' | '/import', method: 'PUT' | 'POST', etag: string, body: object): Promise<LoadedTable> {
  const response = await httpClient(`/api/v1/reference-tables/${encodeURIComponent(key)}${path}`, {
    method,
    headers: new Headers({ Accept: 'application/json', 'Content-Type': 'application/json', 'If-Match': etag }),
    body: JSON.stringify(body),
  });
  return { table: response.json as TableView, etag: response.headers.get('etag') ?? '' };
}
