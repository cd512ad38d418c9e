import type { TestApp } from './test-app.js';

/** Reads one sample of a Prometheus series from /metrics, labels included (0 when absent). */
export async function metric(t: TestApp, series: string): Promise<number> {
  const response = await t.http.get('/metrics');
  if (response.status !== 200)
    throw new Error(`/metrics answered ${response.status}: start the app with METRICS_PUBLIC`);
  const text = response.text;
  const escaped = series.replace(/[{}"]/g, (c) => `\\${c}`);
  const match = new RegExp(`^${escaped} (\\S+)$`, 'm').exec(text);
  return match ? Number(match[1]) : 0;
}
