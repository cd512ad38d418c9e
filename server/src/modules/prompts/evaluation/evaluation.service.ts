import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import {
  ConflictError,
  NotFoundError,
  ValidationError,
  type ErrorDetail,
  namesNone,
} from '../../../common/errors/domain-errors.js';
import { mapInTurns, timeSlices } from '../../../common/async/time-slices.js';
import { toErrorDetails } from '../../../common/http/ajv.js';
import { wilson95 } from '../../../common/statistics/proportions.js';
import { meanWithInterval95 } from '../../../common/statistics/means.js';
import { APP_CONFIG } from '../../../config/config.module.js';
import type { AppConfig } from '../../../config/config.schema.js';
import { inputValidators } from '../../rulesets/input-schemas.js';
import { LlmService } from '../../llm/llm.service.js';
import { AuditService } from '../../audit/audit.service.js';
import { OutboxDrain } from '../../audit/outbox-drain.js';
import { outboxItem } from '../../audit/outbox.js';
import { costUsd } from '../../llm/model-pricing.js';
import type { PromptContent } from '../prompt.types.js';
import { PromptsService, renderContent } from '../prompts.service.js';
import {
  DEFAULT_MIN_SCORE,
  expectationProblems,
  judgeScore,
  runExactCheck,
  tooManySchemas,
  type Check,
  type CheckResult,
} from './evaluation-checks.js';
import type { CreateEvaluationSetRequest, StartEvaluationRunRequest } from './evaluation.contract.js';
import {
  EvaluationRepository,
  type CaseResult,
  type EvaluationCase,
  type EvaluationRunDocument,
  type EvaluationSetDocument,
  type SideResult,
  type SideSummary,
  type StopReason,
} from './evaluation.repository.js';
import { asModelText } from '../variable-text.js';
import { fitOutputs } from './stored-outputs.js';

/** What a judge prompt is rendered with (evaluateSide): its variables schema must accept such texts. */
const JUDGE_VARIABLES_SAMPLE = { criteria: 'critère', output: 'réponse', input: '{}' };

/** Cases evaluated at once: each holds up to four model calls (both sides, their judges). */
export const CONCURRENCY = 4;

interface Side {
  version: number;
  content: PromptContent;
}

interface Judge {
  key: string;
  version: number;
  content: PromptContent;
}

/** What the approval event and the publication gate read of a run. */
export interface RunSummary {
  id: string;
  set: string;
  checksum: string;
  budgetExhausted: boolean;
  /** Why cases were left unrun, or null when every case ran. */
  stoppedBy: StopReason | null;
  candidate: SideSummary;
  inForce: SideSummary | null;
  createdAt: string;
}

/**
 * Evaluation sets of prompts, and runs of a set on a version beside the version in force (docs/adr/0031):
 * exact checks on the outputs, rubrics scored by a judge prompt, a token budget, limited concurrency.
 */
@Injectable()
export class EvaluationService implements OnApplicationBootstrap {
  /** A set's or a run's audit event is stored with it and leaves once the trail holds it (docs/adr/0005). */
  private readonly setEvents: OutboxDrain;
  private readonly runEvents: OutboxDrain;

  constructor(
    private readonly prompts: PromptsService,
    private readonly llm: LlmService,
    private readonly repository: EvaluationRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    audit: AuditService,
  ) {
    this.setEvents = new OutboxDrain(audit, 'evaluation set', (id, items) => repository.removeSetOutbox(id, items));
    this.runEvents = new OutboxDrain(audit, 'evaluation run', (id, items) => repository.removeRunOutbox(id, items));
    const repo = repository;
    prompts.useEvaluations({
      latestRun: async (key, number, checksum, set) => {
        const runs = await repo.runsOf(key, number);
        const run = runs.find((r) => r.checksum === checksum && (set === undefined || r.set === set));
        return run ? summaryOf(run) : null;
      },
      setCreatedAt: async (key, name) => (await repo.findSet(key, name))?.createdAt ?? null,
    });
  }

  /** What a process that stopped between a set's or a run's insert and its audit write left: recorded now. */
  async onApplicationBootstrap(): Promise<void> {
    const { sets, runs } = await this.repository.withOutbox();
    await this.setEvents.atStartup(sets);
    await this.runEvents.atStartup(runs);
  }

