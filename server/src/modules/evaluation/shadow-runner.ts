import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import { NotFoundError, namesNone } from '../../common/errors/domain-errors.js';
import { HttpMetrics } from '../../common/metrics/http-metrics.js';
import type { Principal } from '../../common/access/principal.js';
import { ExpressionLimitError } from '../../engine/computed-facts.js';
import { HitPolicyError, OperatorFailedError, runNow, UndefinedFactError } from '../../engine/evaluate.js';
import { versionInForce } from '../governance/publications.js';
import type { ShadowRun } from '../governance/versioned-resource.js';
import { latestShadowOf, runningShadow, type ShadowFigures } from '../rulesets/ruleset-shadows.js';
import type { RulesetState } from '../rulesets/ruleset-views.js';
import { RulesetsService } from '../rulesets/rulesets.service.js';
import { MASK, mayReadPii } from './pii.js';
import { PreparedVersions, type PreparedEntry } from './prepared-versions.js';
import { keptFacts, ShadowTalliesRepository } from './shadow-tallies.repository.js';
import {
  addCounts,
  compare,
  EXAMPLES_PER_RUN,
  emptyCounts,
  outcome,
  rates,
  Sampler,
  ShadowTally,
  type ShadowExample,
  type SideResult,
  type TallyCounts,
} from './shadow-tally.js';
import { LookupKeyError } from './lookup-key-error.js';

/** Shadow evaluations waiting to run; past this, sampled evaluations are shed (counted, not run). */
export const SHADOW_QUEUE_MAX = 1_000;
/** Each instance stores its counts this often (one insertMany per flush, docs/adr/0028). */
const FLUSH_MS = 3_000;
/** Work done per turn of the event loop before giving it back to requests. */
const SLICE_MS = 2;
/** How often the event loop's lag and use are sampled, and the lag past which sampled evaluations are shed. */
const LAG_SAMPLE_MS = 100;
const LAG_LIMIT_MS = 50;
/**
 * The share of the event loop shadow runs may take: what requests leave idle up to this much use in all,
 * and never less than MIN_SHARE (so a busy instance still compares some). Under full load the shadow thus
 * takes about MIN_SHARE of the process and the rest of its sample is shed: callers come first.
 */
const TARGET_USE = 0.9;
const MIN_SHARE = 0.05;
/** A run's in-memory counts are forgotten this long after its last activity, once stored. */
const IDLE_MS = 10 * 60_000;
const SHADOWABLE = new Set(['in_review', 'approved']);

/** One item the version in force decided, as the shadow needs it. */
export interface LiveDecision {
  facts: Record<string, unknown>;
  events: readonly { type: string }[];
  /** The rules that fired, when the decision was traced (a record or an explanation was kept). */
  fired?: readonly { name: string }[];
  evaluationId: string;
}

interface Slot {
  key: string;
  run: ShadowRun;
  sampler: Sampler;
  tally: ShadowTally;
  entry?: PreparedEntry;
  loading?: Promise<PreparedEntry | undefined>;
  lastActivity: number;
}

interface Job {
  slot: Slot;
  champion: PreparedEntry;
  decision: LiveDecision;
}

/**
 * Runs shadow versions on live traffic after the answer has gone (docs/adr/0028). Evaluations of the version in
 * force are sampled (`percent`, evenly), queued, and evaluated by the shadow a slice at a time from `setImmediate`;
 * a full queue or a lagging event loop sheds them. Outcomes are compared as the impact replay does; counts are
 * kept in memory and stored every few seconds. Nothing here can change or fail a caller's answer.
 */
