import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import diffObjects from 'microdiff';
import {
  ConflictError,
  NotFoundError,
  ValidationError,
  namesNone,
  type ErrorDetail,
} from '../../common/errors/domain-errors.js';
import { AuditService } from '../audit/audit.service.js';
import { GovernedResourceService } from '../governance/governed-resource.service.js';
import { scheduledPublications, versionInForce } from '../governance/publications.js';
import type { ResourceState } from '../governance/versioned-resource.js';
import { CompletionsRepository } from '../completions/completions.repository.js';
import { ExperimentLog } from '../completions/experiment-log.js';
import { timeSlices } from '../../common/async/time-slices.js';
import { PromptsService } from '../prompts/prompts.service.js';
import type { PublishRequest, RollbackRequest } from '../governance/governed.contract.js';
import { assign, type Variant } from './assignment.js';
import type { ExperimentContent, ExperimentHalt, ExperimentMeta } from './experiment.types.js';
import type { CreateExperimentRequest, FeedbackRequest, ServedVersion } from './experiments.contract.js';
import { ExperimentsRepository } from './experiments.repository.js';
import { FeedbackRepository } from './feedback.repository.js';
import { PromptSlotsRepository } from './prompt-slots.repository.js';
import { computeResults, variantPrices, type Alarm } from './results.js';
import { resultsInputs } from './results-inputs.js';
import { SerialLocks } from '../../common/database/serial-locks.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';

/** Who the audit trail names for a stop the service decided itself. */
export const WATCH_ACTOR = 'system:experiment-watch';
/** How often each instance checks the running experiments' guardrails and split (besides every results read). */
export const WATCH_INTERVAL_MS = 60_000;
const RUNNING_TTL_MS = 2_000;
/** Copying into the experiment log writes what it copied every this many rows (the log's timer may write sooner). */
const COPY_FLUSH_ROWS = 5_000;

/** How long a fresh claim on a prompt counts as a publication in progress rather than a stale claim. */
const CLAIM_GRACE_MS = 10_000;

/** A/B tests of prompt versions, governed like rule sets: publishing starts one, archiving stops it. */
/** Beyond the provider's timeout, what a request's other steps and the log's flush take at most. */
const SETTLE_MARGIN_MS = 5_000;

