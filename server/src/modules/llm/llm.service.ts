import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type Anthropic from '@anthropic-ai/sdk';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Counter, Histogram } from 'prom-client';
import { CallerGoneError } from '../../common/errors/caller-gone.js';
import { AnswerTooLargeError, cappedFetch, MAX_ANSWER_BYTES } from './capped-fetch.js';
import { HttpMetrics } from '../../common/metrics/http-metrics.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';
import {
  DependencyRefusedError,
  DependencyUnavailableError,
  TooManyRequestsError,
} from '../../common/errors/domain-errors.js';
import { toWellFormed } from '../../common/text/well-formed.js';

export interface CompletionRequest {
  model: string;
  maxTokens: number;
  system?: string;
  text: string;
  stopSequences?: string[];
  /** Aborted when the caller has gone: the call is given up (CallerGoneError). */
  signal?: AbortSignal;
}

export interface CompletionAnswer {
  text: string;
  usage: { inputTokens: number; outputTokens: number };
  stopReason: string | null;
}

type AnthropicModule = typeof import('@anthropic-ai/sdk');

/** A retry waits at least this long, doubling each time up to MAX_BACKOFF_MS, when the provider names no wait. */
const FIRST_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 8_000;

/**
 * Claude through the official SDK; provider failures become our errors. One deadline bounds the whole call,
 * retries and their waits included (`LLM_TIMEOUT_MS`): the SDK's own retries bounded each attempt only, and
 * waited out any Retry-After, so a provider answering 429 with `Retry-After: 3600` held a request for hours and
 * a hung one 3 × 30 s. Retries are ours: at most `LLM_MAX_RETRIES`, after the wait the provider asks for or a
 * doubling backoff, and only when that wait ends before the deadline; otherwise the caller gets the provider's
 * answer at once (a 429 with the provider's own Retry-After).
 * The SDK (about 7 MB of heap, more in code) is loaded at start only when a model is configured: an instance
 * that only evaluates rules never pays for it, and one that completes does not stall its first completion to
 * load it (docs/adr/0013).
 */
@Injectable()
export class LlmService implements OnModuleInit {
  private readonly options: ConstructorParameters<AnthropicModule['default']>[0] | null;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private client?: Promise<{ sdk: AnthropicModule['default']; client: Anthropic }>;
  private readonly calls: Counter<'model' | 'outcome'>;
  private readonly seconds: Histogram<'model'>;

  constructor(@Inject(APP_CONFIG) config: AppConfig, metrics: HttpMetrics) {
    this.options = config.anthropicApiKey
      ? {
          apiKey: config.anthropicApiKey,
          ...(config.anthropicBaseUrl && { baseURL: config.anthropicBaseUrl }),
          timeout: config.llmTimeoutMs,
          maxRetries: 0,
          fetch: cappedFetch(),
        }
      : null;
    this.timeoutMs = config.llmTimeoutMs;
    this.maxRetries = config.llmMaxRetries;
    const registers = [metrics.registry];
    this.calls = new Counter({
      name: 'gabarit_llm_requests_total',
      help: 'Calls to the language model, by model and outcome (ok, or the error code)',
      labelNames: ['model', 'outcome'],
      registers,
    });
    this.seconds = new Histogram({
      name: 'gabarit_llm_request_duration_seconds',
      help: 'Time for the language model to answer, retries included',
      labelNames: ['model'],
      buckets: [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64],
      registers,
    });
  }

  /**
   * Loads the SDK, and Node's own HTTP client it calls through, before the service listens: loaded at the first
   * completion they held the event loop 155 ms (compiling the SDK's modules) and then 32 ms (Node's fetch, loaded
   * on first use), during a request.
   */
  async onModuleInit(): Promise<void> {
    if (!this.options) return;
    await this.sdk();
    await fetch('data:,').then((response) => response.arrayBuffer());
  }

  private sdk(): Promise<{ sdk: AnthropicModule['default']; client: Anthropic }> {
    const options = this.options!;
    this.client ??= import('@anthropic-ai/sdk').then(({ default: sdk }) => ({ sdk, client: new sdk(options) }));
    return this.client;
  }

  get configured(): boolean {
    return this.options !== null;
  }

  /** Refuses at once when no model is configured: nothing could be answered, so nothing is tried. */
  assertConfigured(): void {
    if (!this.options)
      throw new DependencyUnavailableError(
        'No language model is configured (ANTHROPIC_API_KEY is not set); rendering still works.',
        'llm_not_configured',
      );
  }

