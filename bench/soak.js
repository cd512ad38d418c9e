// Soak: /evaluate (decision records on) at 70 % of its measured peak for 10 minutes. Prints RSS and heap every
// 30 s and the errors; expected: 0 errors and RSS flat: the last two minutes within 10 % of minutes 2–3.
// Usage: npm run build:server && node bench/soak.js [--minutes 10] [--share 0.7] [--connections 32]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { load, startService } from './support.js';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    share: { type: 'string', default: '0.7' },
    connections: { type: 'string', default: '32' },
  },
});
const MINUTES = Number(values.minutes);
const SHARE = Number(values.share);
const CONNECTIONS = Number(values.connections);
const pilot = JSON.parse(readFileSync('rulesets/invoices/invoices.json', 'utf8'));
const body = JSON.stringify({ facts: pilot.tests[0].facts });

const service = await startService({ LOG_LEVEL: 'warn' });
const memory = async () => {
  const text = await fetch(`${service.base}/metrics`).then((r) => r.text());
  const mb = (series) => Number(new RegExp(`^${series} (\\S+)$`, 'm').exec(text)[1]) / 2 ** 20;
  return { rss: mb('process_resident_memory_bytes'), heap: mb('nodejs_heap_size_used_bytes') };
};
try {
  const key = await service.apiKey(['evaluate:*']);
  const url = `${service.base}/api/v1/rulesets/invoices/evaluate`;
  const headers = { 'x-api-key': key };
  const peak = await load('peak', url, { method: 'POST', body, headers, duration: 10, connections: CONNECTIONS });
  const rate = Math.round(peak.rps * SHARE);
  console.log(
    `peak ${Math.round(peak.rps)} decisions/s (records on, ${CONNECTIONS} connections); soaking at ${rate}/s for ${MINUTES} min`,
  );
  const samples = [];
  const sampler = setInterval(async () => samples.push({ at: samples.length * 30 + 30, ...(await memory()) }), 30_000);
  const result = await new Promise((resolve, reject) =>
    autocannon(
      {
        url,
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', ...headers },
        duration: MINUTES * 60,
        connections: CONNECTIONS,
        overallRate: rate,
      },
      (err, r) => (err ? reject(err) : resolve(r)),
    ),
  );
  clearInterval(sampler);
  console.log('\n| t (s) | RSS MB | heap used MB |');
  console.log('|---:|---:|---:|');
  for (const s of samples) console.log(`| ${s.at} | ${s.rss.toFixed(0)} | ${s.heap.toFixed(0)} |`);
  // Flat: the mean RSS of the last two minutes against minutes two and three (the first is warm-up). Between
  // samples the heap saws up and down with collections; the spread says how much.
  const mean = (list) => list.reduce((a, b) => a + b, 0) / list.length;
  const early = samples.filter((s) => s.at > 60 && s.at <= 180).map((s) => s.rss);
  const late = samples.filter((s) => s.at > MINUTES * 60 - 120).map((s) => s.rss);
  const warm = samples.filter((s) => s.at > 60).map((s) => s.rss);
  const drift = early.length > 0 && late.length > 0 ? (mean(late) - mean(early)) / mean(early) : 0;
  const spread = warm.length > 0 ? (Math.max(...warm) - Math.min(...warm)) / Math.min(...warm) : 0;
  const errors = result.errors + result.non2xx;
  console.log(
    `\n${result.requests.total} decisions, ${result.requests.average.toFixed(0)}/s, p99 ${result.latency.p99} ms; errors: ${errors}`,
  );
  console.log(
    `RSS: last two minutes ${(drift * 100).toFixed(1)} % against minutes 2–3 (${mean(early).toFixed(0)} → ${mean(late).toFixed(0)} MB); samples after the first minute span ${(spread * 100).toFixed(1)} % (${Math.min(...warm).toFixed(0)}–${Math.max(...warm).toFixed(0)} MB)`,
  );
  process.exitCode = errors === 0 && Math.abs(drift) <= 0.1 ? 0 : 1;
} finally {
  await service.stop();
}
