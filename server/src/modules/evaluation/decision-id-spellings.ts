/**
 * The ids to look a decision up under, in order: as given, then in lower case when that differs. Ids are written
 * in lower case (UUIDs), and one read out over the phone or typed from a letter in capitals is the same id
 * (RFC 9562); records given an id by hand (tests, older versions) are found as they were written, so the id as
 * given comes first and only a miss reads again. The record and its review requests are found alike.
 */
export function decisionIdSpellings(id: string): string[] {
  const lower = id.toLowerCase();
  return lower === id ? [id] : [id, lower];
}
