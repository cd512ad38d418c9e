import type { ResourceState } from './versioned-resource.js';

/**
 * The ETag guarding draft edits. It names the resource, so an If-Match taken from another resource never
 * matches, and it changes only when the draft changes, so unrelated transitions do not invalidate an editor.
 */
export function draftEtag(resourceType: string, state: ResourceState<unknown, unknown>): string {
  return state.draft
    ? `"${resourceType}:${state.key}:v${state.draft.version}:r${state.draft.rev}"`
    : `"${resourceType}:${state.key}:nodraft:n${state.nextVersion}"`;
}
