// Loaded into the service by bench/http-stalls.js (`node --import`): notes each event-loop gap over 25 ms as
// "start end" in µs of the monotonic clock, the clock of V8's CPU profiles, so a gap can be matched to the
// samples taken while it lasted. A line is appended only when a gap happened: the probe itself costs nothing else.
import { appendFileSync } from 'node:fs';

const log = process.env.GAP_LOG;
let last = process.hrtime.bigint();
setInterval(() => {
  const now = process.hrtime.bigint();
  if (log && now - last > 25_000_000n) appendFileSync(log, `${last / 1000n} ${now / 1000n}\n`);
  last = now;
}, 1).unref();