  async createSet(key: string, request: CreateEvaluationSetRequest, actor: string) {
    const state = await this.prompts.get(key); // 404 for an unknown prompt
    const latest = state.body.draftVersion ?? state.body.activeVersion ?? state.body.latestVersion;
    const content = await this.prompts.versionContent(key, latest);
    const validate = await inputValidators.for(content.variablesSchema);
    // Counted before any is compiled: past the bound, compiling them would be the cost the bound prevents.
    const tooMany = tooManySchemas(request.cases);
    if (tooMany)
      throw new ValidationError('The evaluation set checks answers against too many different schemas.', [tooMany]);
    const problems: ErrorDetail[] = [];
    const slice = timeSlices();
    for (const [i, c] of request.cases.entries()) {
      await slice(); // 200 cases of variables and expectations to check: other requests get turns
      if (!validate(asModelText(c.variables)))
        problems.push(...toErrorDetails(validate.errors, `/cases/${i}/variables`));
      for (const [j, e] of c.expect.entries()) {
        problems.push(...(await expectationProblems(e, `/cases/${i}/expect/${j}`)));
        if (e.type === 'rubric' && request.judgePrompt === undefined)
          problems.push({ path: `/cases/${i}/expect/${j}`, message: 'is a rubric: the set needs a judgePrompt' });
      }
    }
    if (request.judgePrompt !== undefined) {
      const judge = await this.judge(request.judgePrompt).catch((err: Error) => err.message);
      if (typeof judge === 'string') problems.push({ path: '/judgePrompt', message: judge });
      // A judge is given three texts; a judge whose schema refuses them fails every rubric of a set that cannot
      // be changed (an API probe saved one).
      else if (!(await inputValidators.for(judge.content.variablesSchema))(JUDGE_VARIABLES_SAMPLE))
        problems.push({
          path: '/judgePrompt',
          message: `names a prompt whose variables schema refuses what a judge is given (criteria, output and input, three texts)`,
          keyword: 'judgeVariables',
        });
    }
    if (problems.length > 0)
      throw new ValidationError(
        `The evaluation set has ${problems.length} problem(s); each is listed with its place.`,
        problems,
      );
    // The trail says which cases exist for a prompt, and from when: a publication gate counts only a set its
    // approver could have seen. The event is stored with the set: a set the gate counts always has its event.
    const event = outboxItem({
      actor,
      action: 'prompt.evaluation_set_created',
      resourceType: 'prompt',
      resourceKey: key,
      details: {
        set: request.name,
        cases: request.cases.length,
        ...(request.judgePrompt !== undefined && { judgePrompt: request.judgePrompt }),
      },
    });
    const document: EvaluationSetDocument = {
      _id: `${key}/${request.name}`,
      prompt: key,
      name: request.name,
      ...(request.judgePrompt !== undefined && { judgePrompt: request.judgePrompt }),
      casesJson: JSON.stringify(request.cases),
      caseCount: request.cases.length,
      createdAt: new Date(),
      createdBy: actor,
      outbox: [event],
    };
    const inserted = await this.setEvents.written(
      document._id,
      [event],
      () => this.repository.insertSet(document),
      () => this.repository.findSet(key, request.name),
    );
    if (!inserted)
      throw new ConflictError(
        `The prompt "${key}" already has an evaluation set named "${request.name}".`,
        'set_exists',
        [{ path: '/name', message: 'is already taken', keyword: 'taken' }],
      );
    await this.setEvents.afterCommit(document._id, [event]);
    return setView(document);
  }

  async listSets(key: string) {
    await this.prompts.get(key);
    const items = (await this.repository.listSets(key)).map(setSummary);
    return { items, total: items.length, skip: 0 };
  }

  /** One set with its cases; 404 naming the set when the prompt has none of that name. */
  async getSet(key: string, name: string) {
    await this.prompts.get(key);
    const set = await this.repository.findSet(key, name);
    if (!set)
      throw new NotFoundError(`The prompt "${key}" has no evaluation set named "${name}".`, [
        { path: '/name', message: 'names no evaluation set of this prompt' },
      ]);
    return setView(set);
  }

  async listRuns(key: string, number: number) {
    await this.prompts.versionContent(key, number); // 404 for an unknown version
    const items = (await this.repository.runsOf(key, number)).map((r) => runView(r, []));
    return { items, total: items.length, skip: 0 };
  }

