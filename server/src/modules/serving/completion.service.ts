import { createHmac } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';
import type { Principal } from '../../common/access/principal.js';
import { timeOrderedId } from '../../common/ids/time-ordered-id.js';
import { CompletionsRepository } from '../completions/completions.repository.js';
import { ExperimentsService } from '../experiments/experiments.service.js';
import { LlmService } from '../llm/llm.service.js';
import { PromptsService } from '../prompts/prompts.service.js';

/**
 * Serving a prompt to a subject: the experiment variant this subject is assigned to (or the version in force),
 * rendered, sent to the model, and recorded under a pseudonym. It sits above prompts and experiments, which
 * therefore never need each other.
 */
/**
 * Failures of the provider whatever the prompt (throttled, down, an answer it could not give, our credentials):
 * recorded, but charged to no experiment variant. Three rate-limited answers had stopped an experiment for the
 * variant's "error rate". A request refused or timed out stays the variant's: its prompt may be the cause.
 */
const PROVIDER_FAILURES = new Set(['llm_rate_limited', 'llm_unavailable', 'llm_misconfigured']);

@Injectable()
export class CompletionService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly prompts: PromptsService,
    private readonly experiments: ExperimentsService,
    private readonly completions: CompletionsRepository,
    private readonly llm: LlmService,
  ) {}

  async complete(key: string, variables: Record<string, unknown>, subjectId: string, principal: Principal) {
    const assigned = await this.experiments.variantFor(key, subjectId);
    const rendered = await this.prompts.render(key, variables, assigned?.variant.version ?? 'active', principal);
    // Without a model nothing is served: no completion to record, and no error to count against an experiment's
    // variant (a smoke test on an instance without ANTHROPIC_API_KEY stopped the running experiment). Checked
    // after the prompt is found: an unknown prompt is a 404 whatever the model.
    this.llm.assertConfigured();
    const completionId = timeOrderedId(); // the record's _id, in order as decisions' are
    const started = performance.now();
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
    const base = { _id: completionId, prompt: key, version: rendered.version, ...counted, subject, at: new Date() };
    try {
      const answer = await this.llm.complete({
        model: rendered.model,
        maxTokens: rendered.maxTokens,
        system: rendered.system ?? undefined,
        text: rendered.text,
        stopSequences: rendered.stopSequences,
      });
      await this.completions.insert({
        ...base,
        latencyMs: Math.round(performance.now() - started),
        usage: answer.usage,
        outcome: 'ok',
      });
      return {
        prompt: key,
        version: rendered.version,
        ...experiment,
        text: answer.text,
        usage: answer.usage,
        completionId,
      };
    } catch (err) {
      const code = (err as { code?: string }).code;
      await this.completions
        .insert({
          ...base,
          latencyMs: Math.round(performance.now() - started),
          outcome: code !== undefined && PROVIDER_FAILURES.has(code) ? 'unavailable' : 'error',
          error: code ?? (err as Error).message,
        })
        .catch(() => undefined);
      throw err;
    }
  }
}
