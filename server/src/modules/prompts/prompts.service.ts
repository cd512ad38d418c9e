import { performance } from 'node:perf_hooks';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';
import { diffLines } from 'diff';
import diffObjects from 'microdiff';
import { timeSlices } from '../../common/async/time-slices.js';
import { NotFoundError, ValidationError, type ErrorDetail } from '../../common/errors/domain-errors.js';
import { toErrorDetails } from '../../common/http/ajv.js';
import { checksumInTurns } from '../../common/json/checksum-in-turns.js';
import { AuditService } from '../audit/audit.service.js';
import type { Principal } from '../../common/access/principal.js';
import { GovernedResourceService, type GovernedKind } from '../governance/governed-resource.service.js';
import { hasTakenEffect, notInEffect, takesEffectOn, versionInForce } from '../governance/publications.js';
import type { ResourceState, Transition } from '../governance/versioned-resource.js';
import type { RollbackRequest } from '../governance/governed.contract.js';
import { LlmService } from '../llm/llm.service.js';
import { inputValidators } from '../rulesets/input-schemas.js';
import { validatePromptContent } from './prompt-validation.js';
import type { PromptContent, PromptMeta } from './prompt.types.js';
import type { FromSchema } from 'json-schema-to-ts';
import type { CreatePromptRequest, PreviewRequest, renderedSchema } from './prompts.contract.js';
import { PromptsRepository } from './prompts.repository.js';
import { failureText, textProblems, type CaseProblem } from './test-case-checks.js';
import { RenderLimitError, renderTemplate } from '../../engine/template-safety.js';
import { asModelText } from './variable-text.js';
import { SerialLocks } from '../../common/database/serial-locks.js';

/** A prompt rendered: what would be sent to the model, as the contract describes it. */
export type Rendered = FromSchema<typeof renderedSchema>;

/** What the prompts' evaluation runs tell the lifecycle (set by EvaluationService; docs/adr/0031). */
export interface EvaluationReader {
  /** The latest run of a version on that exact checksum (of that set, when named), or null. */
  latestRun(key: string, number: number, checksum: string, set?: string): Promise<EvaluationSummary | null>;
  /** When the prompt's evaluation set of that name was created, or null when it has none. */
  setCreatedAt(key: string, name: string): Promise<Date | null>;
}

export interface EvaluationSummary {
  id: string;
  set: string;
  budgetExhausted: boolean;
  stoppedBy: 'budget' | 'time' | 'caller_gone' | null;
  candidate: { passRate: { rate: number; interval: [number, number] }; skipped: number } & object;
  inForce: object | null;
}

/** Why a run that skipped cases proves nothing, and what to do about it. */
const SKIPPED_BECAUSE = {
  budget: 'when its token budget ran out: run it again with a larger budget',
  time: 'when its time (EVAL_RUN_BUDGET_MS) ran out: run it again when the model answers faster, or with more time',
  caller_gone: 'when its caller left before it ended: run it again',
} as const;

/** Shared by reference between the kind's hooks and the service (no closure over `this` in a constructor). */
interface Evaluations {
  reader?: EvaluationReader;
}

/** What is particular to prompts: their content is a template with settings, compared line by line. */
function promptKind(evaluations: Evaluations): GovernedKind<PromptMeta, PromptContent, CreatePromptRequest> {
  return {
    resourceType: 'prompt',
    label: 'prompt',
    split: ({ key, name, pilot, ...content }) => ({ key, meta: { name, pilot }, content: content as PromptContent }),
    validate: (content) => validatePromptContent(content),
    requiresTestRun: (content) => (content.tests?.length ?? 0) > 0,
    beforeSubmit: (content, _meta, { key }) => requireEvaluationSet(evaluations.reader, content, key),
    beforePublish: (content, _meta, version) => requireEvaluation(evaluations.reader, content, version),
    diff: (_meta, before, after) => promptDiff(before, after),
  };
}

/**
 * A version that requires an evaluation goes to review only when its set exists: the approver then sees the cases
 * the gate will count. Sets are never edited or deleted (docs/adr/0031), so what they approved stays what counts;
 * a set written after the approval could otherwise be made of cases anything passes.
 */
