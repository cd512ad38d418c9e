import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { diffLines } from 'diff';
import diffObjects from 'microdiff';
import { ForbiddenError, NotFoundError, ValidationError } from '../../common/errors/domain-errors.js';
import type { Tagged } from '../../common/http/etag.interceptor.js';
import { toErrorDetails } from '../../common/http/ajv.js';
import type { ListPage, ListQuery } from '../../common/http/list-query.js';
import { checksumOf } from '../../common/json/canonical.js';
import { AuditService } from '../audit/audit.service.js';
import type { Principal } from '../../common/access/principal.js';
import { draftEtag } from '../governance/etag.js';
import { resourceView, taggedView, createdView } from '../governance/resource-view.js';
import { Lifecycle } from '../governance/lifecycle.js';
import { versionInForce, withDerivedStatuses } from '../governance/publications.js';
import { VersionedResourceService } from '../governance/versioned-resource.service.js';
import { LlmService } from '../llm/llm.service.js';
import { inputValidators } from '../rulesets/ruleset-validation.js';
import { validatePromptContent } from './prompt-validation.js';
import type { PromptContent, PromptMeta } from './prompt.types.js';
import type { PublishRequest } from '../rulesets/rulesets.contract.js';
import type { CreatePromptRequest, PreviewRequest, UpdatePromptDraftRequest } from './prompts.contract.js';
import { PromptsRepository } from './prompts.repository.js';
import { renderTemplate } from '../../engine/template-safety.js';

const PUBLISHED = new Set(['published', 'retired']);

export interface Rendered {
  prompt: string;
  version: number;
  system: string | null;
  text: string;
  model: string;
  maxTokens: number;
  stopSequences?: string[];
}

/** Prompt templates under the same governance as rule sets, rendered safely and sent to Claude. */
@Injectable()
export class PromptsService implements OnApplicationBootstrap {
  readonly lifecycle = new Lifecycle<PromptMeta, PromptContent>('prompt', 'prompt');
  private readonly resources: VersionedResourceService<PromptMeta, PromptContent>;

  constructor(
    private readonly repository: PromptsRepository,
    private readonly llm: LlmService,
    audit: AuditService,
  ) {
    this.resources = new VersionedResourceService(this.lifecycle, repository, audit, 'prompt');
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.repository.init();
    await this.resources.drainAll();
  }

  async create(request: CreatePromptRequest, actor: string): Promise<Tagged<ReturnType<typeof view>>> {
    const { key, name, pilot, ...content } = request;
    validatePromptContent(content as PromptContent);
    const state = await this.resources.create(
      this.lifecycle.create(key, { name, pilot }, content as PromptContent, actor, new Date()),
    );
    return createdView(tagged(state));
  }

  async get(key: string): Promise<Tagged<ReturnType<typeof view>>> {
    return tagged(await this.resources.load(key));
  }

  async list(query: ListQuery): Promise<ListPage<ReturnType<typeof view>>> {
    const f = query.filter;
    const { items, total } = await this.repository.list(query, {
      pilot: typeof f['pilot'] === 'string' ? f['pilot'] : undefined,
      q: typeof f['q'] === 'string' ? f['q'] : undefined,
    });
    return { items: items.map((s) => view(s)), total, skip: query.skip };
  }

  async updateDraft(
    key: string,
    request: UpdatePromptDraftRequest,
    ifMatch: string | undefined,
    actor: string,
  ): Promise<Tagged<ReturnType<typeof view>>> {
    const state = await this.resources.apply(key, async (current) => {
      const base =
        current.draft?.content ??
        (await this.resources.content(
          current,
          versionInForce(current.publications, new Date()) ?? current.nextVersion - 1,
        ));
      const content = { ...base, ...(request as Partial<PromptContent>) };
      const transition = this.lifecycle.editDraft(
        current,
        content,
        ifMatch,
        actor,
        new Date(),
        current.draft ? undefined : base,
      );
      validatePromptContent(content);
      return transition;
    });
    return tagged(state);
  }

  async version(key: string, number: number) {
    const state = await this.resources.load(key);
    const record = this.lifecycle.find(state, number);
    return {
      body: { id: number, ...record, content: await this.resources.content(state, number) },
      etag: draftEtag('prompt', state),
    };
  }

  async transition(
    key: string,
    number: number,
    action: 'submit' | 'approve' | 'reject',
    actor: string,
    comment?: string,
  ) {
    const state = await this.resources.apply(key, async (s) => {
      if (action === 'submit') return this.lifecycle.submit(s, number, actor, comment, new Date());
      if (action === 'approve') return this.lifecycle.approve(s, number, actor, comment, new Date());
      return this.lifecycle.reject(s, number, actor, comment, new Date(), await this.resources.content(s, number));
    });
    return view(state);
  }

  async publish(key: string, number: number, actor: string, request: PublishRequest) {
    const state = await this.resources.apply(
      key,
      async (s) => {
        const content = await this.resources.content(s, number);
        return this.lifecycle.publish(
          s,
          number,
          actor,
          { ...request, requiresTestRun: (content.tests?.length ?? 0) > 0 },
          new Date(),
        );
      },
      { refuseIfPublicationsMoved: true },
    );
    return view(state);
  }

  async rollback(key: string, number: number, actor: string, comment: string) {
    return view(
      await this.resources.apply(key, (s) => this.lifecycle.rollback(s, number, actor, comment, new Date()), {
        refuseIfPublicationsMoved: true,
      }),
    );
  }

