import { useMutation, useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { ResponseOf } from '../../api/types';
import { toProblem, type Problem } from '../../common/api-error';
import { useInvalidate } from '../../common/use-api-action';
import type { GabaritDataProvider } from '../../dataProvider';

/** The report of a version's latest shadow run, as GET /api/v1/rulesets/{key}/versions/{n}/shadow answers it. */
export type ShadowReport = ResponseOf<'/api/v1/rulesets/{key}/versions/{n}/shadow', 'get'>;

/** How often a running shadow's report is read again: the server flushes the other instances' counts every 3 s. */
export const LIVE_REFRESH_MS = 3000;

/** Statuses of a version that may run in shadow (docs/adr/0028). */
export const SHADOWABLE = new Set(['in_review', 'approved']);

/** A version as the rule set's view lists it: `shadow` is there once it has run in shadow. */
export interface ShadowableVersion {
  number: number;
  status: string;
  shadow?: { running: boolean };
}

/**
 * The latest shadow report of a version, read through the data provider and cached by react-query under the
 * rule set's key (so a start or stop refetches it), again every few seconds while the run is running.
 * `report` is null when the version never ran in shadow: the rule set's view says so (`shadow` absent on the
 * version), so the report is not asked for (it would be a 404 on every page), or the API answers 404 (a run
 * that another instance has not told this one about yet); `version` undefined: not yet.
 */
export function useShadowReport(rulesetKey: string | undefined, version: ShadowableVersion | undefined, live = true) {
  const dataProvider = useDataProvider<GabaritDataProvider>();
  const path = version?.shadow === undefined ? undefined : `versions/${version.number}/shadow`;
  const query = useQuery({
    queryKey: ['rulesets', 'read', rulesetKey, path],
    queryFn: async (): Promise<ShadowReport | null> => {
      try {
        return (await dataProvider.read('rulesets', { id: rulesetKey!, path: path! })) as ShadowReport;
      } catch (err) {
        if ((err as { status?: number }).status === 404) return null; // never ran in shadow
        throw err;
      }
    },
    enabled: rulesetKey !== undefined && path !== undefined,
    retry: (failures, error) => !isClientError(error) && failures < 3,
    refetchInterval: (q) => (live && q.state.data?.running ? LIVE_REFRESH_MS : false),
  });
  return {
    report: version === undefined ? undefined : version.shadow === undefined ? null : query.data,
    problem: query.error ? toProblem(query.error) : undefined,
    loading: query.isPending && query.fetchStatus !== 'idle',
  };
}

const isClientError = (error: unknown) => {
  const status = (error as { status?: number }).status;
  return status !== undefined && status >= 400 && status < 500;
};

/** Starts (POST {percent}) and stops (DELETE) a version's shadow run; the rule set's queries are refetched after. */
export function useShadowCommands(rulesetKey: string, version: number) {
  const dataProvider = useDataProvider<GabaritDataProvider>();
  const invalidate = useInvalidate('rulesets');
  const path = `versions/${version}/shadow`;
  const start = useMutation({
    mutationFn: (percent: number) =>
      dataProvider.command('rulesets', { id: rulesetKey, command: path, body: { percent } }),
    onSuccess: invalidate,
  });
  const stop = useMutation({
    mutationFn: () => dataProvider.removeUnder('rulesets', { id: rulesetKey, path }),
    onSuccess: invalidate,
  });
  const failed = start.error ?? stop.error;
  return {
    start: start.mutateAsync,
    stop: stop.mutateAsync,
    busy: start.isPending || stop.isPending,
    problem: failed ? toProblem(failed) : undefined,
    reset: () => {
      start.reset();
      stop.reset();
    },
  };
}

/**
 * A refusal of a shadow command in words: the API's 409 naming /version (a version not in review, nothing in
 * force, an archived rule set) and 400 naming /percent. Undefined for others, shown as the API words them.
 */
export function shadowRefusal(
  problem: Problem,
  translate: (key: string, options?: object) => string,
): string | undefined {
  const names = (path: string) => problem.details.some((d) => d.path === path);
  const t = (key: string, options?: object) => translate(`gabarit.shadow.errors_wording.${key}`, options);
  if (problem.status === 400 && names('/percent')) return t('percent');
  if (problem.status !== 409) return undefined;
  if (problem.error === 'nothing_in_force') return t('nothing_in_force');
  if (problem.error === 'archived') return t('archived');
  if (names('/version')) return t('not_shadowable', { reason: t('not_shadowable_reason') });
  return undefined;
}