@Injectable()
export class ShadowRunner implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('ShadowRunner');
  private readonly instance = randomUUID();
  private readonly slots = new Map<string, Slot>();
  private queue: Job[] = [];
  private draining = false;
  private lagging = false;
  /** Milliseconds of shadow work allowed in the current sampling window, and spent in it. */
  private budgetMs = LAG_SAMPLE_MS * (TARGET_USE - MIN_SHARE);
  private spentMs = 0;
  private waitingForBudget = false;
  private flushTimer?: NodeJS.Timeout;
  private lagTimer?: NodeJS.Timeout;
  private flushing?: Promise<void>;
  private readonly shedTotal: Counter;
  private readonly comparedTotal: Counter;
  private readonly depth: Gauge;

  constructor(
    private readonly rulesets: RulesetsService,
    private readonly prepared: PreparedVersions,
    private readonly repository: ShadowTalliesRepository,
    metrics: HttpMetrics,
  ) {
    rulesets.useShadowFigures((key, run) => this.figures(key, run));
    const registers = [metrics.registry];
    this.shedTotal = new Counter({
      name: 'gabarit_shadow_shed_total',
      help: 'Evaluations sampled for a shadow run but dropped (queue full or event loop lagging)',
      registers,
    });
    this.comparedTotal = new Counter({
      name: 'gabarit_shadow_compared_total',
      help: 'Evaluations also run by a shadow version and compared',
      registers,
    });
    this.depth = new Gauge({ name: 'gabarit_shadow_queue_depth', help: 'Shadow evaluations waiting', registers });
  }

  onModuleInit(): void {
    this.flushTimer = setInterval(() => void this.flush(), FLUSH_MS);
    this.flushTimer.unref();
    let expected = performance.now() + LAG_SAMPLE_MS;
    let use = performance.eventLoopUtilization();
    this.lagTimer = setInterval(() => {
      const now = performance.now();
      this.lagging = now - expected > LAG_LIMIT_MS;
      const window = LAG_SAMPLE_MS + Math.max(0, now - expected);
      expected = now + LAG_SAMPLE_MS;
      // What requests used of the window (the loop's use, less the shadow's own) decides the next budget.
      const current = performance.eventLoopUtilization();
      const utilization = performance.eventLoopUtilization(current, use).utilization;
      use = current;
      const requests = Math.max(0, utilization - this.spentMs / window);
      this.budgetMs = LAG_SAMPLE_MS * Math.min(1, Math.max(MIN_SHARE, TARGET_USE - requests));
      this.spentMs = 0;
      if (this.waitingForBudget && this.queue.length > 0) {
        this.waitingForBudget = false;
        setImmediate(() => void this.drain());
      }
    }, LAG_SAMPLE_MS);
    this.lagTimer.unref();
  }

  /** SIGTERM: what is counted in memory is stored before the connection closes (queued runs are dropped). */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.flushTimer);
    clearInterval(this.lagTimer);
    this.queue = [];
    await this.flush();
  }

  onApplicationShutdown(): void {
    clearInterval(this.flushTimer);
    clearInterval(this.lagTimer);
  }

  /**
   * Called on the hot path with what the version in force decided (the version in force was asked for, not a
   * pinned one): takes the sampled share for the running shadow, if any. Costs a few comparisons when none runs.
   */
  offer(state: RulesetState, version: number, champion: PreparedEntry, decisions: readonly LiveDecision[]): void {
    const run = runningShadow(state);
    // Compared with the version in force when the run started only: figures against two versions would mix
    // two comparisons under one name (the report says when another has taken its place).
    if (!run || run.version === version || (run.against !== undefined && run.against !== version)) return;
    const shadowVersion = state.versions.find((v) => v.number === run.version);
    if (!shadowVersion || !SHADOWABLE.has(shadowVersion.status)) return;
    let slot = this.slots.get(run.id);
    if (!slot) {
      slot = { key: state.key, run, sampler: new Sampler(run.percent), tally: new ShadowTally(), lastActivity: 0 };
      this.slots.set(run.id, slot);
    }
    slot.lastActivity = Date.now();
    for (const decision of decisions) {
      if (!slot.sampler.take()) continue;
      if (this.queue.length >= SHADOW_QUEUE_MAX || this.lagging) {
        slot.tally.shed();
        this.shedTotal.inc();
        continue;
      }
      this.queue.push({ slot, champion, decision });
    }
    this.depth.set(this.queue.length);
    if (!this.draining && this.queue.length > 0) {
      this.draining = true;
      setImmediate(() => void this.drain());
    }
  }

  /**
   * Runs queued shadow evaluations for a couple of milliseconds, then yields to requests until the next turn;
   * once the window's budget is spent, waits for the next window (the queue fills meanwhile, then sheds).
   */
  private async drain(): Promise<void> {
    let started = performance.now();
    const ready = new Set<PreparedEntry>();
    try {
      while (this.queue.length > 0 && performance.now() - started < SLICE_MS && this.spentMs < this.budgetMs) {
        const job = this.queue[0]!;
        let entry = job.slot.entry;
        if (!entry || !ready.has(entry)) {
          this.spentMs += performance.now() - started;
          entry = job.slot.entry ?? (await this.entryOf(job.slot));
          // Lookups load their tables once per slice; every job then runs synchronously.
          if (entry?.prepared.beforeRun) await entry.prepared.beforeRun();
          if (entry) ready.add(entry);
          started = performance.now();
        }
        this.queue.shift();
        if (!entry) {
          job.slot.tally.shed();
          this.shedTotal.inc();
          continue;
        }
        this.runOne(job, entry);
      }
    } catch (err) {
      this.logger.warn(`shadow evaluations skipped: ${(err as Error).message}`);
    }
    this.spentMs += performance.now() - started;
    this.depth.set(this.queue.length);
    if (this.queue.length === 0) this.draining = false;
    else if (this.spentMs >= this.budgetMs) this.waitingForBudget = true;
    else setImmediate(() => void this.drain());
  }

  private runOne({ slot, champion, decision }: Job, entry: PreparedEntry): void {
    const before = outcome(decision.events.map((e) => e.type));
    const shadow = shadowOutcome(entry, decision.facts, false);
    let comparison = compare({ outcome: before, fired: [], events: decision.events }, shadow);
    if (comparison.diverged) {
      // Which rules differ is only worked out for divergences: both sides are traced again, off the hot path.
      const championSide: SideResult = {
        outcome: before,
        fired: decision.fired?.map((r) => r.name) ?? shadowOutcome(champion, decision.facts, true).fired,
        events: decision.events,
      };
      comparison = compare(championSide, shadowOutcome(entry, decision.facts, true));
    }
    slot.tally.record(
      comparison,
      () => ({
        evaluationId: decision.evaluationId,
        rulesOnlyBefore: comparison.rulesOnlyBefore,
        rulesOnlyAfter: comparison.rulesOnlyAfter,
        ...keptFacts(decision.facts),
        at: new Date().toISOString(),
      }),
      shadow.outcome.startsWith('error: '),
    );
    this.comparedTotal.inc();
  }

  /** The shadow version prepared for evaluation: its content is read once (off the hot path), then cached. */
  private entryOf(slot: Slot): Promise<PreparedEntry | undefined> {
    slot.loading ??= (async () => {
      try {
        const state = await this.rulesets.state(slot.key);
        const record = state.versions.find((v) => v.number === slot.run.version);
        const content = await this.rulesets.content(state, slot.run.version);
        slot.entry = await this.prepared.for(record!.checksum!, state.meta.format, content);
        return slot.entry;
      } catch (err) {
        this.logger.warn(`shadow version ${slot.run.version} of "${slot.key}" unavailable: ${(err as Error).message}`);
        slot.loading = undefined; // tried again with the next job
        return undefined;
      }
    })();
    return slot.loading;
  }

  /** Stores each run's counts that moved, and the examples not yet stored; forgets runs idle for long. */
  flush(): Promise<void> {
    this.flushing ??= this.store().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  private async store(): Promise<void> {
    const tallies = [];
    const examples = [];
    const taken: { slot: Slot; examples: ShadowExample[]; changes: number }[] = [];
    for (const [id, slot] of this.slots) {
      const { tally } = slot;
      const pending = tally.takeExamples();
      if (tally.changes === tally.flushedChanges && pending.length === 0) {
        if (Date.now() - slot.lastActivity > IDLE_MS) this.slots.delete(id);
        continue;
      }
      tally.seq++;
      const counts = structuredClone(tally.counts);
      tallies.push({ run: id, ruleset: slot.key, instance: this.instance, seq: tally.seq, counts });
      examples.push(...pending.map((example) => ({ run: id, ruleset: slot.key, example })));
      taken.push({ slot, examples: pending, changes: tally.changes });
    }
    if (tallies.length === 0) return;
    try {
      await this.repository.store(tallies, examples);
      for (const { slot, changes } of taken) slot.tally.flushedChanges = changes;
    } catch (err) {
      for (const { slot, examples } of taken) slot.tally.restore(examples);
      this.logger.warn(`shadow counts not stored (kept for the next flush): ${(err as Error).message}`);
    }
  }

  /** A run's counts: every instance's stored ones, this instance's as they are in memory now. */
  private async countsOf(run: ShadowRun): Promise<TallyCounts> {
    const stored = await this.repository.latestTallies(run.id);
    const live = this.slots.get(run.id)?.tally.counts;
    if (live) stored.set(this.instance, live);
    return [...stored.values()].reduce(addCounts, emptyCounts());
  }

  /** What the approval's and the stop's audit events carry. */
  async figures(_key: string, run: ShadowRun): Promise<ShadowFigures> {
    const { compared, diverged, byTransition } = await this.countsOf(run);
    return { compared, diverged, byTransition };
  }

  /**
   * The report of the latest shadow run of a version: counts by transition, rates with 95 % intervals, and
   * examples, whose facts are masked for a reader who may not see personal information (the personal fields of
   * both versions).
   */
  async report(key: string, number: number, principal: Principal) {
    const state = await this.rulesets.state(key);
    this.rulesets.lifecycle.find(state, number);
    const run = latestShadowOf(state, number);
    if (!run)
      throw new NotFoundError(`Version ${number} of "${key}" has not run in shadow.`, [
        namesNone('/version', 'shadow_run', 'has not run in shadow'),
      ]);
    const counts = await this.countsOf(run);
    const stored = await this.repository.examplesOf(run.id);
    const seen = new Set(stored.map((e) => e.evaluationId));
    const unstored = (this.slots.get(run.id)?.tally.peekExamples() ?? []).filter((e) => !seen.has(e.evaluationId));
    const examples = [...stored, ...unstored].slice(0, EXAMPLES_PER_RUN);
    const masked = !mayReadPii(principal, key);
    const activeVersion = versionInForce(state.publications, new Date());
    const comparedWith = run.against ?? activeVersion;
    const shown = masked ? await this.masker(state, [number, comparedWith]) : undefined;
    const { rate, interval, byTransition: transitionRates } = rates(counts);
    return {
      version: number,
      activeVersion,
      comparedWith,
      percent: run.percent,
      running: run.stoppedAt === undefined,
      startedAt: run.startedAt,
      startedBy: run.startedBy,
      ...(run.stoppedAt && { stoppedAt: run.stoppedAt, endedBy: run.endedBy }),
      compared: counts.compared,
      diverged: counts.diverged,
      byTransition: counts.byTransition,
      rate,
      interval,
      rates: transitionRates,
      shed: counts.shed,
      errors: counts.errors,
      examples: examples.map(({ at: _at, facts, ...example }) => ({
        ...example,
        ...(facts !== undefined && { facts: shown ? shown(facts) : facts }),
      })),
      ...(shown && { maskedFacts: true }),
    };
  }

  /** Masks the personal fields of the given versions; every fact when a version's content cannot be read. */
  private async masker(state: RulesetState, versions: (number | null)[]) {
    const masks: ((facts: Record<string, unknown>) => Record<string, unknown>)[] = [];
    try {
      for (const number of versions) {
        if (number === null) continue;
        const record = this.rulesets.lifecycle.find(state, number);
        const content = await this.rulesets.content(state, number);
        masks.push((await this.prepared.for(record.checksum!, state.meta.format, content)).maskInput);
      }
    } catch {
      return (facts: Record<string, unknown>) => Object.fromEntries(Object.keys(facts).map((name) => [name, MASK]));
    }
    return (facts: Record<string, unknown>) => masks.reduce((masked, mask) => mask(masked), facts);
  }
}

