import { noSuchVersion } from '../governance/lifecycle.js';
import { performance } from 'node:perf_hooks';
import { Injectable } from '@nestjs/common';
import { timeSlices } from '../../common/async/time-slices.js';
import { timeOrderedId } from '../../common/ids/time-ordered-id.js';
import { NotFoundError, ValidationError, type ErrorDetail, namesNone } from '../../common/errors/domain-errors.js';
import { toErrorDetails } from '../../common/http/ajv.js';
import { checksumInTurns } from '../../common/json/checksum-in-turns.js';
import { ExpressionLimitError } from '../../engine/computed-facts.js';
import {
  computedFactsOf,
  HitPolicyError,
  OperatorFailedError,
  run,
  runNow,
  UndefinedFactError,
  UnnamedFactError,
  type RunResult,
} from '../../engine/evaluate.js';
import { explain, type Explanation } from '../../engine/explain.js';
import { RenderLimitError } from '../../engine/template-budget.js';
import type { RuleTrace } from '../../engine/trace.js';
import { actorName, type Principal } from '../../common/access/principal.js';
import { hasTakenEffect, notInEffect, versionInForce } from '../governance/publications.js';
import type { RulesetState } from '../rulesets/ruleset-views.js';
import type { RulesetContent } from '../rulesets/ruleset.types.js';
import { RulesetsService } from '../rulesets/rulesets.service.js';
import type { DecisionDocument } from './decision.schema.js';
import { DecisionsRepository } from './decisions.repository.js';
import { DecisionWriter } from './decision-writer.js';
import { traceTableInTurns } from '../../engine/trace-table.js';
import { EvaluationMetrics } from './evaluation-metrics.js';
import type { BatchRequest, EvaluateRequest } from './evaluation.contract.js';
import { maskedCondition, maskFacts, MASK, mayReadPii } from './pii.js';
import { pointerSegment } from '../../common/json/json-pointer.js';
import { PreparedVersions, type PreparedEntry } from './prepared-versions.js';
import { LookupKeyError } from './lookup-key-error.js';
import { RulesetSnapshots } from './ruleset-snapshots.js';
import { ShadowRunner, type LiveDecision } from './shadow-runner.js';
import { compare, outcome, type SideResult } from './shadow-tally.js';
import { ReplaySlots } from './replay-slots.js';

export interface EvaluationResult {
  ruleset: string;
  version: number;
  checksum: string;
  events: RunResult['events'];
  explanation?: Explanation;
  fired?: RuleTrace[];
  failed?: RuleTrace[];
  evaluationId: string;
  logged: boolean;
  durationMs: number;
}

interface Target {
  state: RulesetState;
  version: number;
  checksum: string;
  entry: PreparedEntry;
  /** The version in force now was asked for (not a pinned version, not `asOf`): live traffic a shadow may follow. */
  live: boolean;
  /**
   * A version never published (a draft, one in review), tried from the console: no decision about anyone, so no
   * record (which would have a receipt and take review requests) and no count in the decision metrics.
   */
  trial: boolean;
}

const YIELD_EVERY_MS = 10;

/** How many problems a refused batch lists at most: enough to correct it, bounded for a 500-item batch. */
const MAX_BATCH_DETAILS = 100;

/**
 * Conditions one request may trace in all (its answer with `explain`, its records). A decision traces at most
 * about 20 000 (docs/adr/0034) and the invoice pilot 88, so 500 of its invoices trace 44 000; 100 decisions of a
 * rule set at the limit traced 2 million, 236 MB of answer and 1 GB of memory, seconds of a held event loop.
 */
export const MAX_TRACED_CONDITIONS = 100_000;

/**
 * Rule sets whose versions in force are prepared at start (`warmUp`): the first stored, a fraction of the compiled
 * versions kept (COMPILED_CACHE_SIZE, 2 000 by default), so a database of many rule sets starts in about a second
 * more at most (1–5 ms each once the code is warm).
 */
