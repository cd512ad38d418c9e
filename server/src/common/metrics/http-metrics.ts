import { Injectable } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics of one app instance (its own registry, so several apps can live in one test process). */
@Injectable()
export class HttpMetrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests served, by method, route pattern and status code',
    labelNames: ['method', 'route', 'status'],
    registers: [this.registry],
  });
  private readonly duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency in seconds, by method and route pattern',
    labelNames: ['method', 'route'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Labels by route pattern (`/api/v1/rulesets/:key`), never by raw URL, to keep cardinality bounded. */
  attach(fastify: FastifyInstance): void {
    // prom-client hashes a label object on every call; the labelled series are looked up once and kept.
    const counters = new Map<string, { inc: () => void }>();
    const histograms = new Map<string, { observe: (value: number) => void }>();
    fastify.addHook('onResponse', (request, reply, done) => {
      const route = request.routeOptions.url ?? 'unmatched';
      const method = request.method;
      const status = reply.statusCode;
      const timing = `${method} ${route}`;
      const counting = `${timing} ${status}`;
      let counter = counters.get(counting);
      if (!counter) counters.set(counting, (counter = this.requests.labels(method, route, String(status))));
      let histogram = histograms.get(timing);
      if (!histogram) histograms.set(timing, (histogram = this.duration.labels(method, route)));
      counter.inc();
      histogram.observe(reply.elapsedTime / 1000);
      done();
    });
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
