import type { Tagged } from '../../common/http/etag.interceptor.js';
import { draftEtag } from './etag.js';
import { scheduledPublications, versionInForce, withDerivedStatuses } from './publications.js';
import type { ResourceState, ShadowRun } from './versioned-resource.js';

/** What callers see of any versioned resource; statuses are derived at read time so schedules take effect on their own. */
export function resourceView<M extends object, C>(state: ResourceState<M, C>, now = new Date()) {
  const inForce = versionInForce(state.publications, now);
  // Each version's latest shadow run (rule sets), so a reader asks for a report only where there is one.
  const lastShadow = new Map((state.shadows ?? []).map((run) => [run.version, run]));
  return {
    id: state.key,
    key: state.key,
    ...state.meta,
    archived: state.archived,
    ...(state.archived && state.archival && { archival: state.archival }),
    activeVersion: inForce,
    draftVersion: state.draft?.version ?? null,
    latestVersion: state.nextVersion - 1,
    scheduled: scheduledPublications(state.publications, now),
    versions: withDerivedStatuses(state.versions, state.publications, now).map((v) => ({
      id: v.number,
      ...v,
      ...(state.draft?.version === v.number && { revision: state.draft.rev }),
      inForce: v.number === inForce,
      publications: state.publications.filter((p) => p.version === v.number),
      ...shadowSummary(lastShadow.get(v.number)),
    })),
    createdBy: state.createdBy,
    createdAt: state.createdAt,
    updatedAt: state.updatedAt,
  };
}

function shadowSummary(run: ShadowRun | undefined) {
  if (!run) return {};
  const { percent, startedAt, stoppedAt } = run;
  return { shadow: { percent, running: stoppedAt === undefined, startedAt, ...(stoppedAt && { stoppedAt }) } };
}

/** The view with the ETag that guards the next draft edit. */
export function taggedView<M extends object, C>(resourceType: string, state: ResourceState<M, C>) {
  return { body: resourceView(state), etag: draftEtag(resourceType, state) };
}

/** What a create answers: the view, with the new draft's `version` and `status` at the top level as well. */
export function createdView<T extends object>(tagged: Tagged<T>): Tagged<T & { version: 1; status: 'draft' }> {
  return { ...tagged, body: { ...tagged.body, version: 1, status: 'draft' } };
}