async function requireEvaluationSet(
  reader: EvaluationReader | undefined,
  content: PromptContent,
  key: string,
): Promise<void> {
  const required = content.settings?.requireEvaluation;
  if (!required || (reader && (await reader.setCreatedAt(key, required.set)) !== null)) return;
  throw new ValidationError(
    `The version requires a run of the evaluation set "${required.set}", which "${key}" does not have: create the set, then submit.`,
    [
      {
        path: '/settings/requireEvaluation/set',
        message: `names the evaluation set "${required.set}", which "${key}" does not have`,
      },
    ],
    'evaluation_set_missing',
  );
}

/**
 * A version whose settings require an evaluation is published only with a run of that set on its exact
 * checksum that evaluated every case (none skipped by the budget) and passed at least `minPassRate` of them;
 * and only with a set that existed when the version was approved (versions submitted before the submission
 * check, or a set restored into the database since).
 */
async function requireEvaluation(
  reader: EvaluationReader | undefined,
  content: PromptContent,
  { key, number, checksum, approvedAt }: { key: string; number: number; checksum: string; approvedAt?: string },
): Promise<void> {
  const required = content.settings?.requireEvaluation;
  if (!required) return;
  const path = '/settings/requireEvaluation';
  const refuse = (message: string) =>
    new ValidationError(
      `Version ${number} of "${key}" needs a passing run of the evaluation set "${required.set}" before it is published.`,
      [{ path, message }],
      'evaluation_required',
    );
  const created = reader ? await reader.setCreatedAt(key, required.set) : null;
  if (!reader || !created) throw refuse(`names the evaluation set "${required.set}", which "${key}" does not have`);
  if (approvedAt !== undefined && created.getTime() > Date.parse(approvedAt))
    throw refuse(
      `the evaluation set "${required.set}" was created after version ${number} was approved (${approvedAt}), so its approver never saw it: submit a new version for review`,
    );
  const run = await reader.latestRun(key, number, checksum, required.set);
  if (!run)
    throw refuse(
      `no run of "${required.set}" on version ${number} (checksum ${checksum.slice(0, 12)}…): run it (POST /api/v1/prompts/${key}/versions/${number}/evaluation-runs)`,
    );
  if (run.budgetExhausted || run.candidate.skipped > 0)
    throw refuse(`the latest run (${run.id}) skipped cases ${SKIPPED_BECAUSE[run.stoppedBy ?? 'budget']}`);
  if (run.candidate.passRate.rate < required.minPassRate)
    throw refuse(
      `the latest run (${run.id}) passed ${Math.round(run.candidate.passRate.rate * 1000) / 10} % of the cases, below the ${Math.round(required.minPassRate * 1000) / 10} % required`,
    );
}

/** Prompt templates under the same governance as rule sets, rendered safely and sent to Claude. */
@Injectable()
export class PromptsService extends GovernedResourceService<PromptMeta, PromptContent, CreatePromptRequest> {
  private readonly evaluations: Evaluations;

  constructor(
    repository: PromptsRepository,
    private readonly llm: LlmService,
    audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly locks: SerialLocks,
  ) {
    const evaluations: Evaluations = {};
    super(promptKind(evaluations), repository, audit);
    this.evaluations = evaluations;
  }

  /** The evaluation module tells how to read runs (publication gate, approval events). */
  useEvaluations(reader: EvaluationReader): void {
    this.evaluations.reader = reader;
  }

  /**
   * What must hold before a version is taken out of service: its scheduled publication withdrawn, or the version
   * in force rolled back from (experiments: none serves it).
   */
  private withdrawalGuard: (key: string, number: number) => Promise<void> = async () => undefined;

  /** The experiments module says which versions it serves: those stay in service while it runs. */
  guardWithdrawal(guard: (key: string, number: number) => Promise<void>): void {
    this.withdrawalGuard = guard;
  }