/**
 * What the shadow version gives for the facts, as an outcome: facts its input schema refuses, facts it derives
 * itself, an undefined fact, an expression over its limit or a hit-policy breach are `error: <code>` (the
 * caller's answer was the version in force's, so the shadow's errors are only counted).
 */
export function shadowOutcome(entry: PreparedEntry, facts: Record<string, unknown>, traces: boolean): SideResult {
  if (!entry.validateFacts(facts)) return { outcome: 'error: validation_failed', fired: [] };
  if (entry.derivedFacts.size > 0 && Object.keys(facts).some((name) => entry.derivedFacts.has(name)))
    return { outcome: 'error: derived_fact', fired: [] };
  try {
    const result = runNow(entry.prepared, facts, traces);
    return {
      outcome: outcome(result.events.map((e) => e.type)),
      fired: result.fired.map((r) => r.name),
      events: result.events,
    };
  } catch (err) {
    return { outcome: `error: ${errorCode(err)}`, fired: [] };
  }
}

function errorCode(err: unknown): string {
  if (err instanceof UndefinedFactError) return 'undefined_fact';
  if (err instanceof ExpressionLimitError) return 'expression_limit';
  if (err instanceof HitPolicyError) return 'hit_policy_violation';
  if (err instanceof OperatorFailedError) return 'operator_failed';
  if (err instanceof LookupKeyError) return 'invalid_lookup_key';
  return 'internal';
}
