/**
 * Whether an If-Match header lets a change go ahead on a resource whose ETag is `current` (RFC 9110 §13.1.1):
 * a list of entity tags one of which is `current` by strong comparison (a weak `W/"…"` tag never matches). A
 * client that kept the ETags of several reads may send them all. `*` is refused: every guarded change acts on a
 * resource that exists, so it would pass always, and an approver's `*` would approve whatever is pending now
 * rather than the proposal they read.
 */
export function ifMatchAccepts(header: string, current: string): boolean {
  const value = header.trim();
  const tag = /\s*(W\/)?("[^"]*")\s*(?:,|$)/y;
  let at = 0;
  while (at < value.length) {
    tag.lastIndex = at;
    const found = tag.exec(value);
    if (!found) return false; // not a list of entity tags
    if (!found[1] && found[2] === current) return true;
    at = tag.lastIndex;
  }
  return false;
}
