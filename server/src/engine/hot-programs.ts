import type { Program } from './rule-program.js';
import { GENERATED_SLOT_LIMIT, generatedRule } from './rule-source.js';

// Which versions run their rules written out as functions (docs/adr/0009, "Rules written out").
//
// A rule written out runs about 1.5× faster than its closures, but its source, bytecode and baseline code
// weigh about 5× more (159–321 KB for a version of the invoice pilot, against 69 KB of closures): a thousand
// cached versions written out would not fit in the memory the service is given. So a version starts on its
// closures, and only a busy one is written out, a rule per run, so that no single request pays for a whole
// large version. A bounded number are written out at once; past it, the one least recently busy goes back to
// its closures and its written-out code is left to the garbage collector.

/** Runs that make a version busy: counted in rounds of this many, each round renewing its place. */
export const BUSY_AFTER = 1_000;

/** Versions written out at once. A written-out version is kept here even if the compiled-version LRU drops it. */
export const MAX_WRITTEN_OUT = 64;

/** Written-out versions, least recently busy first (a Map keeps insertion order). */
const writtenOut = new Map<Program, true>();

/** Counts a run of the version; a busy one writes out one more of its rules, until all are. */
export function noteRun(program: Program): void {
  if (program.unwritten > 0) writeOutNext(program);
  else if (++program.runs >= BUSY_AFTER) {
    program.runs = 0;
    busy(program);
  }
}

/** Every rule of the version written out now (tests compare both forms with the library). */
export function writeOutNow(program: Program): void {
  if (!writtenOut.has(program)) busy(program);
  while (program.unwritten > 0) writeOutNext(program);
}

/** How many versions are written out (metrics and tests). */
export function writtenOutCount(): number {
  return writtenOut.size;
}

function busy(program: Program): void {
  if (writtenOut.delete(program)) {
    writtenOut.set(program, true); // still busy: the last to go back
    return;
  }
  writtenOut.set(program, true);
  program.unwritten = program.rules.length;
  if (writtenOut.size > MAX_WRITTEN_OUT) backToClosures(writtenOut.keys().next().value!);
}

function writeOutNext(program: Program): void {
  const rule = program.rules[program.rules.length - program.unwritten]!;
  program.unwritten--;
  try {
    const tree = program.trees.freshRule(rule.index);
    if (tree.slots <= GENERATED_SLOT_LIMIT) rule.run = generatedRule(tree.root, program.trees.resolveRef);
  } catch {
    // The closures answer as well: a rule that cannot be written out keeps them.
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