  // Withdrawing a version and an experiment starting on it each check the other: one at a time per prompt
  // (`prompt:<key>`, as experiments take it), or both checks pass and both changes land.
  override async unschedule(key: string, number: number, actor: string, comment: string) {
    return this.locks.serially([`prompt:${key}`], async () => {
      await this.withdrawalGuard(key, number);
      return super.unschedule(key, number, actor, comment);
    });
  }

  /**
   * A rollback takes the version in force out of service; an experiment serving it would go on serving it to its
   * variant's subjects, as if nothing had been rolled back.
   */
  override async rollback(key: string, request: RollbackRequest, actor: string) {
    return this.locks.serially([`prompt:${key}`], async () => {
      const checked = { state: await this.resources.load(key), at: new Date() };
      const inForce = versionInForce(checked.state.publications, checked.at);
      if (inForce !== null && inForce !== request.version) await this.withdrawalGuard(key, inForce);
      return super.rollback(key, request, actor, checked);
    });
  }

  /**
   * An approval carries the latest evaluation run of the approved content, as figures, and a gated publication
   * the run that met the gate (docs/adr/0031).
   */
  protected override async afterTransition(
    before: ResourceState<PromptMeta, PromptContent>,
    transition: Transition<PromptMeta, PromptContent>,
    action: 'approve' | 'reject' | 'publish',
    number: number,
  ): Promise<Transition<PromptMeta, PromptContent>> {
    const reader = this.evaluations.reader;
    if (action === 'reject' || !reader) return transition;
    const checksum = this.lifecycle.find(before, number).checksum;
    if (!checksum) return transition;
    const content = await this.resources.content(before, number);
    const required = content.settings?.requireEvaluation?.set;
    // A publication names the run that met its gate (beforePublish read the same one); an approval, the latest
    // run of the approved content: of the required set, else of any.
    if (action === 'publish' && !required) return transition;
    const run =
      (required && (await reader.latestRun(before.key, number, checksum, required).catch(() => null))) ||
      (action === 'approve' ? await reader.latestRun(before.key, number, checksum).catch(() => null) : null);
    if (!run) return transition;
    const [approved, ...rest] = transition.events;
    const details = { ...approved!.details, evaluation: run };
    return { ...transition, events: [{ ...approved!, details }, ...rest] };
  }

  /** The content of one version (404 when there is no such prompt or version). */
  async versionContent(key: string, number: number): Promise<PromptContent> {
    const state = await this.resources.load(key);
    this.lifecycle.find(state, number);
    return this.resources.content(state, number);
  }

  /** What an evaluation run compares: a version (its content and checksum) and the version in force, if any. */
  async evaluationTarget(key: string, number: number) {
    const state = await this.resources.load(key);
    this.lifecycle.find(state, number);
    const content = await this.resources.content(state, number);
    const active = versionInForce(state.publications, new Date());
    return {
      content,
      checksum: await checksumInTurns(content),
      inForce: active === null ? null : { version: active, content: await this.resources.content(state, active) },
    };
  }

  /** The version in force of a prompt, or null when it does not exist or nothing is published. */
  async inForce(key: string): Promise<{ version: number; content: PromptContent } | null> {
    const state = await this.repository.get(key);
    if (!state) return null;
    const active = versionInForce(state.publications, new Date());
    return active === null ? null : { version: active, content: await this.resources.content(state, active) };
  }

  /** Renders the version in force (or the one asked for) with variables validated first. */
  async render(
    key: string,
    variables: Record<string, unknown>,
    requested: number | 'active' | undefined,
    principal: Principal,
  ): Promise<Rendered> {
    const state = await this.resources.load(key);
    const number =
      requested === undefined || requested === 'active' ? versionInForce(state.publications, new Date()) : requested;
    if (number === null)
      throw new NotFoundError(`No version of the prompt "${key}" is published.`, [
        { path: '/key', message: 'has no version published' },
      ]);
    this.lifecycle.find(state, number);
    // A version only scheduled is published but must not be served before its date.
    if (!hasTakenEffect(state.publications, number, new Date()) && principal.kind !== 'user')
      throw notInEffect(key, number, state.publications, 'render');
    return renderContent(key, number, await this.resources.content(state, number), variables);
  }

