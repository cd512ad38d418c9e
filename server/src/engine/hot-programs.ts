import type { Program } from './rule-program.js';
import { generatedRule } from './rule-source.js';

// Which versions run their rules written out as functions (docs/adr/0009, "Rules written out").
//
// A rule written out runs about 1.5× faster than its closures, but its source, bytecode and baseline code
// weigh about 5× more (159–321 KB for a version of the invoice pilot, against 69 KB of closures): a thousand
// cached versions written out would not fit in the memory the service is given. So a version starts on its
// closures, and only a busy one is written out, a rule per run, so that no single request pays for a whole
// large version. A bounded number are written out at once. A version that was not busy for a minute gives its
// place to a newly busy one and goes back to its closures; while every place is held by a version busy within
// the minute, the newcomer waits on its closures (places are not traded back and forth every round).

/** Runs that make a version busy: counted in rounds of this many, each round renewing its place. */
export const BUSY_AFTER = 1_000;

/** Versions written out at once. */
export const MAX_WRITTEN_OUT = 64;

/** How long a written-out version keeps its place without being busy. */
export const IDLE_AFTER_MS = 60_000;

/** Written-out versions with when each was last busy, least recently busy first (a Map keeps insertion order). */
const writtenOut = new Map<Program, number>();
let failures = 0;

/** Counts a run of the version; a busy one writes out one more of its rules, until all are. */
export function noteRun(program: Program): void {
  if (program.unwritten > 0) writeOutNext(program);
  else if (++program.runs >= BUSY_AFTER) {
    program.runs = 0;
    busy(program, false);
  }
}

/** Every rule of the version written out now, taking the place of the least recently busy if need be (tests). */
export function writeOutNow(program: Program): void {
  busy(program, true);
  while (program.unwritten > 0) writeOutNext(program);
}

/** The version goes back to its closures and gives up its place: the compiled-version cache let it go. */
export function release(program: Program): void {
  if (writtenOut.has(program)) backToClosures(program);
}

/** How many versions are written out, and how many rules could not be (metrics and tests). */
export function writtenOutCounts(): { versions: number; failures: number } {
  return { versions: writtenOut.size, failures };
}

function busy(program: Program, force: boolean): void {
  const now = Date.now();
  if (writtenOut.delete(program)) {
    writtenOut.set(program, now); // still busy: the last to give up its place
    return;
  }
  if (writtenOut.size >= MAX_WRITTEN_OUT) {
    const [oldest, lastBusy] = writtenOut.entries().next().value!;
    if (!force && now - lastBusy < IDLE_AFTER_MS) return; // every place is busy: it waits on its closures
    backToClosures(oldest);
  }
  writtenOut.set(program, now);
  program.unwritten = program.rules.length;
}

function writeOutNext(program: Program): void {
  const rule = program.rules[program.rules.length - program.unwritten]!; // in definition order
  program.unwritten--;
  if (rule.writable) {
    try {
      const tree = program.trees.freshRule(rule.index);
      rule.run = generatedRule(tree.root, program.trees.resolveRef);
    } catch {
      failures++; // the closures answer as well: the rule keeps them (counted on /metrics)
    }
  }
  if (program.unwritten === 0) program.trees.forgetSource();
}

function backToClosures(program: Program): void {
  writtenOut.delete(program);
  program.unwritten = 0;
  program.runs = 0;
  for (const rule of program.rules) rule.run = rule.closures;
  program.trees.forgetSource();
}
