import 'reflect-metadata';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { createApp } from './app.factory.js';
import { EvaluationService, WARM_UP_RULESETS } from './modules/evaluation/evaluation.service.js';
import { isDraining, startDraining } from './common/http/shutdown.js';
import { portProblem } from './common/http/port-probe.js';
import { ConfigError, loadConfig } from './config/load-config.js';
import type { AddressInfo } from 'node:net';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const taken = await portProblem(config.host, config.port);
  if (taken !== undefined) throw new ConfigError(taken);
  // V8 sizes the heap from how fast garbage comes as much as from what stays: filling the cache of compiled
  // versions let it reserve up to four times the live heap, and RSS never came back (docs/adr/0013). V8 reads
  // this factor at each full collection, so setting it here, before the cache fills, takes effect.
  if (config.heapGrowingPercent > 0) setFlagsFromString(`--heap-growing-percent=${config.heapGrowingPercent}`);
  const app = await createApp(config);
  const log = app.getHttpAdapter().getInstance().log;
  for (const warning of config.warnings) log.warn(`Configuration: ${warning}`);
  // SIGTERM/SIGINT: drain, stop taking requests, finish those in flight, close the database, stop the embedded
  // server, exit 0. Closing at once reset the connection of a keep-alive client whose next request was on its way
  // (one failed request per connection under load): for SHUTDOWN_DRAIN_MS, answers still come, each closing its
  // connection, and /health answers 503, so a load balancer sends requests elsewhere before the listener closes.
  app.getHttpServer().on('request', (_request: IncomingMessage, response: ServerResponse) => {
    if (isDraining() && !response.headersSent) response.setHeader('connection', 'close');
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      log.info(
        `${signal} received: answering for ${config.shutdownDrainMs} ms more, closing each connection, then shutting down`,
      );
      startDraining(); // /health answers 503 from now on
      sleep(config.shutdownDrainMs)
        .then(() => app.close())
        .then(
          () => process.exit(0),
          (err: unknown) => {
            log.error({ err }, 'shutdown failed');
            process.exit(1);
          },
        );
    });
  }
  // Before the first caller: preparing a version on its first decision held other requests 30–40 ms.
  const warming = performance.now();
  const warmed = await app.get(EvaluationService).warmUp(WARM_UP_RULESETS);
  log.info(`Prepared the versions in force of ${warmed} rule set(s) in ${Math.round(performance.now() - warming)} ms`);
  await app.listen({ port: config.port, host: config.host });
  // The port bound, which PORT=0 leaves to the system: the line had said « :0 ».
  const bound = (app.getHttpServer().address() as AddressInfo | null)?.port ?? config.port;
  const base = `http://${config.host}:${bound}`;
  log.info(`Gabarit is ready: console ${base}/admin, API docs ${base}/api/docs, health ${base}/health`);
}

main().catch((err: unknown) => {
  // Start-up problems get a plain message naming what to fix, not a stack trace.
  const message =
    err instanceof ConfigError ? err.message : `Gabarit could not start: ${(err as Error).message ?? String(err)}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