  async complete(request: CompletionRequest): Promise<CompletionAnswer> {
    this.assertConfigured();
    const { sdk, client } = await this.sdk();
    const started = performance.now();
    const deadline = started + this.timeoutMs;
    for (let retries = 0; ; retries++) {
      try {
        const message = await client.messages.create(
          {
            model: request.model,
            max_tokens: request.maxTokens,
            ...(request.system && { system: request.system }),
            ...(request.stopSequences?.length && { stop_sequences: request.stopSequences }),
            messages: [{ role: 'user', content: request.text }],
          },
          {
            timeout: Math.max(1, Math.ceil(deadline - performance.now())),
            maxRetries: 0,
            ...(request.signal && { signal: request.signal }),
          },
        );
        const answer = readAnswer(message);
        this.observe(request.model, 'ok', started);
        return answer;
      } catch (err) {
        if (request.signal?.aborted) {
          this.observe(request.model, 'caller_gone', started);
          throw new CallerGoneError();
        }
        const tooLarge = (err as { cause?: unknown }).cause instanceof AnswerTooLargeError;
        const wait = retries < this.maxRetries && !tooLarge ? retryWait(sdk, err, retries) : null;
        if (wait !== null && performance.now() + wait < deadline) {
          const waited = await sleep(wait, true, request.signal ? { signal: request.signal } : {}).catch(() => false);
          if (waited) continue;
          this.observe(request.model, 'caller_gone', started);
          throw new CallerGoneError();
        }
        const mapped = mapProviderError(sdk, err);
        this.observe(request.model, (mapped as { code?: string }).code ?? 'error', started);
        throw mapped;
      }
    }
  }

  private observe(model: string, outcome: string, started: number): void {
    this.calls.labels(model, outcome).inc();
    this.seconds.labels(model).observe((performance.now() - started) / 1000);
  }
}

const MAX_ANSWER_MB = Math.round(MAX_ANSWER_BYTES / 1024 / 1024);

/** The provider sent something other than a message (its bug, or a proxy's page): not our caller's fault. */
class UnreadableAnswer extends Error {}

/** The answer's text, usage and stop reason; throws UnreadableAnswer when the message lacks them. */
function readAnswer(message: Anthropic.Message): CompletionAnswer {
  const { content, usage } = (message ?? {}) as Partial<Anthropic.Message>;
  if (!Array.isArray(content) || !isTokenCount(usage?.input_tokens) || !isTokenCount(usage?.output_tokens))
    throw new UnreadableAnswer('no content or usage');
  return {
    // Half a character (a lone surrogate) or a NUL from the provider is no text a caller, a spreadsheet of
    // answers or the database reads back whole: each becomes U+FFFD, the sign of a character lost (an API review).
    text: toWellFormed(content.map((block) => (block?.type === 'text' ? block.text : '')).join('')).replaceAll(
      '\u0000',
      '\uFFFD',
    ),
    usage: { inputTokens: usage.input_tokens, outputTokens: usage.output_tokens },
    stopReason: message.stop_reason ?? null,
  };
}

/**
 * A count of tokens: usage feeds costs, budgets and an experiment's guardrails, where 1e308 tokens made an
 * infinite cost the database would not store.
 */
const isTokenCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;

