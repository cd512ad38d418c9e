import { versionInForce } from './publications.js';
import type { ResourceState } from './versioned-resource.js';

/**
 * The ETag guarding draft edits. It names the resource, so an If-Match taken from another resource never
 * matches. With a draft it changes only when the draft changes, so unrelated transitions do not invalidate an
 * editor. Without one, a new draft starts from the version in force, so the tag names that version too: an editor
 * opened before a publication, a rollback or a scheduled version taking effect holds a stale base, and saving it
 * would silently undo the change published meanwhile (review, 2026-12-06).
 */
export function draftEtag(resourceType: string, state: ResourceState<unknown, unknown>, now = new Date()): string {
  if (state.draft) return `"${resourceType}:${state.key}:v${state.draft.version}:r${state.draft.rev}"`;
  const inForce = versionInForce(state.publications, now);
  return `"${resourceType}:${state.key}:nodraft:n${state.nextVersion}:f${inForce ?? 0}"`;
}