export const WARM_UP_RULESETS = 100;
/** How long a start may spend preparing them, at most (a rule set at the size limit takes 20–50 ms). */
export const WARM_UP_MS = 5_000;

/** Decides: picks the version, validates the facts, runs json-rules-engine, explains, and keeps the record. */
@Injectable()
export class EvaluationService {
  private readonly replays = new ReplaySlots();

  constructor(
    private readonly rulesets: RulesetsService,
    private readonly snapshots: RulesetSnapshots,
    private readonly prepared: PreparedVersions,
    private readonly decisions: DecisionsRepository,
    private readonly writer: DecisionWriter,
    private readonly metrics: EvaluationMetrics,
    private readonly shadows: ShadowRunner,
  ) {}

  async evaluate(key: string, request: EvaluateRequest, principal: Principal): Promise<EvaluationResult> {
    const target = await this.target(key, request.version, request.asOf, principal);
    const [result] = await this.decide(
      target,
      [request.facts as Record<string, unknown>],
      request.explain === true,
      principal,
      '/facts',
    );
    return result!;
  }

  /**
   * Prepares the versions in force of the first `limit` rule sets stored (about the oldest) and runs each one's first
   * test case, keeping no record and counting nothing: called once at start, before the service listens
   * (main.ts). The first decision of a version after a start compiled it and ran code not yet optimized (its
   * patterns, its computed facts): 65–150 ms for the invoice pilot's first caller, holding the event loop 30–40 ms
   * (docs/adr/0012). Answers how many were prepared; a rule set that cannot be is left to its first caller, as are
   * those left when `milliseconds` have passed.
   */
  async warmUp(limit: number, milliseconds = WARM_UP_MS): Promise<number> {
    const until = performance.now() + milliseconds;
    let prepared = 0;
    let keys: string[];
    try {
      keys = await this.rulesets.firstKeys(limit);
    } catch {
      return 0; // the read failed: every version is prepared by its first caller, as without this
    }
    for (const key of keys) {
      // A start is not held up long by rule sets at the size limit: past the time, the rest wait for a caller.
      if (performance.now() > until) break;
      try {
        const state = await this.snapshots.get(key);
        const version = state && !state.archived ? versionInForce(state.publications, new Date()) : null;
        if (!state || version === null) continue;
        const { content, entry } = await this.prepareVersion(state, version);
        prepared++;
        if (content.settings?.logDecisions !== false) await traceTableInTurns(entry.prepared.program, timeSlices());
        const facts = content.tests?.[0]?.facts;
        if (facts && entry.validateFacts(facts)) {
          const outcome = await run(entry.prepared, facts, true);
          // Its explanation's templates are compiled on first use too (10 ms for the pilot's first explanation).
          explain(entry.prepared.compiled, outcome.fired, facts, outcome.computed);
        }
      } catch {
        // A test case that fails, or a rule set that cannot be prepared: its first caller will hear why.
      }
    }
    return prepared;
  }

  async evaluateBatch(
    key: string,
    request: BatchRequest,
    principal: Principal,
  ): Promise<{ results: EvaluationResult[] }> {
    const target = await this.target(key, request.version, request.asOf, principal);
    const facts = request.items.map((item) => item.facts as Record<string, unknown>);
    return { results: await this.decide(target, facts, request.explain === true, principal, '/items') };
  }