function mapProviderError(Anthropic: AnthropicModule['default'], err: unknown): Error {
  if (err instanceof Anthropic.RateLimitError) {
    return new TooManyRequestsError(
      'The language model provider is rate limiting requests; try again shortly.',
      providerRetryAfter(err, 30),
      'llm_rate_limited',
    );
  }
  if ((err as { cause?: unknown }).cause instanceof AnswerTooLargeError) {
    new Logger('Llm').warn(`the language model provider sent an answer past ${MAX_ANSWER_MB} MB`);
    return new DependencyUnavailableError(
      `The language model provider sent an answer larger than a model's answer can be (over ${MAX_ANSWER_MB} MB); it was not read.`,
      'llm_unavailable',
      10,
    );
  }
  if (err instanceof Anthropic.APIConnectionTimeoutError)
    return new DependencyUnavailableError('The language model did not answer in time.', 'llm_timeout', 5);
  if (err instanceof Anthropic.AuthenticationError || err instanceof Anthropic.PermissionDeniedError) {
    return new DependencyUnavailableError(
      'The language model provider refused our credentials; check ANTHROPIC_API_KEY.',
      'llm_misconfigured',
    );
  }
  if (err instanceof Anthropic.NotFoundError || err instanceof Anthropic.UnprocessableEntityError) {
    // The model the prompt names does not exist (claude-sonnet-4-7), or the request cannot be processed as built:
    // the prompt's to fix, not an outage to wait out, so the variant that calls it is charged (ADR 0029).
    const kind = providerErrorType(err.error) ?? (err.status === 404 ? 'not_found_error' : 'invalid_request_error');
    new Logger('Llm').warn(`the language model provider refused a request (${kind})`);
    return new DependencyRefusedError(
      `The language model provider refused the request (${kind}): check that the prompt's model exists.`,
      'llm_rejected',
    );
  }
  if (err instanceof Anthropic.BadRequestError) {
    // Only the kind of refusal is said: the provider's message may quote the prompt, and so the person's question.
    const kind = providerErrorType(err.error) ?? 'invalid_request_error';
    new Logger('Llm').warn(`the language model provider refused a request (${kind})`);
    return new DependencyRefusedError(
      `The language model provider refused the request (${kind}): check the prompt's model and maximum tokens, and the length of what its variables add.`,
      'llm_rejected',
    );
  }
  if (err instanceof Anthropic.APIError)
    return new DependencyUnavailableError(
      'The language model provider is unavailable; try again later.',
      'llm_unavailable',
      providerRetryAfter(err, 10),
    );
  // Anything else came from reading the provider's answer: a body that is not JSON (a SyntaxError, which must not
  // pass for the caller's invalid JSON), or a message without its parts. The provider failed, not the caller.
  // Only the error's kind is logged: its message may quote the answer, which may quote the person's question.
  new Logger('Llm').warn(`the language model provider's answer could not be read (${(err as Error)?.name})`);
  return new DependencyUnavailableError(
    'The language model provider sent an answer the service could not read; try again later.',
    'llm_unavailable',
    10,
  );
}

/**
 * How long to wait before trying again, or null when trying again cannot help: the kinds the SDK retries (no
 * connection or no answer in time, 408, 409, 429 and 5xx, unless the provider says `x-should-retry: false`),
 * after the provider's `retry-after-ms` or `retry-after` (seconds) when it sends one, else a doubling backoff
 * with a quarter of jitter.
 */
function retryWait(Anthropic: AnthropicModule['default'], err: unknown, retries: number): number | null {
  const backoff = Math.min(FIRST_BACKOFF_MS * 2 ** retries, MAX_BACKOFF_MS) * (1 - Math.random() * 0.25);
  if (err instanceof Anthropic.APIConnectionError) return backoff;
  if (!(err instanceof Anthropic.APIError) || err.status === undefined) return null;
  const shouldRetry = err.headers?.get?.('x-should-retry');
  if (shouldRetry === 'false') return null;
  const status = err.status;
  if (shouldRetry !== 'true' && status !== 408 && status !== 409 && status !== 429 && status < 500) return null;
  return askedWaitMs(err) ?? backoff;
}

type WithHeaders = { headers?: { get?(name: string): string | null } };

/** The longest wait the service passes on from the provider: a throttled provider asks for seconds, at most minutes. */
const MAX_RETRY_AFTER_SECONDS = 600;

/**
 * The wait the provider asks for, in milliseconds: `retry-after-ms`, else `retry-after` as a number of seconds;
 * undefined when it sent neither in a form we can read (an HTTP date, anything else).
 */
function askedWaitMs(err: WithHeaders): number | undefined {
  const ms = Number(err.headers?.get?.('retry-after-ms') ?? Number.NaN);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const seconds = Number(err.headers?.get?.('retry-after') ?? Number.NaN);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/**
 * The provider's own wait in whole seconds when it asked for one we can read (the fallback otherwise), so our
 * caller waits as long as the provider asked.
 */
function providerRetryAfter(err: WithHeaders, fallback: number): number {
  const ms = askedWaitMs(err);
  // Passed on to our callers: a provider asking for 10⁹ s (31 years) was repeated as it was (an API probe).
  return ms === undefined ? fallback : Math.min(MAX_RETRY_AFTER_SECONDS, Math.ceil(ms / 1000));
}

/** The `error.type` of the provider's error body (`invalid_request_error`), when it is a plain word. */
function providerErrorType(body: unknown): string | undefined {
  const type = (body as { error?: { type?: unknown } } | undefined)?.error?.type;
  return typeof type === 'string' && /^[a-z_]{1,64}$/.test(type) ? type : undefined;
}
