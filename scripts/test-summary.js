// Adds up what each test runner of `npm test` reported in a captured log and prints one closing line,
// "Total: N passed, N failed", so a reader of the CI output (human or machine) sees the whole count at the
// end instead of the last runner's own wording (Schemathesis closes with a pytest-like "warnings in" line).
// Usage: node scripts/test-summary.js LOG
import { readFileSync } from 'node:fs';

// Colour codes (ESC [ … m) come through when a runner thinks it writes to a terminal.
const ansi = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
const text = readFileSync(process.argv[2], 'utf8').replace(ansi, '');
const count = (line, word) => Number(new RegExp(`(\\d+) ${word}`).exec(line)?.[1] ?? 0);
let passed = 0;
let failed = 0;
const runners = [];
for (const line of text.split('\n')) {
  // Jest: "Tests:       261 passed, 261 total"; Vitest: "      Tests  111 passed (111)";
  // Schemathesis: "  6369 generated, 6369 passed, 61 skipped"; the bench smoke run: "Benches: 18 passed, 0 failed".
  const jest = /^Tests:\s+(.*\d+ total)/.exec(line);
  const vitest = /^\s+Tests\s+(\d+ (passed|failed).*)/.exec(line);
  const schemathesis = /^\s*\d+ generated, (.*)/.exec(line);
  const benches = /^Benches: (\d+ passed, \d+ failed)/.exec(line);
  const found = jest?.[1] ?? vitest?.[1] ?? schemathesis?.[1] ?? (benches && `benches ${benches[1]}`);
  if (!found) continue;
  passed += count(found, 'passed');
  failed += count(found, 'failed');
  runners.push(found.trim());
}
if (runners.length === 0) {
  console.error('test-summary: no runner summary found in the log');
  process.exit(1);
}
console.log(`Runners: ${runners.join(' | ')}`);
console.log(`Total: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