  /** A decision record by id; personal information stays masked unless the reader may see it. */
  async decision(id: string, principal: Principal): Promise<DecisionDocument & { id: string }> {
    const record = await this.decisions.findById(id);
    if (!record) throw decisionNotFound(id);
    if (mayReadPii(principal, record.ruleset)) return { id: record._id, ...record };
    const state = await this.rulesets.state(record.ruleset).catch(() => null);
    const content = state ? await this.rulesets.content(state, record.version).catch(() => null) : null;
    if (!content) {
      // Which fields are personal is unknown (the version cannot be read): everything is masked, nothing shown.
      const { explanation: _hidden, ...rest } = record;
      const facts = Object.fromEntries(Object.keys(record.facts).map((name) => [name, MASK]));
      return {
        id: record._id,
        ...rest,
        facts,
        fired: maskAllTraces(record.fired as RuleTrace[]),
        failed: maskAllTraces(record.failed as RuleTrace[]),
      };
    }
    const entry = await this.prepared.for(record.checksum, state!.meta.format, content);
    if (entry.piiPaths.length === 0) return { id: record._id, ...record };
    const facts = entry.maskInput(record.facts);
    const fired = record.fired as RuleTrace[];
    // The stored explanation was written from the real facts: it is written again from the masked ones.
    // Computed facts derived from personal fields (an age from a birth date) are masked like those fields.
    const explanation = record.explanation
      ? explain(
          entry.prepared.compiled,
          fired,
          facts,
          maskFacts(await computedOrNothing(entry, record.facts), entry.piiPaths),
        )
      : undefined;
    return {
      id: record._id,
      ...record,
      facts,
      ...(explanation && { explanation }),
      fired: entry.maskTraces(fired),
      failed: entry.maskTraces(record.failed as RuleTrace[]),
    };
  }

  /**
   * A decision record as this reader may see it (masked as `decision()` masks it), with the content of the version
   * that made it (null when it cannot be read) and whether the reader may see personal information: what a
   * receipt is written from.
   */
  async decisionWithContent(id: string, principal: Principal) {
    const view = await this.decision(id, principal);
    const state = await this.rulesets.state(view.ruleset).catch(() => null);
    const content = state ? await this.rulesets.content(state, view.version).catch(() => null) : null;
    return { view, content, name: state?.meta.name, personalValuesShown: mayReadPii(principal, view.ruleset) };
  }

  /** Runs a version's test cases (facts → expected event types) and records the run against its exact content. */
  async runTests(key: string, number: number, principal: Principal) {
    const state = await this.rulesets.state(key);
    const content = await this.rulesets.content(state, number);
    const checksum = await checksumInTurns(content);
    const entry = await this.prepared.for(checksum, state.meta.format, content);
    const cases = [];
    const slice = timeSlices(YIELD_EVERY_MS);
    for (const test of content.tests ?? []) {
      // Up to 500 cases, each with its computed facts: `await run()` alone would never let other requests in.
      await slice();
      let actual: string[];
      let error: string | undefined;
      try {
        actual = (await run(entry.prepared, test.facts)).events.map((e) => e.type);
      } catch (err) {
        actual = [];
        error = (err as Error).message;
      }
      const passed = !error && sameTypes(actual, test.expectedEvents);
      cases.push({ name: test.name, passed, expected: test.expectedEvents, actual, ...(error && { error }) });
    }
    const summary = { passed: cases.filter((c) => c.passed).length, failed: cases.filter((c) => !c.passed).length };
    await this.rulesets.recordTestRun(key, number, { checksum, ...summary }, actorName(principal));
    return { version: number, checksum, ...summary, cases };
  }

  /**
   * Replays the latest logged decisions of the version in force against another version: what would change.
   * Both versions are replayed on the recorded facts, today: compared with the outcome recorded then, the draft
   * was blamed for every table change approved since (a draft identical to the version in force « rejected » 50
   * invoices after a supplier's row changed, for risk officers alone: an API probe). A reader who may not see
   * personal information gets both versions replayed on masked facts: otherwise a draft rule like "name matches
   * ^L" would spell masked fields out through the transitions it reports.
   */
  impact(key: string, number: number, limit: number, principal: Principal) {
    return this.replays.run(actorName(principal), () => this.replay(key, number, limit, principal));
  }