  /**
   * A run as JSON, its cases spliced in as the text they are stored as: parsing a run's megabyte of cases and
   * writing it out again held the event loop 94 ms (a review: 200 cases on two versions, with a judge).
   */
  async getRunJson(key: string, id: string): Promise<Buffer> {
    const run = await this.repository.findRun(key, id);
    if (!run)
      throw new NotFoundError(`No evaluation run "${id}" of "${key}".`, [
        namesNone('/id', 'evaluation_run', 'names no evaluation run of this prompt'),
      ]);
    const rest = JSON.stringify({ ...runView(run, []), cases: undefined });
    return Buffer.from(`${rest.slice(0, -1)},"cases":${run.casesJson}}`);
  }

  /**
   * Runs the set on version `number` and on the version in force (when another one is), and stores the run.
   * No case starts once the token budget or EVAL_RUN_BUDGET_MS is spent, or once the caller has left
   * (`callerGone`): 200 cases against a provider that hung held the request for 25 minutes, and went on paying
   * for answers after the analyst closed the page. What ran is stored, its skipped cases saying why.
   */
  async run(key: string, number: number, request: StartEvaluationRunRequest, actor: string, callerGone?: AbortSignal) {
    const target = await this.prompts.evaluationTarget(key, number);
    const set = await this.repository.findSet(key, request.set);
    if (!set)
      throw new ValidationError(`The prompt "${key}" has no evaluation set named "${request.set}".`, [
        namesNone('/set', 'evaluation_set', 'names no evaluation set of this prompt'),
      ]);
    // Without a model every case would fail the same way, and the run would be kept as evidence of a 0 % pass
    // rate that approvers then read: refused before any case runs (503 llm_not_configured), nothing stored. An
    // unknown prompt or set is said first, as /complete says an unknown prompt first.
    this.llm.assertConfigured();
    const cases = JSON.parse(set.casesJson) as EvaluationCase[];
    const judge =
      cases.some((c) => c.expect.some((e) => e.type === 'rubric')) && set.judgePrompt
        ? await this.judge(set.judgePrompt).catch((err: Error) => err)
        : undefined;
    const candidate: Side = { version: number, content: target.content };
    const inForce: Side | null = target.inForce && target.inForce.version !== number ? target.inForce : null;
    const budget = request.budgetTokens ?? this.config.evalRunBudgetTokens;
    const deadline = performance.now() + this.config.evalRunBudgetMs;
    let spent = 0;
    const stopReason = (): StopReason | undefined =>
      callerGone?.aborted
        ? 'caller_gone'
        : spent >= budget
          ? 'budget'
          : performance.now() >= deadline
            ? 'time'
            : undefined;
    const results: CaseResult[] = new Array<CaseResult>(cases.length);
    let next = 0;
    const worker = async () => {
      while (next < cases.length) {
        const index = next++;
        const c = cases[index]!;
        const base = { index, ...(c.name !== undefined && { name: c.name }), variables: c.variables };
        const stop = stopReason();
        if (stop) {
          results[index] = { ...base, skipped: stop };
          continue;
        }
        const [a, b] = await Promise.all([
          this.evaluateSide(key, candidate, c, judge, callerGone),
          inForce ? this.evaluateSide(key, inForce, c, judge, callerGone) : Promise.resolve(undefined),
        ]);
        spent += tokensOf(a) + (b ? tokensOf(b) : 0);
        // A case whose model calls the caller's leaving cut short did not fail: it was not run to its end.
        results[index] =
          callerGone?.aborted && (a.error !== undefined || b?.error !== undefined)
            ? { ...base, skipped: 'caller_gone' }
            : { ...base, candidate: a, ...(b && { inForce: b }) };
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, cases.length) }, worker));
    const skipped = results.filter((r) => r.skipped !== undefined);
    fitOutputs(results.flatMap((result) => [result.candidate, result.inForce].filter((side) => side !== undefined)));
    const run: EvaluationRunDocument = {
      _id: randomUUID(),
      prompt: key,
      version: number,
      checksum: target.checksum,
      set: set.name,
      inForceVersion: inForce?.version ?? null,
      budgetTokens: budget,
      tokensUsed: spent,
      budgetExhausted: results.some((r) => r.skipped === 'budget'),
      // The caller's leaving says most about a run cut short; otherwise what stopped the first case left unrun.
      ...(skipped.length > 0 && {
        stoppedBy: skipped.some((r) => r.skipped === 'caller_gone') ? 'caller_gone' : skipped[0]!.skipped,
      }),
      candidate: summarise(number, results, 'candidate'),
      inForce: inForce ? summarise(inForce.version, results, 'inForce') : null,
      // A case at a time, in turns: 200 cases of two sides and their judges are a megabyte (139 ms in one piece).
      casesJson: `[${(await mapInTurns(results, (result) => JSON.stringify(result))).join(',')}]`,
      createdAt: new Date(),
      createdBy: actor,
    };
    const event = outboxItem({
      actor,
      action: 'prompt.evaluation_run',
      resourceType: 'prompt',
      resourceKey: key,
      version: number,
      details: { ...summaryOf(run) },
    });
    await this.runEvents.written(
      run._id,
      [event],
      () => this.repository.insertRun({ ...run, outbox: [event] }),
      () => this.repository.findRun(key, run._id),
    );
    await this.runEvents.afterCommit(run._id, [event]);
    return runView(run, results);
  }

  /** The judge: the version in force of the prompt `key`. */
  private async judge(key: string): Promise<Judge> {
    const found = await this.prompts.inForce(key);
    if (!found) throw new NotFoundError(`the judge prompt "${key}" does not exist or has no version in force`);
    return { key, ...found };
  }

  /** One case on one side: render, call the model, check the output, have the judge score rubrics. */
  private async evaluateSide(
    key: string,
    side: Side,
    c: EvaluationCase,
    judge: Judge | Error | undefined,
    signal: AbortSignal | undefined,
  ): Promise<SideResult> {
    const tokens = { input: 0, output: 0 };
    let cost = 0;
    let latencyMs = 0;
    const done = (fields: Partial<SideResult>): SideResult => ({
      version: side.version,
      passed: false,
      checks: [],
      tokens,
      costUsd: cost,
      latencyMs,
      ...fields,
    });
    let output: string;
    try {
      const rendered = await renderContent(key, side.version, side.content, c.variables);
      const started = performance.now();
      const answer = await this.llm.complete({
        model: rendered.model,
        maxTokens: rendered.maxTokens,
        system: rendered.system ?? undefined,
        text: rendered.text,
        stopSequences: rendered.stopSequences,
        ...(signal && { signal }),
      });
      latencyMs = Math.round(performance.now() - started);
      tokens.input += answer.usage.inputTokens;
      tokens.output += answer.usage.outputTokens;
      cost += costUsd(rendered.model, answer.usage);
      output = answer.text;
    } catch (err) {
      return done({ error: describe(err) });
    }
    const checks: CheckResult[] = [];
    for (const check of c.expect) {
      if (check.type !== 'rubric') {
        checks.push(await runExactCheck(check, output));
        continue;
      }
      try {
        if (!judge) throw new Error('the set names no judge prompt');
        if (judge instanceof Error) throw judge;
        const rendered = await renderContent(judge.key, judge.version, judge.content, {
          criteria: check.criteria,
          output,
          input: JSON.stringify(c.variables),
        });
        const answer = await this.llm.complete({
          model: rendered.model,
          maxTokens: rendered.maxTokens,
          system: rendered.system ?? undefined,
          text: rendered.text,
          stopSequences: rendered.stopSequences,
          ...(signal && { signal }),
        });
        tokens.input += answer.usage.inputTokens;
        tokens.output += answer.usage.outputTokens;
        cost += costUsd(rendered.model, answer.usage);
        const score = judgeScore(answer.text);
        if (score === null)
          throw new Error(`the judge's answer gives no score from 1 to 5: "${answer.text.slice(0, 200)}"`);
        const min = check.minScore ?? DEFAULT_MIN_SCORE;
        checks.push({
          type: 'rubric',
          passed: score >= min,
          score,
          ...(score < min && {
            message: `scored ${score}, below ${min}`,
            reason: { code: 'below_min_score', score, min },
          }),
        });
      } catch (err) {
        return done({ output, checks, error: `judge: ${describe(err)}` });
      }
    }
    return done({ output, checks, passed: checks.every((k) => k.passed) });
  }
}

