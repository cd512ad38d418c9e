// µs per computed-fact expression on the pilots' facts: JSONata (what computed facts were), the two CEL
// libraries, and Gabarit's CEL subset (cel-js parser + budgeted closures, server/src/engine/computed-facts.ts and cel-*.ts).
// Figures and decision: docs/adr/0010-computed-facts.md.
// Usage: npm run build:server && node bench/expressions.js [--ms 300]
// Only the chosen library is a dependency; to measure the others, install them anywhere and point at them:
//   npm install --prefix /tmp/exprbench jsonata@2.2.2 @bufbuild/cel@0.6.1 @marcbachmann/cel-js@8.0.0
//   EXPRESSION_BENCH_MODULES=/tmp/exprbench/node_modules node bench/expressions.js
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { withSeededLookups } from './support.js';

const { values } = parseArgs({ options: { ms: { type: 'string', default: '300' } } });
const budgetMs = Number(values.ms);

/** A package from the project, or from EXPRESSION_BENCH_MODULES; null when neither has it. */
async function optional(name, entry) {
  try {
    return await import(name);
  } catch {
    const dir = process.env.EXPRESSION_BENCH_MODULES;
    if (!dir) return null;
    const pkg = JSON.parse(readFileSync(join(dir, name, 'package.json'), 'utf8'));
    const main =
      entry ?? pkg.exports?.['.']?.import ?? pkg.exports?.['.']?.default ?? pkg.module ?? pkg.main ?? 'index.js';
    return import(pathToFileURL(join(dir, name, typeof main === 'string' ? main : main.default)).href).catch(
      () => null,
    );
  }
}

// Gabarit's engine as built (npm run build:server), as bench/engine.js takes it.
const gabarit = await import('../dist/engine/computed-facts.js');

const jsonataModule = await optional('jsonata', 'jsonata.js');
const jsonata = jsonataModule?.default ?? null;
const bufbuild = await optional('@bufbuild/cel', 'dist/esm/index.js');
const marcbachmann = await optional('@marcbachmann/cel-js');

const pilots = {
  invoices: JSON.parse(readFileSync('rulesets/invoices/invoices.json', 'utf8')),
  enrolment: JSON.parse(readFileSync('rulesets/enrolment/enrolment.json', 'utf8')),
};

// The JSONata each computed fact had before docs/adr/0010 (same names as in the pilot files).
const JSONATA = {
  invoices: {
    expectedGst: '$round(invoice.subtotal * parameters.gstRate, 2)',
    expectedQst: '$round(invoice.subtotal * parameters.qstRate, 2)',
    qstOnPriceAndGst:
      '$round((invoice.subtotal + $round(invoice.subtotal * parameters.gstRate, 2)) * parameters.qstRate, 2)',
    gstCheck: '{"expected": expectedGst, "absolute": parameters.taxTolerance}',
    totalCheck:
      '{"expected": $round(invoice.subtotal + ($exists(invoice.gst) ? invoice.gst : expectedGst) + ($exists(invoice.qst) ? invoice.qst : expectedQst), 2), "absolute": parameters.taxTolerance}',
    missingFields:
      '( $t := invoice.total; $c := [{"f": "supplier.name", "ok": $exists(invoice.supplier.name), "min": 0}, {"f": "date", "ok": $exists(invoice.date), "min": 0}, {"f": "qst", "ok": $exists(invoice.qst), "min": 0}, {"f": "gst", "ok": $exists(invoice.gst), "min": 30}, {"f": "supplier.gstNumber", "ok": $exists(invoice.supplier.gstNumber), "min": 30}, {"f": "supplier.qstNumber", "ok": $exists(invoice.supplier.qstNumber), "min": 30}, {"f": "buyerName", "ok": $exists(invoice.buyerName), "min": 150}, {"f": "paymentTerms", "ok": $exists(invoice.paymentTerms), "min": 150}, {"f": "description", "ok": $exists(invoice.description), "min": 150}]; [$c[ok = false and min <= $t].f] )',
    missingFieldCount: '$count(missingFields)',
    poPriceCheck:
      '$exists(purchaseOrder) ? {"expected": purchaseOrder.unitPrice, "percent": parameters.priceTolerancePercent} : null',
  },
  enrolment: {
    statusEligible: 'employee.employmentStatus in parameters.eligibleStatuses',
    ageAtHire:
      '( $h := $split(employee.hireDate, "-"); $b := $split(employee.birthDate, "-"); $number($h[0]) - $number($b[0]) - (($number($h[1]) * 100 + $number($h[2])) < ($number($b[1]) * 100 + $number($b[2])) ? 1 : 0) )',
    daysToForm: '$round(($toMillis(enrolment.formReceivedDate) - $toMillis(employee.hireDate)) / 86400000)',
    exemption:
      'enrolment.exemptionRequested != true ? "not_requested" : enrolment.exemptionProof = "private_plan" ? "approved" : enrolment.exemptionProof = "ramq_only" ? "refused" : "missing_proof"',
    tierConsistent:
      'enrolment.tier = "family" ? (dependants.spouse = true and dependants.children > 0) : enrolment.tier = "single_parent" ? (dependants.spouse = false and dependants.children > 0) : true',
    tierFr:
      '$lookup({"individual": "individuelle", "single_parent": "monoparentale", "family": "familiale"}, enrolment.tier)',
    coverageStart:
      '( $p := $split(employee.hireDate, "-"); $m := $number($p[1]) - 1 + $lookup(parameters.waitingMonths, employee.employmentStatus); $string($number($p[0]) + $floor($m / 12)) & "-" & $pad($string($m % 12 + 1), -2, "0") & "-" & $p[2] )',
  },
};