  private async replay(key: string, number: number, limit: number, principal: Principal) {
    const state = await this.rulesets.state(key);
    const active = versionInForce(state.publications, new Date());
    if (active === null)
      throw new NotFoundError(`"${key}" has no version in force to compare with.`, [
        { path: '/key', message: 'has no version in force to compare with' },
      ]);
    const activeChecksum = state.versions.find((v) => v.number === active)!.checksum!;
    const content = await this.rulesets.content(state, number);
    const entry = await this.prepared.for(await checksumInTurns(content), state.meta.format, content);
    const masked = !mayReadPii(principal, key);
    const activeEntry = await this.prepared.for(
      activeChecksum,
      state.meta.format,
      await this.rulesets.content(state, active),
    );
    const piiPaths = masked ? [...entry.piiPaths, ...activeEntry.piiPaths] : [];
    const sideOf = (target: PreparedEntry, facts: Record<string, unknown>): Promise<SideResult> =>
      run(target.prepared, facts, false).then(
        (r) => ({ outcome: outcome(r.events.map((e) => e.type)), fired: [], events: r.events }),
        (err: Error) => ({ outcome: `error: ${err.message}`, fired: [] }),
      );
    const byTransition: Record<string, number> = {};
    const examples: { evaluationId: string; before: string; after: string }[] = [];
    let compared = 0;
    let notCompared = 0;
    const slice = timeSlices(YIELD_EVERY_MS);
    for await (const decision of this.decisions.latestFor(activeChecksum, limit)) {
      compared++;
      await slice();
      // Masked as each version's readers see it: marked fields of either, and what either does not declare (a
      // draft that declares a field to read it would otherwise spell out what the version in force hides).
      let facts = decision.facts;
      if (masked) {
        // Each masking of a large record is tens of milliseconds: a turn between them.
        facts = entry.maskInput(facts);
        await slice();
        facts = activeEntry.maskInput(facts);
        await slice();
      }
      const before = await sideOf(activeEntry, facts);
      // A turn between the two runs too: on a large record, masking and two runs in one turn held the loop 0.4 s.
      await slice();
      const after = await sideOf(entry, facts);
      // On masked facts a version may fail where the real facts would not (a date that is now "***"): that says
      // nothing of the change, and two such failures are not "no change". They are counted apart.
      if (masked && (before.outcome.startsWith('error: ') || after.outcome.startsWith('error: '))) {
        notCompared++;
        continue;
      }
      const comparison = compare(before, after);
      if (!comparison.diverged) continue;
      byTransition[comparison.transition] = (byTransition[comparison.transition] ?? 0) + 1;
      if (examples.length < 20)
        examples.push({ evaluationId: decision._id, before: comparison.before, after: comparison.after });
    }
    const changed = Object.values(byTransition).reduce((a, b) => a + b, 0);
    return {
      activeVersion: active,
      version: number,
      compared,
      changed,
      notCompared,
      byTransition,
      examples,
      ...(masked && piiPaths.length > 0 && { maskedFacts: true }),
    };
  }

