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
    // The API's refusal (a 4xx such as an unknown version) is its answer, shown at once; only an outage or a
    // lost connection is worth retrying.
    retry: (failures, error) => !isClientError(error) && failures < 3,
  });
}

const isClientError = (error: unknown) => {
  const status = (error as { status?: number }).status;
  return status !== undefined && status >= 400 && status < 500;
};
