import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { HttpMetrics } from '../../common/metrics/http-metrics.js';

/** Decisions by rule set and outcome on /metrics: what the pilots decide, as it happens. */
@Injectable()
export class EvaluationMetrics {
  private readonly decisions: Counter<'ruleset' | 'outcome'>;
  // One child per (rule set, outcome): looked up once, so counting costs an increment on the hot path.
  private readonly children = new Map<string, { inc: () => void }>();

  constructor(metrics: HttpMetrics) {
    this.decisions = new Counter({
      name: 'gabarit_evaluations_total',
      help: 'Decisions made, by rule set and outcome (the first event type, or "none" when no rule fired)',
      labelNames: ['ruleset', 'outcome'],
      registers: [metrics.registry],
    });
  }

  count(ruleset: string, events: readonly { type: string }[]): void {
    const outcome = events[0]?.type ?? 'none';
    const key = `${ruleset}\u0000${outcome}`;
    let child = this.children.get(key);
    if (!child) this.children.set(key, (child = this.decisions.labels(ruleset, outcome)));
    child.inc();
  }
}