  private async target(
    key: string,
    requested: number | 'active' | undefined,
    asOf: string | undefined,
    principal: Principal,
  ): Promise<Target> {
    const state =
      principal.kind === 'user' && typeof requested === 'number'
        ? await this.rulesets.state(key)
        : await this.snapshots.get(key);
    if (!state)
      throw new NotFoundError(`No rule set with key "${key}".`, [namesNone('/key', 'rule_set', 'names no rule set')]);
    if (state.archived)
      throw new NotFoundError(`The rule set "${key}" is archived: it no longer decides.`, [
        { path: '/key', message: 'names an archived rule set', keyword: 'archived', params: { what: 'rule_set' } },
      ]);
    const instant = asOf ? new Date(asOf) : new Date();
    const version =
      requested === undefined || requested === 'active' ? versionInForce(state.publications, instant) : requested;
    if (version === null) {
      // Said apart from an unknown key: a back-dated invoice is a date question, not a configuration one.
      // Compared as instants: a scheduled start keeps the offset its approver wrote (-04:00).
      const starts = state.publications.map((p) => Date.parse(p.effectiveFrom));
      const first = starts.length > 0 ? new Date(Math.min(...starts)).toISOString() : undefined;
      // The keyword tells the three apart without reading the English (an API review), as `archived` does.
      const reason = !first ? 'nothing_published' : instant.getTime() < Date.parse(first) ? 'before_first' : 'gap';
      throw new NotFoundError(`No version of "${key}" is in force at ${instant.toISOString()}.`, [
        {
          // Without a date asked for, it is the rule set that has nothing in force, as impact and /complete say.
          path: asOf ? '/asOf' : '/key',
          message: {
            nothing_published: 'nothing is published yet',
            before_first: `is before the first version took effect (${first})`,
            gap: 'falls where no version was in force (a publication window had ended)',
          }[reason],
          keyword: 'notInForce',
          params: { reason, ...(first && { firstEffectiveFrom: first }) },
        },
      ]);
    }
    // Versions are numbered from 1 in the order they are kept: found at their place, not by a walk through history.
    const atPlace = state.versions[version - 1];
    const record = atPlace?.number === version ? atPlace : state.versions.find((v) => v.number === version);
    if (!record)
      throw new NotFoundError(`"${key}" has no version ${version}.`, [
        noSuchVersion('/version', Math.max(0, ...state.versions.map((v) => v.number))),
      ]);
    // A version decides for callers once it has taken effect (by `asOf`, when asked for then): one only
    // scheduled is published but must not decide before its date.
    const inEffect = hasTakenEffect(state.publications, version, instant);
    if (!inEffect && principal.kind !== 'user') throw notInEffect(key, version, state.publications, 'evaluate');
    const live = (requested === undefined || requested === 'active') && asOf === undefined;
    const trial = !inEffect;
    const cached = record.checksum ? this.prepared.cached(record.checksum) : undefined;
    if (cached) return { state, version, checksum: record.checksum!, entry: cached, live, trial };
    const { checksum, entry } = await this.prepareVersion(state, version, record);
    return { state, version, checksum, entry, live, trial };
  }

  /** A version's content, read, and its prepared form, made once per checksum (a draft has none yet). */
  private async prepareVersion(
    state: RulesetState,
    version: number,
    record = state.versions.find((v) => v.number === version),
  ): Promise<{ content: RulesetContent; checksum: string; entry: PreparedEntry }> {
    const content = await this.rulesets.content(state, version);
    const checksum = record?.checksum ?? (await checksumInTurns(content));
    return { content, checksum, entry: await this.prepared.for(checksum, state.meta.format, content) };
  }