  /** Renders unsaved edits over the draft (or the version a new draft would start from), checked like a save; stores nothing. */
  async preview(key: string, request: PreviewRequest): Promise<Rendered> {
    const { variables, ...edits } = request;
    const state = await this.resources.load(key);
    const number = state.draft?.version ?? versionInForce(state.publications, new Date()) ?? state.nextVersion - 1;
    const content = { ...(await this.resources.content(state, number)), ...(edits as Partial<PromptContent>) };
    await validatePromptContent(content);
    return renderContent(key, number, content, variables as Record<string, unknown>);
  }

  /** The version of a prompt in force now, if any (an experiment's automatic stop remembers it). */
  async versionInForce(key: string): Promise<number | null> {
    return versionInForce((await this.resources.load(key)).publications, new Date());
  }

  /**
   * The version in force, and when the latest publication that has taken effect did (a publication, a rollback or
   * a scheduled version reaching its date; ms, null when none has).
   */
  async inForceSince(key: string): Promise<{ version: number | null; since: number | null }> {
    const { publications } = await this.resources.load(key);
    const now = Date.now();
    const effective = publications.map((p) => Date.parse(p.effectiveFrom)).filter((at) => at <= now);
    return {
      version: versionInForce(publications, new Date(now)),
      since: effective.length === 0 ? null : Math.max(...effective),
    };
  }

  /**
   * When each published version of a prompt takes effect (its earliest publication), by number: an experiment
   * may serve a version from then on, not before.
   */
  async publishedSince(key: string): Promise<Map<number, string>> {
    const state = await this.resources.load(key);
    const since = new Map<number, string>();
    for (const { number } of state.versions) {
      const from = takesEffectOn(state.publications, number);
      if (from) since.set(number, from);
    }
    return since;
  }

  /**
   * Checks the rendered prompt offline; cases marked `needsModel` check the model's answer instead, when a
   * model is configured (otherwise they are reported as skipped). Publishing requires no failed case. The model
   * checks of one run share PROMPT_TEST_MODEL_BUDGET_MS (two minutes, what a person waits for with the page open;
   * evaluation sets, ADR 0031, are for longer runs): 200 such cases, each up to LLM_TIMEOUT_MS, held the request
   * for hours. Past the budget a case fails as not checked, so it cannot let a version through unchecked.
   */
  async test(key: string, number: number, actor: string) {
    const state = await this.resources.load(key);
    const content = await this.resources.content(state, number);
    const cases = [];
    // Each render may use its whole budget (a few milliseconds): 200 of them back to back held the loop 1.1 s.
    const slice = timeSlices();
    const budget = this.config.promptTestModelBudgetMs;
    const modelChecksEnd = performance.now() + budget;
    for (const test of content.tests ?? []) {
      await slice();
      if (test.needsModel && !this.llm.configured) {
        cases.push({ name: test.name, passed: true, skipped: true, failures: [] as string[], problems: [] });
        continue;
      }
      const problems: CaseProblem[] = [];
      if (test.needsModel && performance.now() > modelChecksEnd)
        problems.push({ kind: 'not_checked', seconds: Math.round(budget / 1000) });
      else {
        let text: string | undefined;
        try {
          const rendered = await renderContent(key, number, content, test.variables);
          text = test.needsModel
            ? (
                await this.llm.complete({
                  model: rendered.model,
                  maxTokens: rendered.maxTokens,
                  system: rendered.system ?? undefined,
                  text: rendered.text,
                  stopSequences: rendered.stopSequences,
                })
              ).text
            : [rendered.system ?? '', rendered.text].join('\n');
        } catch (err) {
          const code = (err as { code?: unknown }).code;
          // The variables' problems each at its path (« /variables/locale »): the code alone said « the content
          // has problems, each shown in its place » with no place shown.
          const details = (err as { details?: ErrorDetail[] }).details;
          problems.push({
            kind: 'error',
            code: typeof code === 'string' ? code : 'error',
            message: (err as Error).message,
            ...(details?.length && { details: details.slice(0, 5) }),
          });
        }
        if (text !== undefined) problems.push(...textProblems(text, test.expect));
      }
      cases.push({
        name: test.name,
        passed: problems.length === 0,
        failures: problems.map(failureText),
        problems,
        ...(test.needsModel && { checkedAnswer: true }),
      });
    }
    const summary = {
      passed: cases.filter((c) => c.passed && !('skipped' in c)).length,
      failed: cases.filter((c) => !c.passed).length,
      skipped: cases.filter((c) => 'skipped' in c).length,
    };
    const checksum = await checksumInTurns(content);
    await this.resources.apply(key, (s) =>
      this.lifecycle.recordTestRun(
        s,
        number,
        {
          checksum,
          passed: summary.passed,
          failed: summary.failed,
          ...(summary.skipped > 0 && { skipped: summary.skipped }),
        },
        actor,
        new Date(),
      ),
    );
    return { version: number, checksum, ...summary, cases };
  }
}

