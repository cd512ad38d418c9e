// What an analyst saves and the event loop: the longest the process could not answer anyone while it checked the
// largest JSON Schema and rule set, compiled that rule set, and analysed the largest tables and trees the limits
// let through (docs/adr/0025, 0034, 0035).
// Usage: npm run build:server && npm run bench:stalls [-- --runs 5]
//
// In process, on the built modules. A `setInterval` of 1 ms notes the longest gap between its ticks while one
// case runs; each case runs `--runs` times on fresh content (a schema already compiled is cached, so each run
// gets a schema of its own). The static analysis is measured both in one go (`analyseRuleset`) and as the
// service runs it, in 10 ms slices (`analyseRulesetInTurns`).
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { timeSlices } from '../dist/common/async/time-slices.js';
import { analyseRuleset, analyseRulesetInTurns } from '../dist/engine/analysis/analyse.js';
import { prepare, prepareInTurns } from '../dist/engine/evaluate.js';
import { fanOut, longTable, manyConditions, wideTree } from '../dist/engine/fixtures/large-analyses.js';
import { schemaProblems } from '../dist/modules/rulesets/input-schemas.js';
import { validateRulesetContent } from '../dist/modules/rulesets/ruleset-validation.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const RUNS = Number(values.runs);

/** 498 subschemas, just under the limit of 500: `run` changes the names so that no run finds a cached validator. */
function largeSchema(run) {
  const properties = {};
  for (let i = 0; i < 124; i++)
    properties[`field${run}_${i}`] = {
      type: 'object',
      properties: { code: { type: 'string', pattern: '^[A-Z]{2}[0-9]+$' }, amount: { type: 'number', minimum: 0 } },
    };
  return { type: 'object', properties };
}

let last = performance.now();
let worst = 0;
const probe = setInterval(() => {
  const now = performance.now();
  worst = Math.max(worst, now - last);
  last = now;
}, 1);

/** Runs `once(run)` RUNS times: wall time and the worst gap of each, in milliseconds. */
async function measure(once) {
  const walls = [];
  const gaps = [];
  for (let run = 0; run < RUNS; run++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    worst = 0;
    last = performance.now();
    const started = performance.now();
    await once(run);
    await new Promise((resolve) => setTimeout(resolve, 3)); // one more tick, so a gap at the end is seen
    walls.push(performance.now() - started);
    gaps.push(worst);
  }
  return { walls, gaps };
}

const range = (list) => `${Math.round(Math.min(...list))}–${Math.round(Math.max(...list))}`;
const rows = [];
const row = (what, { walls, gaps }) => rows.push(`| ${what} | ${range(walls)} | ${range(gaps)} |`);

row(
  'saving a JSON Schema of 498 subschemas (checked, compiled in the worker, evaluated here)',
  await measure(async (run) => {
    const problems = await schemaProblems(largeSchema(run), '/inputSchema');
    if (problems.length > 0) throw new Error(JSON.stringify(problems));
  }),
);
row(
  'saving a rule set of 7 800 conditions, just under the 512 KiB limit: its checks',
  await measure((run) => validateRulesetContent('rules', manyConditions(2, 39, `run${run}_`))),
);
row(
  'refusing a rule set of 20 000 conditions (1.3 MB) as too large',
  await measure(async (run) => {
    const refused = await validateRulesetContent('rules', manyConditions(4, 50, `run${run}_`)).catch((err) => err);
    if (refused?.code !== 'ruleset_too_large') throw new Error(`not refused as too large: ${refused}`);
  }),
);
row(
  'compiling that 7 800-condition rule set for its first evaluation, in one go',
  await measure((run) => prepare('rules', manyConditions(2, 39, `run${run}_`).definition)),
);
row(
  'compiling it in turns (as the service runs it)',
  await measure((run) => prepareInTurns(timeSlices(), 'rules', manyConditions(2, 39, `run${run}_`).definition)),
);
const analyses = [
  ['2 000 table rows × 5 overlapping columns, first', 'decisionTable', longTable('first', 2000)],
  ['the same, unique', 'decisionTable', longTable('unique', 2000)],
  ['2 000 tree branches', 'decisionTree', wideTree(2000)],
  ['named conditions fanning out to 2^17', 'rules', fanOut(17)],
  ['two rules of 3 900 conditions each (512 KiB)', 'rules', manyConditions(2, 39)],
];
for (const [what, format, content] of analyses) {
  row(`analysis of ${what}, in one go`, await measure(() => analyseRuleset(format, content)));
  row(
    `analysis of ${what}, in turns (as the service runs it)`,
    await measure(() => analyseRulesetInTurns(format, content, timeSlices())),
  );
}
clearInterval(probe);

console.log(`\n${RUNS} runs per line, Node ${process.version}; times in ms, least–most over the runs\n`);
console.log('| what | wall time | worst event-loop gap |');
console.log('|---|---:|---:|');
for (const line of rows) console.log(line);
