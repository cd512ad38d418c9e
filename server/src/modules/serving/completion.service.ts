import { createHmac } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';
import type { Principal } from '../../common/access/principal.js';
import { timeOrderedId } from '../../common/ids/time-ordered-id.js';
import { CallerGoneError } from '../../common/errors/caller-gone.js';
import { ValidationError } from '../../common/errors/domain-errors.js';
import type { CompletionDocument } from '../completions/completion.schema.js';
import { CompletionsRepository } from '../completions/completions.repository.js';
import { ExperimentsService } from '../experiments/experiments.service.js';
import { LlmService, type CompletionAnswer } from '../llm/llm.service.js';
import { PromptsService, type Rendered } from '../prompts/prompts.service.js';

/**
 * Failures of the provider whatever the prompt (throttled, down, an answer it could not give, our credentials):
 * recorded, but charged to no experiment variant. Three rate-limited answers had stopped an experiment for the
 * variant's "error rate". A request refused or timed out stays the variant's: its prompt may be the cause.
 */
const PROVIDER_FAILURES = new Set(['llm_rate_limited', 'llm_unavailable', 'llm_misconfigured']);

/** What an answer without text is recorded as: the variant's error, though the caller is answered 200. */
const EMPTY_ANSWER = 'empty_answer';
/** Variables every variant refuses: the caller's, recorded as served by none (no exposure, no variant's error). */
const REFUSED_BY_EVERY_VARIANT = 'refused_by_every_variant';

/**
 * Serving a prompt to a subject: the experiment variant this subject is assigned to (or the version in force),
 * rendered, sent to the model, and recorded under a pseudonym. It sits above prompts and experiments, which
 * therefore never need each other.
 */
@Injectable()
export class CompletionService {
  private readonly logger = new Logger('Completions');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly prompts: PromptsService,
    private readonly experiments: ExperimentsService,
    private readonly completions: CompletionsRepository,
    private readonly llm: LlmService,
  ) {}

  /** Whether a variant other than the one on `version` renders these variables: a refusal is then that version's. */
  private async anotherVariantRenders(
    key: string,
    version: number,
    variables: Record<string, unknown>,
    principal: Principal,
  ): Promise<boolean> {
    const others = new Set((await this.experiments.servingVariants(key)).map((variant) => variant.version));
    others.delete(version);
    for (const other of others) {
      const rendered = await this.prompts.render(key, variables, other, principal).then(
        () => true,
        () => false,
      );
      if (rendered) return true;
    }
    return false;
  }

  /** `callerGone` is aborted when the caller closes the request: the model call is given up. */
  async complete(
    key: string,
    variables: Record<string, unknown>,
    subjectId: string,
    principal: Principal,
    callerGone?: AbortSignal,
  ) {
    const started = performance.now();
    const assigned = await this.experiments.variantFor(key, subjectId);
    const completionId = timeOrderedId(); // the record's _id, in order as decisions' are
    // A keyed pseudonym: the same subject is recognisable across completions, and nobody without the key can
    // test a guessed identifier against the records.
    const subject = createHmac('sha256', this.config.subjectKey).update(subjectId).digest('hex').slice(0, 32);
    // An experiment stopped automatically serves its control to everyone, no longer as part of the experiment.
    const experiment =
      assigned && !assigned.fallback ? { experiment: assigned.experiment, variant: assigned.variant.name } : {};
    // A person trying the prompt in the console sees the variant a subject with that id would get, but is no
    // subject: the completion is recorded outside the experiment, so it counts in neither its results nor its
    // guardrails (console users cannot send the feedback that would make it a conversion either).
    const counted = principal.kind === 'user' ? {} : experiment;
    const record = (version: number, fields: Pick<CompletionDocument, 'outcome' | 'error' | 'usage' | 'stopReason'>) =>
      this.completions.insert({
        _id: completionId,
        prompt: key,
        version,
        ...counted,
        subject,
        at: new Date(),
        latencyMs: Math.round(performance.now() - started),
        ...fields,
      });

    let rendered: Rendered;
    try {
      rendered = await this.prompts.render(key, variables, assigned?.variant.version ?? 'active', principal);
    } catch (err) {
      // A variant whose version cannot render what callers send (a variable it needs that others do not) fails
      // for its share of subjects: that is its error rate. Unrecorded, its subjects vanished from its counts and
      // the split check stopped the experiment for a broken split instead (review). Variables every variant
      // refuses are the caller's doing, refused whatever the assignment: charged to the variant, a few callers
      // typing what the schema refuses stopped the experiment on its error-rate guardrail (an API probe).
      if (assigned && 'variant' in counted && err instanceof ValidationError) {
        const particular = await this.anotherVariantRenders(key, assigned.variant.version, variables, principal);
        await record(
          assigned.variant.version,
          particular
            ? { outcome: 'error', error: err.code }
            : { outcome: 'unavailable', error: REFUSED_BY_EVERY_VARIANT },
        ).catch(() => undefined);
      }
      throw err;
    }
    // Without a model nothing is served: no completion to record, and no error to count against an experiment's
    // variant (a smoke test on an instance without ANTHROPIC_API_KEY stopped the running experiment). Checked
    // after the prompt is found: an unknown prompt is a 404 whatever the model.
    this.llm.assertConfigured();
    let answer: CompletionAnswer;
    try {
      answer = await this.llm.complete({
        model: rendered.model,
        maxTokens: rendered.maxTokens,
        system: rendered.system ?? undefined,
        text: rendered.text,
        stopSequences: rendered.stopSequences,
        ...(callerGone && { signal: callerGone }),
      });
    } catch (err) {
      const gone = err instanceof CallerGoneError;
      const code = gone ? 'caller_gone' : (err as { code?: string }).code;
      // A caller who left got nothing: no exposure, and no fault of the variant's.
      const unavailable = gone || (code !== undefined && PROVIDER_FAILURES.has(code));
      await record(rendered.version, {
        outcome: unavailable ? 'unavailable' : 'error',
        error: code ?? (err as Error).message,
      }).catch(() => undefined);
      throw err;
    }
    // The answer is paid for: the caller gets it even when it cannot be recorded (the database did not answer),
    // told so by `logged`, as /evaluate does. Answering 503 « nothing was changed » lost an answer the caller
    // would pay for again, while the record could still land later (review).
    // An answer with no text (the model stopped at once, or refused with nothing written) reaches the caller,
    // who paid for it and sees its stop reason, but it served nobody: it is the variant's error, as a failed call
    // is. Counted as served, a variant answering nothing to part of its subjects looked healthy to every guardrail.
    const empty = answer.text.trim() === '';
    const logged = await record(rendered.version, {
      usage: answer.usage,
      outcome: empty ? 'error' : 'ok',
      ...(empty && { error: EMPTY_ANSWER }),
      stopReason: answer.stopReason,
    }).then(
      () => true,
      (err: Error) => {
        this.logger.warn(`a completion of "${key}" could not be recorded: ${err.message}`);
        return false;
      },
    );
    return {
      prompt: key,
      version: rendered.version,
      ...experiment,
      text: answer.text,
      usage: answer.usage,
      stopReason: answer.stopReason,
      completionId,
      logged,
    };
  }
}
