import { draftEtag } from '../governance/etag.js';
import { scheduledPublications, versionInForce, withDerivedStatuses } from '../governance/publications.js';
import type { ResourceState, VersionRecord } from '../governance/versioned-resource.js';
import type { RulesetContent, RulesetMeta } from './ruleset.types.js';

export type RulesetState = ResourceState<RulesetMeta, RulesetContent>;

export function rulesetEtag(state: RulesetState): string {
  return draftEtag('ruleset', state);
}

/** What callers see of a version; statuses are derived at read time so schedules take effect on their own. */
export function versionView(version: VersionRecord, state: RulesetState, now: Date) {
  const inForce = versionInForce(state.publications, now) === version.number;
  const publications = state.publications.filter((p) => p.version === version.number);
  return { id: version.number, ...version, inForce, publications };
}

export function rulesetView(state: RulesetState, now = new Date()) {
  const versions = withDerivedStatuses(state.versions, state.publications, now);
  return {
    id: state.key,
    key: state.key,
    ...state.meta,
    archived: state.archived,
    activeVersion: versionInForce(state.publications, now),
    draftVersion: state.draft?.version ?? null,
    latestVersion: state.nextVersion - 1,
    scheduled: scheduledPublications(state.publications, now),
    versions: versions.map((v) => versionView(v, state, now)),
    createdBy: state.createdBy,
    createdAt: state.createdAt,
    updatedAt: state.updatedAt,
  };
}

export type RulesetView = ReturnType<typeof rulesetView>;