@Injectable()
export class ExperimentsService
  extends GovernedResourceService<ExperimentMeta, ExperimentContent, CreateExperimentRequest>
  implements OnModuleDestroy
{
  private readonly running: {
    cache?: { at: number; byPrompt: Map<string, ServedExperiment> };
  } = {};
  private readonly logger = new Logger('ExperimentsWatch');
  private watchTimer?: ReturnType<typeof setInterval>;

  constructor(
    repository: ExperimentsRepository,
    private readonly feedback: FeedbackRepository,
    private readonly slots: PromptSlotsRepository,
    private readonly prompts: PromptsService,
    private readonly completions: CompletionsRepository,
    private readonly log: ExperimentLog,
    audit: AuditService,
    private readonly locks: SerialLocks,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(
      {
        resourceType: 'experiment',
        label: 'experiment',
        split: (request) => ({ key: request.key, meta: { name: request.name }, content: contentOf(request) }),
        // Variants must name published versions of the prompt: checked at every save, and again at publication.
        validate: (content) => this.checkVariants(content),
        requiresTestRun: () => false,
        diff: (_meta, before, after) => ({
          changes: diffObjects(before, after).map((c) => ({
            path: `/${c.path.join('/')}`,
            before: 'oldValue' in c ? c.oldValue : undefined,
            after: 'value' in c ? c.value : undefined,
          })),
        }),
      },
      repository,
      audit,
      () => (this.running.cache = undefined),
    );
  }

  override async onApplicationBootstrap(): Promise<void> {
    await super.onApplicationBootstrap();
    await this.copyIntoLogOnce();
    // What results read through before the log; every completion and feedback written paid for these indexes.
    await this.completions.dropIndexIfPresent('experiment_1_variant_1_latencyMs_1');
    await this.feedback.dropIndexIfPresent('experiment_1_variant_1');
    this.prompts.guardWithdrawal((prompt, version) => this.assertNoExperimentServes(prompt, version));
    // Every instance watches; a stop is a revision claim, so two instances that see the same breach stop the
    // experiment once and record one event (docs/adr/0029).
    this.watchTimer = setInterval(() => void this.watchRunning(), WATCH_INTERVAL_MS);
    this.watchTimer.unref();
  }

  /**
   * Completions and feedback stored before results were read from the experiment log are copied into it, once per
   * database (one scan of each collection, before the service answers). Two instances starting together may both
   * copy; a read counts each answer once.
   */
  private async copyIntoLogOnce(): Promise<void> {
    if (await this.log.backfilled()) return;
    let copied = 0;
    for await (const completion of this.completions.servedByExperiments()) {
      await this.log.answered(completion);
      if (++copied % COPY_FLUSH_ROWS === 0) await this.log.flushAll();
    }
    for await (const { _id, experiment, variant, outcome, at } of this.feedback.all()) {
      await this.log.feedbackGiven(experiment, [_id, variant, outcome, new Date(at).getTime()]);
      if (++copied % COPY_FLUSH_ROWS === 0) await this.log.flushAll();
    }
    await this.log.markBackfilled();
    if (copied > 0) this.logger.log(`${copied} answer(s) and feedback copied into the experiment log`);
  }

  onModuleDestroy(): void {
    clearInterval(this.watchTimer);
  }

  /** Reads the results of every running experiment, which stops any that breaches a guardrail or its split. */
  async watchRunning(): Promise<void> {
    for (const served of (await this.runningByPrompt().catch(() => new Map<string, ServedExperiment>())).values()) {
      if (served.fallback) continue;
      await this.results(served.key).catch((err: Error) =>
        this.logger.warn(`watching the experiment "${served.key}" failed: ${err.message}`),
      );
    }
  }

  /**
   * Starts the experiment (now or at `effectiveFrom`): its variants must still be published, and no other
   * experiment may run on the prompt, or be scheduled to: it must win the prompt's slot first.
   */
  override async publish(key: string, number: number, actor: string, request: PublishRequest) {
    const content = await this.resources.content(await this.resources.load(key), number);
    // From the check of its variants to its write, no version of the prompt is withdrawn (prompts.service.ts).
    return this.locks.serially([`prompt:${content.prompt}`], async () => {
      const state = await this.resources.load(key);
      await this.checkServable(state, content, request.effectiveFrom ? new Date(request.effectiveFrom) : new Date());
      await this.claimPrompt(content.prompt, key);
      try {
        return await super.publish(key, number, actor, request);
      } catch (err) {
        if (!(await this.holdsPrompt(key, content.prompt))) await this.slots.release(content.prompt, key);
        throw err;
      }
    });
  }

  /** Goes back to an earlier version: its variants must still be published (the prompt's slot is already held). */
  override async rollback(key: string, request: RollbackRequest, actor: string) {
    const content = await this.resources.content(await this.resources.load(key), request.version);
    return this.locks.serially([`prompt:${content.prompt}`], async () => {
      const state = await this.resources.load(key);
      const at = new Date();
      await this.checkServable(state, content, at);
      return super.rollback(key, request, actor, { state, at });
    });
  }

  /** Withdraws a scheduled start: the prompt's slot is freed unless the experiment still runs on it. */
  override async unschedule(key: string, number: number, actor: string, comment: string) {
    const content = await this.resources.content(await this.resources.load(key), number);
    return this.locks.serially([`prompt:${content.prompt}`], async () => {
      const checked = { state: await this.resources.load(key), at: new Date() };
      const prompts = await this.promptsOf(checked.state);
      const view = await super.unschedule(key, number, actor, comment, checked);
      for (const prompt of prompts) if (!(await this.holdsPrompt(key, prompt))) await this.slots.release(prompt, key);
      return view;
    });
  }

  async stop(key: string, actor: string, comment?: string) {
    // Read before archiving: an archived experiment holds no prompt, so afterwards there is nothing to ask.
    const state = await this.resources.load(key);
    // Stopped by a person or by its guardrails: "archived" would not tell the person what happened.
    if (state.archived)
      throw new ConflictError(`The experiment "${key}" is already stopped.`, 'archived', [
        { path: '/key', message: 'names a stopped experiment', keyword: 'archived', params: { what: 'experiment' } },
      ]);
    const prompts = await this.promptsOf(state);
    const stopped = await this.archive(key, actor, comment);
    for (const prompt of prompts) await this.slots.release(prompt, key);
    return stopped;
  }

  /** Starts an experiment described by a reviewed file (seed); nothing changes when it already runs as written. */
  override async importPublished(request: CreateExperimentRequest, actor: string, source: string): Promise<boolean> {
    return this.locks.serially([`prompt:${request.prompt}`], async () => {
      // A file loaded over an experiment that served: its split is kept, as a publication's is.
      const stored = await this.resources.load(request.key).catch((err: unknown) => {
        if (err instanceof NotFoundError) return null;
        throw err;
      });
      await this.checkServable(stored, contentOf(request));
      // A stopped experiment stays stopped whatever its file says: claiming its prompt again had kept a new
      // experiment on that prompt out for CLAIM_GRACE_MS after each seed (a command-line review).
      if (!stored?.archived) await this.claimPrompt(request.prompt, request.key);
      return super.importPublished(request, actor, source);
    });
  }

  /** The variant a subject sees for a prompt, if an experiment runs on it and covers the subject. */
  async variantFor(
    prompt: string,
    subjectId: string,
  ): Promise<{ experiment: string; variant: Variant; fallback?: true } | null> {
    const running = (await this.runningByPrompt()).get(prompt);
    if (!running) return null;
    // Stopped automatically: everyone gets the control's version, outside the experiment (nothing more to count).
    if (running.fallback) return { experiment: running.key, variant: running.fallback, fallback: true };
    const { salt, variants, coverage, hash } = running.content;
    const variant = assign(salt, subjectId, variants, coverage, hash ?? 'fnv1a');
    return variant ? { experiment: running.key, variant } : null;
  }

  /** The variants of the experiment serving `prompt` to subjects now (none when it stopped or none runs). */
  async servingVariants(prompt: string): Promise<readonly Variant[]> {
    const running = (await this.runningByPrompt()).get(prompt);
    return running && !running.fallback ? running.content.variants : [];
  }

  async recordFeedback(
    key: string,
    request: FeedbackRequest,
  ): Promise<{ completionId: string; variant: string; outcome: string }> {
    const completion = await this.completions.findById(request.completionId);
    if (!completion || completion.experiment !== key || !completion.variant) {
      throw new NotFoundError(`No answer "${request.completionId}" was served by the experiment "${key}".`, [
        { path: '/completionId', message: 'unknown for this experiment' },
      ]);
    }
    const at = new Date();
    await this.feedback.upsert({
      _id: request.completionId,
      experiment: key,
      variant: completion.variant,
      outcome: request.outcome,
      ...(request.value !== undefined && { value: request.value }),
      at,
    });
    await this.log.feedbackGiven(key, [request.completionId, completion.variant, request.outcome, at.getTime()]);
    return { completionId: request.completionId, variant: completion.variant, outcome: request.outcome };
  }

  /**
   * The results of the version in force (see results.ts). Reading them also watches the experiment: a breached
   * guardrail or a broken split stops it (docs/adr/0029).
   */
  async results(key: string) {
    const state = await this.resources.load(key);
    const number = versionInForce(state.publications, new Date()) ?? state.nextVersion - 1;
    const content = await this.resources.content(state, number);
    const slice = timeSlices();
    const running = !state.archived && versionInForce(state.publications, new Date()) !== null;
    // While it runs, the split check counts people whose requests have all ended: a call lasts at most
    // LLM_TIMEOUT_MS, retries included, and its row reaches the log within a second or two (ADR 0029).
    const settledBefore = running ? Date.now() - this.config.llmTimeoutMs - SETTLE_MARGIN_MS : Infinity;
    const { exposures, conversions, answers, people } = await resultsInputs(
      await this.log.read(key, slice),
      slice,
      settledBefore,
    );
    const prices = variantPrices(content, await this.modelsOf(content));
    const { alarm, ...results } = await computeResults(
      { key, content, running, exposures, conversions, answers, people, prices, halt: state.meta.halt },
      slice,
    );
    if (!running || !alarm) return results;
    const halt = await this.halt(key, content, alarm);
    return { ...results, running: false, halt };
  }

  /** The model each variant's prompt version calls (a version that cannot be read is left out: priced by default). */
  private async modelsOf(content: ExperimentContent): Promise<Map<string, string>> {
    const models = new Map<string, string>();
    for (const variant of content.variants) {
      const version = await this.prompts.versionContent(content.prompt, variant.version).catch(() => null);
      if (version) models.set(variant.name, version.model);
    }
    return models;
  }

  /**
   * Stops a running experiment on an alarm and sends everyone to the control: archived as a stop is, with the
   * reason in its record (the console's work queue reads it) and an `auto_stopped` audit event naming the metric,
   * its value and threshold. The change is a revision claim: an instance that loses the race finds the
   * experiment already stopped and changes nothing, so there is one stop and one event.
   */
  private async halt(key: string, content: ExperimentContent, alarm: Alarm): Promise<ExperimentHalt> {
    const control = content.variants[0]!;
    const halt: ExperimentHalt = {
      ...alarm,
      at: new Date().toISOString(),
      fallback: { variant: control.name, version: control.version },
      promptVersion: await this.prompts.versionInForce(content.prompt).catch(() => null),
    };
    const wording =
      alarm.reason === 'srm'
        ? `the split does not follow the weights (chi-square p = ${alarm.value.toPrecision(2)} < ${alarm.threshold})`
        : `${alarm.metric} of "${alarm.variant}" is ${alarm.value}, above its threshold ${alarm.threshold}`;
    const prompts = await this.promptsOf(await this.resources.load(key));
    const state = await this.resources.apply(key, (s) => {
      if (s.archived) return null;
      const stop = this.lifecycle.archive(s, WATCH_ACTOR, `Stopped automatically: ${wording}.`, new Date());
      stop.state.meta = { ...s.meta, halt };
      stop.events.push({
        actor: WATCH_ACTOR,
        action: 'experiment.auto_stopped',
        resourceType: 'experiment',
        resourceKey: key,
        reason: `Stopped automatically: ${wording}; every subject is served the control "${control.name}" (version ${control.version}).`,
        details: { ...halt },
      });
      return stop;
    });
    for (const prompt of prompts) await this.slots.release(prompt, key);
    return state.meta.halt ?? halt;
  }

  /** Which versions of `prompt` a running experiment serves, and as what (the control, or everyone's fallback). */
  async servedVersions(prompt: string): Promise<ServedVersion[]> {
    const running = (await this.runningByPrompt()).get(prompt);
    if (!running) {
      await this.prompts.versionInForce(prompt); // an unknown prompt is a 404, not "no experiment serves it"
      return [];
    }
    if (running.fallback)
      return [
        {
          experiment: running.key,
          variant: running.fallback.name,
          version: running.fallback.version,
          control: true,
          fallback: true,
        },
      ];
    return running.content.variants.map((v, i) => ({
      experiment: running.key,
      variant: v.name,
      version: v.version,
      control: i === 0,
      fallback: false,
    }));
  }

  /**
   * A prompt version an experiment serves (running, or scheduled to) stays in service: withdrawn, its subjects would
   * be refused (`unpublished_version`) while the experiment runs on; rolled back from, they would go on getting it.
   */
  private async assertNoExperimentServes(prompt: string, version: number): Promise<void> {
    // Archived (stopped) experiments are not listed: they serve nothing. Every page is read: the 1 001st
    // experiment by key was never asked.
    const pageSize = 1000;
    const states = [];
    for (let skip = 0, total = Infinity; skip < total; skip += pageSize) {
      const page = await this.states({ sortField: 'key', sortOrder: 'ASC', skip, limit: pageSize, filter: {} }, {});
      states.push(...page.items);
      total = page.total; // the list index's count: a page short of a missing document does not end the loop
    }
    for (const state of states) {
      for (const content of await this.servedContents(state)) {
        if (content.prompt === prompt && content.variants.some((v) => v.version === version))
          throw new ConflictError(
            `The experiment "${state.key}" serves version ${version} of "${prompt}" as its variant "${content.variants.find((v) => v.version === version)!.name}": stop it first.`,
            'experiment_running',
            [
              {
                path: '/version',
                message: `version ${version} is served by "${state.key}"`,
                keyword: 'servedBy',
                params: { experiment: state.key, version },
              },
            ],
          );
      }
    }
  }

  /**
   * What a version must be to serve (publishing, rolling back, loading from a file): the split it serves by is the
   * one it started with (`stored`, the experiment as it is, none for a new one), and its variants are published
   * versions of the prompt (in effect by `startsAt`).
   */
  private async checkServable(
    stored: ExperimentState | null,
    content: ExperimentContent,
    startsAt?: Date,
  ): Promise<void> {
    if (stored) await this.checkAssignmentKept(stored, content);
    await this.checkVariants(content, startsAt);
  }

  /**
   * Once an experiment has served, a version of it may change its coverage, guardrails and name, not who gets which
   * variant: other variants, weights, salt or hash would move subjects served already (assignment is sticky, ADR
   * 0023), and its results, read from every answer, would mix two splits and test them against the new weights (a
   * review saw 9:1 after 1:1 stop it on the split check). A new experiment measures a new split.
   */
  private async checkAssignmentKept(state: ExperimentState, content: ExperimentContent): Promise<void> {
    // The first publication, in effect or scheduled: a start scheduled for later serves with its split then, and a
    // second version scheduled after it would change the split on its date (review). Withdrawn ones are gone.
    const first = [...state.publications].sort(
      (a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.publishedAt.localeCompare(b.publishedAt),
    )[0];
    if (!first) return;
    const served = await this.resources.content(state, first.version);
    const split = (c: ExperimentContent) =>
      JSON.stringify([c.prompt, c.variants.map((v) => [v.name, v.version, v.weight]), c.salt, c.hash ?? 'fnv1a']);
    if (split(served) === split(content)) return;
    const changed = (['prompt', 'variants', 'salt', 'hash'] as const).filter(
      (field) => JSON.stringify(served[field] ?? null) !== JSON.stringify(content[field] ?? null),
    );
    throw new ConflictError(
      `Experiment "${state.key}" serves subjects by the variants and weights of version ${first.version} (or will, from its start): a version that changes them would move those subjects and mix two splits in its results. Change only its coverage, guardrails or name, or stop it and start a new experiment.`,
      'assignment_changed',
      changed.map((field) => ({
        path: `/${field}`,
        message: `differs from version ${first.version}, which serves subjects`,
        keyword: 'assignmentChanged',
        params: { version: first.version },
      })),
    );
  }

  /**
   * The variants name published versions of the prompt, each once; `startsAt` (publishing, rolling back): each
   * has taken effect by the experiment's start.
   */
  private async checkVariants(content: ExperimentContent, startsAt?: Date): Promise<void> {
    const problems: ErrorDetail[] = [];
    const names = content.variants.map((v) => v.name);
    names.forEach(
      (name, i) =>
        names.indexOf(name) !== i &&
        problems.push({
          path: `/variants/${i}/name`,
          message: `the variant name "${name}" is used twice`,
          keyword: 'duplicate',
          params: { value: name },
        }),
    );
    const since = await this.prompts.publishedSince(content.prompt).catch(() => null);
    if (!since) problems.push(namesNone('/prompt', 'prompt', `there is no prompt "${content.prompt}"`));
    else
      content.variants.forEach((v, i) => {
        const from = since.get(v.version);
        if (from === undefined)
          problems.push({
            path: `/variants/${i}/version`,
            message: `version ${v.version} of "${content.prompt}" is not published`,
            keyword: 'notPublished',
            params: { version: v.version },
          });
        // A version scheduled for later is not served before its date, by an experiment either.
        else if (startsAt !== undefined && Date.parse(from) > startsAt.getTime())
          problems.push({
            path: `/variants/${i}/version`,
            message: `version ${v.version} of "${content.prompt}" takes effect on ${from}: start the experiment then or later`,
          });
      });
    if (problems.length > 0) throw new ValidationError(`The experiment has ${problems.length} problem(s).`, problems);
  }

  /**
   * Wins the prompt's slot for the experiment, or says which experiment runs (or will run) on it. A slot left
   * by an experiment that no longer runs nor is scheduled (ended, or its publication failed) is taken over.
   */
  private async claimPrompt(prompt: string, key: string): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const holder = await this.slots.claim(prompt, key);
      if (holder === undefined) return;
      // A recent claim is a publication in progress: its experiment is not running yet, but it is about to.
      // Only a claim older than that, whose experiment never started (its publish failed or its process died),
      // may be taken over.
      const starting = Date.now() - holder.at.getTime() < CLAIM_GRACE_MS;
      if (starting || (await this.holdsPrompt(holder.experiment, prompt))) {
        throw new ConflictError(
          `The experiment "${holder.experiment}" already runs on the prompt "${prompt}", or is starting or scheduled to; stop it first.`,
          'experiment_running',
          [
            {
              path: '/prompt',
              message: `is taken by "${holder.experiment}"`,
              keyword: 'takenBy',
              params: { experiment: holder.experiment },
            },
          ],
        );
      }
      await this.slots.release(prompt, holder.experiment);
    }
    throw new ConflictError(
      `The prompt "${prompt}" is being claimed by several experiments at once; try again.`,
      'busy',
    );
  }

  /** Whether the experiment runs, or is scheduled to run, on the prompt. */
  private async holdsPrompt(key: string, prompt: string): Promise<boolean> {
    const state = await this.repository.get(key);
    return state !== null && (await this.promptsOf(state)).includes(prompt);
  }

  /** The prompts an experiment runs on now or is scheduled to (none once stopped). */
  private async promptsOf(state: ExperimentState): Promise<string[]> {
    return [...new Set((await this.servedContents(state)).map((c) => c.prompt))];
  }

  /** The contents an experiment serves now or is scheduled to: its version in force and its scheduled ones. */
  private async servedContents(state: ExperimentState): Promise<ExperimentContent[]> {
    if (state.archived) return [];
    const now = new Date();
    const numbers = new Set(
      [
        versionInForce(state.publications, now),
        ...scheduledPublications(state.publications, now).map((p) => p.version),
      ].filter((n): n is number => n !== null),
    );
    return Promise.all([...numbers].map((n) => this.resources.content(state, n)));
  }

  /**
   * The experiment serving each prompt: the running one, else the latest one stopped automatically, whose
   * control everyone gets while the prompt's version in force is still the one it was then (a new publication
   * of the prompt, or another experiment, ends the fallback).
   */
  private async runningByPrompt(): Promise<Map<string, ServedExperiment>> {
    const cached = this.running.cache;
    if (cached && Date.now() - cached.at < RUNNING_TTL_MS) return cached.byPrompt;
    const page = { sortField: 'key', sortOrder: 'ASC' as const, skip: 0, limit: 1000, filter: {} };
    const [{ items }, { items: archived }] = await Promise.all([
      this.states(page, {}),
      this.states(page, { archived: true }),
    ]);
    const byPrompt = new Map<string, ServedExperiment>();
    for (const state of items) {
      const number = versionInForce(state.publications, new Date());
      if (number === null) continue;
      const content = await this.resources.content(state, number);
      byPrompt.set(content.prompt, { key: state.key, content });
    }
    const halted = archived.filter((s) => s.meta.halt).sort((a, b) => b.meta.halt!.at.localeCompare(a.meta.halt!.at));
    const seen = new Set(byPrompt.keys());
    for (const state of halted) {
      const halt = state.meta.halt!;
      const number = versionInForce(state.publications, new Date(halt.at)) ?? state.nextVersion - 1;
      const content = await this.resources.content(state, number);
      if (seen.has(content.prompt)) continue; // a running experiment, or a later stop, decides
      seen.add(content.prompt);
      // The fallback ends for good with a publication of the prompt or another experiment on it: a rollback to the
      // version of the stop, or the stop of a later experiment, had brought the old fallback back (review).
      const prompt = await this.prompts.inForceSince(content.prompt).catch(() => null);
      if (!prompt || prompt.version !== halt.promptVersion) continue;
      if (prompt.since !== null && prompt.since > Date.parse(halt.at)) continue;
      if (await this.startedOnPromptSince([...items, ...archived], content.prompt, Date.parse(halt.at))) continue;
      const control = content.variants.find((v) => v.name === halt.fallback.variant) ?? content.variants[0]!;
      byPrompt.set(content.prompt, { key: state.key, content, fallback: control });
    }
    this.running.cache = { at: Date.now(), byPrompt };
    return byPrompt;
  }

  /** Whether one of the experiments started on `prompt` after `since` (ms): a publication that took effect then. */
  private async startedOnPromptSince(states: ExperimentState[], prompt: string, since: number): Promise<boolean> {
    const now = Date.now();
    for (const state of states)
      for (const publication of state.publications) {
        const at = Date.parse(publication.effectiveFrom);
        if (at <= since || at > now) continue;
        if ((await this.resources.content(state, publication.version)).prompt === prompt) return true;
      }
    return false;
  }
}

type ExperimentState = ResourceState<ExperimentMeta, ExperimentContent>;

/** What serves a prompt: a running experiment, or the control of one stopped automatically (`fallback`). */
interface ServedExperiment {
  key: string;
  content: ExperimentContent;
  fallback?: Variant;
}

/** An experiment's content as a create request or a file describes it, with the defaults filled in. */
function contentOf(request: CreateExperimentRequest): ExperimentContent {
  return {
    prompt: request.prompt,
    variants: request.variants.map((v) => ({ ...v })),
    salt: request.salt ?? request.key,
    hash: 'sha256',
    coverage: request.coverage ?? 1,
    primaryMetric: 'positive_feedback_rate',
    ...(request.guardrails && { guardrails: request.guardrails }),
  };
}