  /** Line diff of the templates plus field changes of the settings. */
  async diff(key: string, from: number, to: number) {
    const state = await this.resources.load(key);
    const [a, b] = await Promise.all([
      this.resources.content(state, this.lifecycle.find(state, from).number),
      this.resources.content(state, this.lifecycle.find(state, to).number),
    ]);
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
    return { from, to, template: lines('template'), system: lines('system'), settings };
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
    if (number === null) throw new NotFoundError(`No version of the prompt "${key}" is published.`);
    const record = this.lifecycle.find(state, number);
    if (!PUBLISHED.has(record.status) && principal.kind !== 'user')
      throw new ForbiddenError(
        `Version ${number} of "${key}" is not published; only console users may render it.`,
        'unpublished_version',
      );
    return renderContent(key, number, await this.resources.content(state, number), variables);
  }

  /** Renders unsaved edits over the draft (or the version a new draft would start from), checked like a save; stores nothing. */
  async preview(key: string, request: PreviewRequest): Promise<Rendered> {
    const { variables, ...edits } = request;
    const state = await this.resources.load(key);
    const number = state.draft?.version ?? versionInForce(state.publications, new Date()) ?? state.nextVersion - 1;
    const content = { ...(await this.resources.content(state, number)), ...(edits as Partial<PromptContent>) };
    validatePromptContent(content);
    return renderContent(key, number, content, variables as Record<string, unknown>);
  }

  /** Publishes a reviewed file's content as a new version unless it is already in force; true when it changed. */
  async importPublished(request: CreatePromptRequest, actor: string, source: string): Promise<boolean> {
    const { key, name, pilot, ...content } = request;
    validatePromptContent(content as PromptContent);
    const state = await this.resources.upsert(key, (current) =>
      this.lifecycle.importPublished(
        current,
        key,
        current?.meta ?? { name, pilot },
        content as PromptContent,
        actor,
        source,
        new Date(),
      ),
    );
    return state !== null;
  }

  /** Published version numbers of a prompt (experiments may only test those). */
  async publishedVersions(key: string): Promise<Set<number>> {
    const state = await this.resources.load(key);
    return new Set(
      withDerivedStatuses(state.versions, state.publications, new Date())
        .filter((v) => PUBLISHED.has(v.status))
        .map((v) => v.number),
    );
  }

  /**
   * Checks the rendered prompt offline; cases marked `needsModel` check the model's answer instead, when a
   * model is configured (otherwise they are reported as skipped). Publishing requires no failed case.
   */
  async test(key: string, number: number, actor: string) {
    const state = await this.resources.load(key);
    const content = await this.resources.content(state, number);
    const cases = [];
    for (const test of content.tests ?? []) {
      if (test.needsModel && !this.llm.configured) {
        cases.push({ name: test.name, passed: true, skipped: true, failures: [] as string[] });
        continue;
      }
      let text = '';
      const failures: string[] = [];
      try {
        const rendered = renderContent(key, number, content, test.variables);
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
        failures.push((err as Error).message);
      }
      for (const needle of test.expect.contains ?? [])
        if (!text.includes(needle)) failures.push(`does not contain "${needle}"`);
      for (const needle of test.expect.notContains ?? [])
        if (text.includes(needle)) failures.push(`contains "${needle}"`);
      if (test.expect.maxLength !== undefined && text.length > test.expect.maxLength)
        failures.push(`is ${text.length} characters, more than ${test.expect.maxLength}`);
      cases.push({
        name: test.name,
        passed: failures.length === 0,
        failures,
        ...(test.needsModel && { checkedAnswer: true }),
      });
    }
    const summary = {
      passed: cases.filter((c) => c.passed && !('skipped' in c)).length,
      failed: cases.filter((c) => !c.passed).length,
      skipped: cases.filter((c) => 'skipped' in c).length,
    };
    const checksum = checksumOf(content);
    await this.resources.apply(key, (s) =>
      this.lifecycle.recordTestRun(
        s,
        number,
        { checksum, passed: summary.passed, failed: summary.failed },
        actor,
        new Date(),
      ),
    );
    return { version: number, checksum, ...summary, cases };
  }
}

function renderContent(
  key: string,
  version: number,
  content: PromptContent,
  variables: Record<string, unknown>,
): Rendered {
  const validate = inputValidators.for(content.variablesSchema);
  const input = structuredClone(variables);
  if (!validate(input))
    throw new ValidationError(
      'The variables do not match the prompt’s variables schema.',
      toErrorDetails(validate.errors, '/variables'),
    );
  const render = (template: string) => {
    try {
      return renderTemplate(template, input);
    } catch (err) {
      throw new ValidationError(
        `The prompt could not be rendered: ${(err as Error).message.split('\n')[0]}`,
        [{ path: '/variables', message: 'a variable the template reads is missing' }],
        'render_failed',
      );
    }
  };
  return {
    prompt: key,
    version,
    system: content.system ? render(content.system) : null,
    text: render(content.template),
    model: content.model,
    maxTokens: content.maxTokens,
    ...(content.stopSequences && { stopSequences: content.stopSequences }),
  };
}

const view = (state: Parameters<typeof resourceView>[0]) => resourceView(state);

function tagged(state: Parameters<typeof resourceView>[0]) {
  return taggedView('prompt', state);
}