  private async decide(
    target: Target,
    factsList: Record<string, unknown>[],
    withExplanation: boolean,
    principal: Principal,
    basePath: string,
  ): Promise<EvaluationResult[]> {
    const { entry } = target;
    // Every item is checked before any runs, and every bad item is named (up to a bound): a caller correcting a
    // batch of 500 one refusal at a time would send it again for each.
    const invalid: ErrorDetail[] = [];
    const derivedSent: ErrorDetail[] = [];
    let badItems = 0;
    for (const [i, facts] of factsList.entries()) {
      // Past the bound every item is still counted, its problems no longer listed.
      const listing = invalid.length + derivedSent.length < MAX_BATCH_DETAILS;
      const prefix = basePath === '/items' ? `/items/${i}/facts` : '/facts';
      if (!entry.validateFacts(facts)) {
        badItems++;
        if (listing) invalid.push(...toErrorDetails(entry.validateFacts.errors, prefix));
        continue;
      }
      // A caller's value would otherwise stand in for a lookup, or for a computed fact whose expression failed.
      const derived =
        entry.derivedFacts.size > 0 ? Object.keys(facts).filter((name) => entry.derivedFacts.has(name)) : [];
      if (derived.length > 0) badItems++;
      if (listing)
        for (const name of derived)
          derivedSent.push({
            path: `${prefix}/${pointerSegment(name)}`,
            message: `is a ${entry.derivedFacts.get(name)} of this rule set; do not send it`,
          });
    }
    const items = basePath === '/items' ? ` of ${badItems} item(s)` : '';
    if (invalid.length > 0)
      throw new ValidationError(
        `The facts${items} do not match the rule set’s input schema.`,
        [...invalid, ...derivedSent].slice(0, MAX_BATCH_DETAILS),
      );
    if (derivedSent.length > 0)
      throw new ValidationError(
        `Some facts${items} are derived by the rule set itself and may not be sent.`,
        derivedSent.slice(0, MAX_BATCH_DETAILS),
        'derived_fact',
      );
    // Lookups load their tables once per request (when one changed or is not loaded yet); every item then runs
    // synchronously.
    const loading = entry.prepared.beforeRun?.();
    if (loading) await loading;
    const logging = entry.content.settings?.logDecisions !== false && !target.trial;
    const canReadPii = mayReadPii(principal, target.state.key);
    const actor = actorName(principal);
    const records: DecisionDocument[] = [];
    const results: EvaluationResult[] = [];
    const traced = logging || withExplanation;
    const live: LiveDecision[] = [];
    let tracedConditions = 0;
    const slice = timeSlices(YIELD_EVERY_MS);
    // What every record of this version repeats (rule names, events, conditions) is stored once (docs/adr/0012);
    // the table is built in turns the first time, and a version that logs is then not kept waiting.
    let traceTable = logging ? traceTableInTurns(entry.prepared.program, slice) : undefined;
    if (traceTable instanceof Promise) traceTable = await traceTable;
    for (const [i, facts] of factsList.entries()) {
      // A long batch gives the event loop back every few milliseconds, so other requests are not held behind it.
      await slice();
      const started = performance.now();
      const factsPath = basePath === '/items' ? `/items/${i}/facts` : '/facts';
      const outcome = runOrExplainWhy(entry, facts, factsPath, logging || withExplanation);
      if (traced) {
        tracedConditions += conditionsIn(outcome.fired) + conditionsIn(outcome.failed);
        if (tracedConditions > MAX_TRACED_CONDITIONS) throw tooManyTraced(basePath, i);
      }
      // The record keeps the explanation; an unlogged answer that does not show it need not render it.
      const explanation =
        logging || (withExplanation && canReadPii)
          ? explainOrSayWhy(() => explain(entry.prepared.compiled, outcome.fired, facts, outcome.computed), factsPath)
          : undefined;
      const durationMs = Math.round((performance.now() - started) * 1000) / 1000;
      const evaluationId = timeOrderedId(); // the record's _id: in order, at the end of its index
      const { events, fired, failed } = outcome;
      if (logging)
        records.push({
          _id: evaluationId,
          ruleset: target.state.key,
          version: target.version,
          checksum: target.checksum,
          at: new Date(),
          actor,
          facts,
          events,
          fired,
          failed,
          explanation,
          durationMs,
          traceTable,
        });
      const shown = !withExplanation
        ? {}
        : canReadPii
          ? { explanation, fired, failed }
          : explainOrSayWhy(() => this.masked(entry, facts, outcome), factsPath);
      results.push({
        ruleset: target.state.key,
        version: target.version,
        checksum: target.checksum,
        events,
        ...shown,
        evaluationId,
        logged: false,
        durationMs,
      });
      if (target.live && target.state.shadows) live.push({ facts, events, evaluationId, ...(traced && { fired }) });
    }
    // Counted once every item has run: a batch refused on a later item decided nothing, so it counts nothing.
    if (!target.trial) for (const result of results) this.metrics.count(target.state.key, result.events);
    if (logging) {
      // The records are encoded next, from a turn of their own: after the last of a batch's decisions at the size
      // limit, its encoding began in the same turn, which lasted 43 ms.
      const turn = slice();
      if (turn) await turn;
      // Deciding from memory must not stop when the database is away; the caller is told the record was not kept.
      const logged = await this.writer.write(records);
      for (const result of results) result.logged = logged;
    }
    // A shadow run (docs/adr/0028) runs after this answer has gone, never changing it; it cannot fail it either.
    if (live.length > 0) {
      try {
        this.shadows.offer(target.state, target.version, entry, live);
      } catch {
        // counted nowhere: the shadow's bookkeeping itself failed, and the caller's answer is what matters
      }
    }
    return results;
  }