function tokensOf(side: SideResult): number {
  return side.tokens.input + side.tokens.output;
}

function describe(err: unknown): string {
  const e = err as { message?: string; code?: string };
  const message = e.message ?? String(err);
  return e.code ? `${e.code}: ${message}` : message;
}

/** Pass rate with its Wilson interval, mean rubric score with its t interval, tokens, cost and latency of a side. */
export function summarise(version: number, results: CaseResult[], side: 'candidate' | 'inForce'): SideSummary {
  const sides = results.flatMap((r) => (r[side] ? [r[side]] : []));
  const passed = sides.filter((s) => s.passed).length;
  const scores = sides.flatMap((s) => s.checks.flatMap((k) => (k.score !== undefined ? [k.score] : [])));
  const latencies = sides.map((s) => s.latencyMs);
  const total = latencies.reduce((a, b) => a + b, 0);
  return {
    version,
    cases: sides.length,
    passed,
    failed: sides.length - passed,
    errors: sides.filter((s) => s.error !== undefined).length,
    skipped: results.filter((r) => r.skipped).length,
    passRate: { rate: sides.length === 0 ? 0 : passed / sides.length, interval: wilson95(passed, sides.length) },
    score: meanWithInterval95(scores, [1, 5]),
    tokens: {
      input: sides.reduce((a, s) => a + s.tokens.input, 0),
      output: sides.reduce((a, s) => a + s.tokens.output, 0),
    },
    costUsd: sides.reduce((a, s) => a + s.costUsd, 0),
    latencyMs: { mean: sides.length === 0 ? 0 : total / sides.length, max: Math.max(0, ...latencies), total },
  };
}

