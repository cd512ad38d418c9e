import { PreconditionFailedError, ValidationError } from '../errors/domain-errors.js';

/**
 * Whether an If-Match header lets a change go ahead on a resource whose ETag is `current` (RFC 9110 §13.1.1):
 * a list of entity tags one of which is `current` by strong comparison (a weak `W/"…"` tag never matches). A
 * client that kept the ETags of several reads may send them all. `*` is refused: every guarded change acts on a
 * resource that exists, so it would pass always, and an approver's `*` would approve whatever is pending now
 * rather than the proposal they read.
 */
export function ifMatchAccepts(header: string, current: string): boolean {
  return entityTags(header)?.some((t) => !t.weak && t.tag === current) ?? false;
}

/** The entity tags of an If-Match header, in order; undefined when it is not a list of them (`*` included). */
function entityTags(header: string): { weak: boolean; tag: string }[] | undefined {
  const value = header.trim();
  const tag = /\s*(W\/)?("[^"]*")\s*(?:,|$)/y;
  const tags: { weak: boolean; tag: string }[] = [];
  for (let at = 0; at < value.length; at = tag.lastIndex) {
    tag.lastIndex = at;
    const found = tag.exec(value);
    if (!found) return undefined;
    tags.push({ weak: found[1] !== undefined, tag: found[2]! });
  }
  return tags;
}

/**
 * Why an If-Match header cannot match any version, or undefined when it is a list of strong tags (which then
 * matches the current one or is stale). `*` (any version would match) and text that is not a list of tags are
 * the request's fault (400). Weak tags are a list RFC 9110 compares strongly, so they never match (412, as
 * the RFC has it), and are told so rather than « changed by someone else ».
 */
export function ifMatchUnusable(header: string): { status: 400 | 412; message: string } | undefined {
  const sent = header.trim();
  if (sent === '*') return { status: 400, message: 'is *, which any version would match: send the ETag you read' };
  if (sent === '') return { status: 400, message: 'is empty: send the ETag you read' };
  const tags = entityTags(sent);
  if (!tags) return { status: 400, message: 'is not a list of entity tags ("…"): send the ETag you read as it came' };
  const strong = tags.some((t) => !t.weak);
  return strong
    ? undefined
    : { status: 412, message: 'holds only weak tags (W/"…"), which never match a change: send the ETag you read' };
}

/**
 * Refuses an If-Match header that cannot match (400 `invalid_if_match`, or 412 for weak tags, saying why), or
 * whose tags are not the current one (412 `stale_etag`: someone changed it since, which `stale` says).
 */
export function checkIfMatch(header: string, current: string, stale: string): void {
  const unusable = ifMatchUnusable(header);
  if (unusable?.status === 400)
    throw new ValidationError(
      `The If-Match header cannot guard this change: it ${unusable.message}.`,
      [{ path: '/headers/if-match', message: unusable.message }],
      'invalid_if_match',
    );
  if (unusable)
    throw new PreconditionFailedError(`The If-Match header cannot match: it ${unusable.message}.`, [
      { path: '/headers/if-match', message: unusable.message },
    ]);
  if (!ifMatchAccepts(header, current)) {
    const other = otherResource(header, current);
    if (other)
      throw new PreconditionFailedError(
        `The If-Match header holds the ETag of ${other}, not of this resource: read this one and send its ETag.`,
        [{ path: '/headers/if-match', message: `is the ETag of ${other}, not of ${resourceOf(current)}` }],
      );
    throw new PreconditionFailedError(stale, [
      {
        path: '/headers/if-match',
        message: `is ${header.trim().slice(0, 200)}, the current one is ${current}`,
        keyword: 'staleCopy',
      },
    ]);
  }
}

/**
 * The resource an ETag names (`"experiment:pa-exp7:v2:r1"` → experiment "pa-exp7"): our tags start with the
 * resource's type and key. Undefined for a tag of another shape.
 */
function resourceOf(tag: string): string | undefined {
  const [type, key, ...rest] = tag.replace(/^"|"$/g, '').split(':');
  return type && TAGGED_KINDS.has(type) && key && rest.length > 0 ? `${type.replace('_', ' ')} "${key}"` : undefined;
}

/** The kinds whose ETags this service issues (`governance/etag.ts`, `reference-data`): another prefix is no tag of ours. */
const TAGGED_KINDS = new Set(['ruleset', 'prompt', 'experiment', 'reference_table']);

/**
 * When every strong tag sent names another resource than the current tag does: the caller sent the ETag of
 * something else (a copy-paste, a client mixing its reads), which « changed by someone else » would misreport.
 */
function otherResource(header: string, current: string): string | undefined {
  const mine = resourceOf(current);
  const named = (entityTags(header) ?? []).filter((t) => !t.weak).map((t) => resourceOf(t.tag));
  if (!mine || named.length === 0 || named.some((n) => n === undefined || n === mine)) return undefined;
  return named[0];
}