  /** Explanation and traces as a caller without access to personal information may see them. */
  private masked(entry: PreparedEntry, facts: Record<string, unknown>, outcome: RunResult) {
    const maskedFacts = entry.maskInput(facts);
    return {
      explanation: explain(
        entry.prepared.compiled,
        outcome.fired,
        maskedFacts,
        maskFacts(outcome.computed, entry.piiPaths),
      ),
      fired: entry.maskTraces(outcome.fired),
      failed: entry.maskTraces(outcome.failed),
    };
  }
}

const conditionsIn = (traces: RuleTrace[]) => {
  let n = 0;
  for (const rule of traces) n += rule.conditions.length;
  return n;
};

/** Refused before any record is written: nothing of the request is kept. */
function tooManyTraced(basePath: string, index: number): ValidationError {
  const what = `the decisions asked for trace more than ${MAX_TRACED_CONDITIONS} conditions in all`;
  return basePath === '/items'
    ? new ValidationError(
        `Too much to decide in one request: ${what} by item ${index}. Send fewer items at a time.`,
        [{ path: `/items/${index}`, message: `${what} by this item`, params: { limit: MAX_TRACED_CONDITIONS } }],
        'traces_too_large',
      )
    : new ValidationError(
        `Too much to decide in one request: ${what}.`,
        [{ path: '/facts', message: what, params: { limit: MAX_TRACED_CONDITIONS } }],
        'traces_too_large',
      );
}

/** An explanation whose templates need more work than a decision allows with these facts is the caller's 400. */
function explainOrSayWhy<T>(explainIt: () => T, factsPath: string): T {
  try {
    return explainIt();
  } catch (err) {
    if (!(err instanceof RenderLimitError)) throw err;
    throw new ValidationError(
      `The rules' explanations could not be written with these facts: one ${err.message}.`,
      [{ path: factsPath, message: `an explanation ${err.message}`, params: { limit: err.limit } }],
      'render_limit',
    );
  }
}

/**
 * Runs one item; a missing fact, an expression over its limit, or facts that break a table's hit policy
 * (`unique`: several rows match; `any`: matching rows disagree) are the caller's 400, naming where.
 */
