import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { GabaritDataProvider } from '../dataProvider';

/**
 * A read under a resource through the data provider, cached by react-query under the resource's key: a
 * command that changes the resource (useApiAction, useInvalidate) refetches it. `path` undefined: not yet.
 */
export function useResourceRead<T>(
  resource: string,
  id: string | undefined,
  path: string | undefined,
  /** Reads again when this changes (such as the record's updatedAt). */
  stamp?: string,
) {
  const dataProvider = useDataProvider<GabaritDataProvider>();
  return useQuery({
    queryKey: [resource, 'read', id, path, stamp],
    queryFn: async () => (await dataProvider.read(resource, { id: id!, path: path! })) as T,
    enabled: id !== undefined && path !== undefined,
  });
}