export async function renderContent(
  key: string,
  version: number,
  content: PromptContent,
  variables: Record<string, unknown>,
): Promise<Rendered> {
  const validate = await inputValidators.for(content.variablesSchema);
  const input = asModelText(variables);
  if (!validate(input))
    throw new ValidationError(
      'The variables do not match the prompt’s variables schema.',
      toErrorDetails(validate.errors, '/variables'),
    );
  const render = (template: string, field: 'template' | 'system') => {
    try {
      return renderTemplate(template, input);
    } catch (err) {
      if (err instanceof RenderLimitError)
        throw new ValidationError(
          `Rendering stopped: the prompt's ${field} ${err.message}.`,
          [{ path: `/${field}`, message: err.message, params: { limit: err.limit } }],
          'render_limit',
        );
      // Strict lookups fail on a variable the schema lets the caller leave out: that is the caller's input. So is
      // a TypeError: templates that cannot render are refused when saved, so what fails now is a value the schema
      // lets through and JavaScript cannot write (an object whose `toString` is a text, a number where
      // `{{x.y}}` reads a member). Anything else is the template's own fault, and names it.
      const reason = (err as Error).message.split('\n')[0] ?? '';
      const missing = /^"(.+)" not defined in /.exec(reason);
      throw new ValidationError(
        `The prompt could not be rendered: ${reason}`,
        [
          missing
            ? {
                path: '/variables',
                message: `a variable the template reads is missing ("${missing[1]}")`,
                keyword: 'template',
                params: { reason: 'missing_variable', name: missing[1] },
              }
            : err instanceof TypeError
              ? {
                  path: '/variables',
                  message: `holds a value the ${field} cannot write: ${reason}`,
                  keyword: 'template',
                  params: { reason: 'unwritable_value' },
                }
              : { path: `/${field}`, message: `cannot be rendered: ${reason}` },
        ],
        'render_failed',
      );
    }
  };
  return {
    prompt: key,
    version,
    system: content.system ? render(content.system, 'system') : null,
    text: render(content.template, 'template'),
    model: content.model,
    maxTokens: content.maxTokens,
    ...(content.stopSequences && { stopSequences: content.stopSequences }),
  };
}

/** Line diff of the templates plus field changes of the settings. */
function promptDiff(a: PromptContent, b: PromptContent) {
  const lines = (field: 'template' | 'system') =>
    diffLines(a[field] ?? '', b[field] ?? '')
      .filter((part) => part.added || part.removed)
      .map((part) => ({ field, kind: part.added ? 'added' : 'removed', text: part.value }));
  const { template: _t, system: _s, ...settingsA } = a;
  const { template: _t2, system: _s2, ...settingsB } = b;
  const settings = diffObjects(settingsA, settingsB).map((c) => ({
    path: `/${c.path.join('/')}`,
    before: 'oldValue' in c ? c.oldValue : undefined,
    after: 'value' in c ? c.value : undefined,
  }));
  return { template: lines('template'), system: lines('system'), settings };
}
