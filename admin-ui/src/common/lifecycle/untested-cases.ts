import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { GabaritDataProvider } from '../../dataProvider';
import type { VersionRecord } from './version-actions';

/** The governed resources whose versions carry test cases. */
export const hasTests = (resource: string): boolean => resource === 'rulesets' || resource === 'prompts';

/**
 * How many test cases a version awaiting approval or publication holds when they were never run: publishing it
 * is refused until they pass, and « — » read as « no tests ». Read from the version's content, for those only.
 */
export function useUntestedCases(resource: string, id: string, version: VersionRecord | undefined): number | undefined {
  const dataProvider = useDataProvider<GabaritDataProvider>();
  const waiting =
    version !== undefined &&
    version.testRun === undefined &&
    (version.status === 'in_review' || version.status === 'approved');
  const withTests = hasTests(resource);
  return (
    useQuery({
      queryKey: [resource, id, 'versions', version?.number, 'test-cases'],
      queryFn: async () => {
        const read = (await dataProvider.read(resource, { id, path: `versions/${version!.number}` })) as {
          content?: { tests?: unknown[] };
        };
        return read.content?.tests?.length ?? 0;
      },
      enabled: waiting && withTests,
      staleTime: 60_000,
    }).data || undefined
  );
}