/** Runs fn repeatedly for about budgetMs after a warm-up; µs per call (median of 5 slices). */
function measure(fn) {
  for (let i = 0; i < 2000; i++) fn();
  const slices = [];
  for (let s = 0; s < 5; s++) {
    let n = 0;
    const end = performance.now() + budgetMs / 5;
    const started = performance.now();
    while (performance.now() < end) {
      for (let i = 0; i < 100; i++) fn();
      n += 100;
    }
    slices.push(((performance.now() - started) * 1000) / n);
  }
  return slices.sort((a, b) => a - b)[2];
}

function celLibraries(expression) {
  const out = {};
  if (bufbuild) {
    try {
      const env = bufbuild.celEnv();
      const planned = bufbuild.plan(env, bufbuild.parse(expression));
      out.bufbuild = (ctx) => {
        const r = planned(ctx);
        if (bufbuild.isCelError(r)) throw new Error(String(r.message));
        return r;
      };
    } catch (err) {
      out.bufbuild = err;
    }
  }
  if (marcbachmann) {
    try {
      const env = new marcbachmann.Environment({ unlistedVariablesAreDyn: true, homogeneousAggregateLiterals: false });
      const parsed = env.parse(expression);
      out.marcbachmann = (ctx) => parsed(ctx);
    } catch (err) {
      out.marcbachmann = err;
    }
  }
  return out;
}

const rows = [];
for (const [pilot, content] of Object.entries(pilots)) {
  const facts = withSeededLookups(content, content.tests[0].facts);
  const computed = gabarit.computeFacts(content.computedFacts, facts);
  const context = { ...facts, ...computed };
  for (const { name, expression } of content.computedFacts) {
    if (name === 'parameters' || !(name in JSONATA[pilot])) continue;
    const row = { fact: `${pilot}.${name}` };
    const ours = gabarit.compileExpression(expression);
    // A run as computeFacts makes one: the input facts, and the other computed facts an expression may read.
    row.gabarit = measure(() => ours({ facts, computed, locals: [], left: 1e9, checkAt: 0, deadline: Infinity }));
    if (jsonata) {
      const compiled = jsonata(JSONATA[pilot][name]);
      // JSONata's evaluate is async: what a caller pays is the awaited promise.
      const started = performance.now();
      let n = 0;
      while (performance.now() - started < budgetMs) {
        for (let i = 0; i < 100; i++) await compiled.evaluate(context);
        n += 100;
      }
      row.jsonata = ((performance.now() - started) * 1000) / n;
    }
    // The CEL libraries run the same text where it is standard CEL (no Gabarit function, JSON numbers as doubles).
    for (const [lib, fn] of Object.entries(celLibraries(expression))) {
      if (fn instanceof Error) row[lib] = 'parse: ' + fn.message.split('\n')[0].slice(0, 40);
      else {
        try {
          fn(context);
          row[lib] = measure(() => fn(context));
        } catch (err) {
          row[lib] = 'error: ' + String(err.message).split('\n')[0].slice(0, 40);
        }
      }
    }
    rows.push(row);
  }
}

const columns = ['fact', 'jsonata', 'bufbuild', 'marcbachmann', 'gabarit'];
const cell = (v) => (typeof v === 'number' ? v.toFixed(2) : (v ?? 'n/a'));
console.log(`node ${process.version}, ${budgetMs} ms per expression and engine; µs per evaluation (median)`);
console.log(columns.join(' | '));
for (const row of rows) console.log(columns.map((c) => cell(row[c])).join(' | '));
const mean = (c) => {
  const xs = rows.map((r) => r[c]).filter((v) => typeof v === 'number');
  return xs.length ? `${(xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(2)} (${xs.length} expressions)` : 'n/a';
};
console.log(
  columns
    .slice(1)
    .map((c) => `${c}: mean ${mean(c)}`)
    .join('; '),
);

// The bound: a hostile but accepted expression over ~1 MB of facts, stopped by the budget.
const items = Array.from({ length: 150_000 }, (_, i) => i % 10_000);
const started = performance.now();
let outcome = 'completed';
try {
  gabarit.computeFacts([{ name: 'repeated', expression: 'items.filter(x, x in items)' }], { items });
} catch (err) {
  outcome = err.name;
}
console.log(
  `gabarit, items.filter(x, x in items) over 150 000 numbers: ${outcome} after ${(performance.now() - started).toFixed(1)} ms`,
);
