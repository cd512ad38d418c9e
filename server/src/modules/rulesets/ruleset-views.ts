import { draftEtag } from '../governance/etag.js';
import { resourceView } from '../governance/resource-view.js';
import type { ResourceState } from '../governance/versioned-resource.js';
import type { RulesetContent, RulesetMeta } from './ruleset.types.js';

export type RulesetState = ResourceState<RulesetMeta, RulesetContent>;

export function rulesetEtag(state: RulesetState): string {
  return draftEtag('ruleset', state);
}

export const rulesetView = (state: RulesetState, now = new Date()) => resourceView(state, now);

export type RulesetView = ReturnType<typeof rulesetView>;