function runOrExplainWhy(
  entry: PreparedEntry,
  facts: Record<string, unknown>,
  factsPath: string,
  traces: boolean,
): RunResult {
  try {
    return runNow(entry.prepared, facts, traces);
  } catch (err) {
    if (
      err instanceof UndefinedFactError &&
      entry.derivedFacts.get(err.fact) === 'computed fact' &&
      entry.computedReads(err.fact)
    ) {
      // The rules read a computed fact the facts did not let it compute (a number too large, a date that is not
      // one, a field missing): the caller is told which of its facts the fact reads, not to send the fact.
      throw new ValidationError(
        `The computed fact "${err.fact}" could not be computed from these facts (a value missing, of the wrong type or out of range), and the rules need it.`,
        sentPlacesOf(entry, facts, factsPath, err.fact).map((path) => ({
          path,
          message: `read to compute "${err.fact}", which could not be computed`,
        })),
        'computed_fact_failed',
      );
    }
    if (err instanceof UndefinedFactError) {
      throw new ValidationError(
        err.message,
        [{ path: `${factsPath}/${pointerSegment(err.fact)}`, message: 'is required by the rules' }],
        'undefined_fact',
      );
    }
    if (err instanceof UnnamedFactError)
      throw new ValidationError('A fact has an empty name.', [
        { path: `${factsPath}/`, message: 'a fact needs a name' },
      ]);
    if (err instanceof OperatorFailedError) {
      // The value is not of the kind the operator works on (a number where `in` wants a list, say). When the
      // condition compares two facts, either may be the one sent wrong (`in` with a list fact that is a number):
      // both are named. A fact the version derives is named by what the caller sent that it derives from.
      const { fact, valueFact, operator } = err;
      const compared = valueFact === undefined ? '' : ` with the fact "${valueFact}"`;
      const named = (name: string, message: string): ErrorDetail[] => {
        const kind = entry.derivedFacts.get(name);
        const said = kind ? `gives the ${kind} "${name}", which ${message}` : message;
        return sentPlacesOf(entry, facts, factsPath, name).map((path) => ({ path, message: said }));
      };
      const details = [
        ...named(fact, `is not a value the operator "${operator}" can compare${compared} (${err.message})`),
        ...(valueFact === undefined || valueFact === fact
          ? []
          : named(valueFact, `is not a value the operator "${operator}" can compare "${fact}" with (${err.message})`)),
      ];
      throw new ValidationError(
        `The operator "${operator}" cannot compare the fact "${fact}"${compared} as sent: ${err.message}`,
        details.filter((detail, i) => details.findIndex((d) => d.path === detail.path) === i),
        'operator_failed',
      );
    }
    if (err instanceof LookupKeyError) {
      // A key the version derives (a computed fact) is the version's doing: the places it reads are named, saying so.
      const kind = entry.derivedFacts.get(err.keyFact);
      const said = kind
        ? `gives the ${kind} "${err.keyFact}", the key of the lookup "${err.lookupFact}", which the version makes a list or an object where a key is a text, a number or true/false`
        : `is the key of the lookup "${err.lookupFact}": a text, a number or true/false, not a list or an object`;
      throw new ValidationError(
        err.message,
        sentPlacesOf(entry, facts, factsPath, err.keyFact).map((path) => ({
          path,
          message: said,
          keyword: 'lookupKey',
        })),
        'invalid_lookup_key',
      );
    }
    if (err instanceof ExpressionLimitError) {
      throw new ValidationError(
        err.message,
        [{ path: `/computedFacts/${err.index}`, message: `"${err.fact}" exceeds the evaluation limit (${err.limit})` }],
        'expression_limit',
      );
    }
    if (err instanceof HitPolicyError) {
      const matched = `matches these facts (hit policy ${err.policy})`;
      throw new ValidationError(
        factsPath === '/facts' ? err.message : `${err.message} (${factsPath})`,
        err.rows.map((row) => ({ path: `/definition/rows/${row.index}`, message: `row "${row.id}" ${matched}` })),
        'hit_policy_violation',
      );
    }
    throw err;
  }
}

/** Every fact value of the traces masked: for when the personal fields cannot be known. */
function maskAllTraces(traces: RuleTrace[]): RuleTrace[] {
  return traces.map((rule) => ({ ...rule, conditions: rule.conditions.map(maskedCondition) }));
}

/**
 * The computed facts and lookup rows of a stored decision, computed again from the tables as they are now (a row
 * changed since may read differently); none if that fails (the explanation then shows blanks).
 */
async function computedOrNothing(
  entry: PreparedEntry,
  facts: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  try {
    if (entry.prepared.beforeRun) await entry.prepared.beforeRun();
    return computedFactsOf(entry.prepared, facts);
  } catch {
    return {};
  }
}

function sameTypes(actual: string[], expected: string[]): boolean {
  return [...actual].sort().join('\u0000') === [...expected].sort().join('\u0000');
}

/** The answer for a decision that is not there, or that the caller may not know of: the same words for both. */
export function decisionNotFound(id: string): NotFoundError {
  return new NotFoundError(`No decision with id "${id}" (records are kept for the configured retention period).`, [
    namesNone('/id', 'decision', 'names no decision record kept'),
  ]);
}

/**
 * Where in the caller's facts a fact the rules read comes from: the fact itself; for a computed fact, the facts it
 * reads that were sent. The facts as a whole for a lookup (its key's place is not kept with the cached version),
 * or when nothing it reads was sent.
 */
function sentPlacesOf(entry: PreparedEntry, facts: Record<string, unknown>, factsPath: string, name: string): string[] {
  const pointer = (path: string[]) => `${factsPath}/${path.map((segment) => pointerSegment(segment)).join('/')}`;
  const kind = entry.derivedFacts.get(name);
  const places =
    kind === undefined
      ? [pointer([name])]
      : (entry.computedReads(name) ?? []).filter((path) => Object.hasOwn(facts, path[0]!)).map(pointer);
  return places.length > 0 ? [...new Set(places)] : [factsPath];
}
