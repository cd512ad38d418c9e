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

/** What a refused If-Match is told, at `/`: the tag sent beside the current one, or why `*` is not taken. */
export function ifMatchRefusal(header: string, current: string): { path: string; message: string } {
  const sent = header.trim();
  return sent === '*'
    ? {
        path: '/',
        message: `is *, which any version would match: send the ETag you read (the current one is ${current})`,
      }
    : { path: '/', message: `your copy is ${sent.slice(0, 200)}, the current one is ${current}` };
}