export function summaryOf(run: Omit<EvaluationRunDocument, 'casesJson'>): RunSummary {
  return {
    id: run._id,
    set: run.set,
    checksum: run.checksum,
    budgetExhausted: run.budgetExhausted,
    stoppedBy: stoppedBy(run),
    candidate: run.candidate,
    inForce: run.inForce,
    createdAt: run.createdAt.toISOString(),
  };
}

/** Runs stored before `stoppedBy` was kept could only be cut by their token budget. */
function stoppedBy(run: Pick<EvaluationRunDocument, 'stoppedBy' | 'budgetExhausted'>): StopReason | null {
  return run.stoppedBy ?? (run.budgetExhausted ? 'budget' : null);
}

function setSummary(set: Omit<EvaluationSetDocument, 'casesJson'> & { caseCount: number }) {
  return {
    id: set.name,
    prompt: set.prompt,
    name: set.name,
    ...(set.judgePrompt !== undefined && { judgePrompt: set.judgePrompt }),
    caseCount: set.caseCount,
    createdAt: set.createdAt.toISOString(),
    createdBy: set.createdBy,
  };
}

function setView(set: EvaluationSetDocument) {
  return {
    id: set.name,
    prompt: set.prompt,
    name: set.name,
    ...(set.judgePrompt !== undefined && { judgePrompt: set.judgePrompt }),
    cases: JSON.parse(set.casesJson) as EvaluationCase[],
    createdAt: set.createdAt.toISOString(),
    createdBy: set.createdBy,
  };
}

/** A run as answered, with the cases given. */
function runView(run: Omit<EvaluationRunDocument, 'casesJson'>, cases: CaseResult[]) {
  const { candidate, inForce } = run;
  return {
    id: run._id,
    prompt: run.prompt,
    version: run.version,
    checksum: run.checksum,
    set: run.set,
    inForceVersion: run.inForceVersion,
    budgetTokens: run.budgetTokens,
    tokensUsed: run.tokensUsed,
    budgetExhausted: run.budgetExhausted,
    stoppedBy: stoppedBy(run),
    passRate: { candidate: candidate.passRate, inForce: inForce?.passRate ?? null },
    scores: { candidate: candidate.score, inForce: inForce?.score ?? null },
    cost: {
      candidateUsd: candidate.costUsd,
      inForceUsd: inForce?.costUsd ?? 0,
      totalUsd: candidate.costUsd + (inForce?.costUsd ?? 0),
    },
    latency: { candidate: candidate.latencyMs, inForce: inForce?.latencyMs ?? null },
    summary: { candidate, inForce },
    cases,
    createdAt: run.createdAt.toISOString(),
    createdBy: run.createdBy,
  };
}

export type { Check };
