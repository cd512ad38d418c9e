import { isDeepStrictEqual } from 'node:util';
import { createHmac } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { OutboxDrain } from '../audit/outbox-drain.js';
import type { OutboxItem } from '../audit/outbox.js';
import { Gauge } from 'prom-client';
import { actorName, type Principal } from '../../common/access/principal.js';
import { scopesAllow, type ScopeAction } from '../../common/access/scopes.js';
import { ConflictError, NotFoundError, ValidationError, namesNone } from '../../common/errors/domain-errors.js';
import { unstorableKeys } from '../../common/database/storable-keys.js';
import type { ListPage, ListQuery } from '../../common/http/list-query.js';
import { within } from '../../common/async/within.js';
import { HttpMetrics } from '../../common/metrics/http-metrics.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';
import { AuditService } from '../audit/audit.service.js';
import { decisionNotFound, EvaluationService } from '../evaluation/evaluation.service.js';
import { decisionIdSpellings } from '../evaluation/decision-id-spellings.js';
import { buildReceipt, type Receipt } from './receipt.js';
import type { Language } from './receipt-messages.js';

/** How long a /metrics scrape waits for the review counts before it gives the last ones known. */
const SCRAPE_WAIT_MS = 1_000;
import type { DecideReviewRequest, ReviewsFilter, ReviewView, SubmitReviewRequest } from './reviews.contract.js';
import { ReviewsRepository, type ReviewDecisionDocument, type ReviewRequestDocument } from './reviews.repository.js';
import { TO_A_PERSON, VersionOutcomes } from './version-outcomes.js';
import { ReviewQueue } from './review-queue.js';

const DAY_MS = 86_400_000;

/** Requests with the same words on one decision, each decided before the next: a bound on the series. */
const MAX_ROUNDS = 50;

/**
 * Receipts of automated decisions about persons, and the review requests that follow them (docs/adr/0030):
 * the person is told what was decided from what and why, and may have a staff member review it.
 */
@Injectable()
export class ReviewsService implements OnApplicationBootstrap {
  private readonly dueDays: number;
  private readonly idKey: Buffer;
  private readonly queue: ReviewQueue;
  private readonly requestEvents: OutboxDrain;
  private readonly decisionEvents: OutboxDrain;
  private readonly logger = new Logger('Reviews');

  constructor(
    private readonly evaluation: EvaluationService,
    private readonly repository: ReviewsRepository,
    private readonly audit: AuditService,
    private readonly outcomes: VersionOutcomes,
    @Inject(APP_CONFIG) config: AppConfig,
    metrics: HttpMetrics,
  ) {
    this.dueDays = config.reviewDueDays;
    this.idKey = config.subjectKey;
    this.queue = new ReviewQueue(repository, audit.feed);
    this.requestEvents = new OutboxDrain(audit, 'review request', (id, items) =>
      repository.removeRequestOutbox(id, items),
    );
    this.decisionEvents = new OutboxDrain(audit, 'review decision', (id, items) =>
      repository.removeDecisionOutbox(id, items),
    );
    type Counts = Awaited<ReturnType<ReviewQueue['counts']>>;
    let known: Counts | null = null;
    let latest: Promise<Counts | null> | undefined;
    // The three series of one scrape share one count, from the queue's rows in memory (four counts by the
    // database read every request each scrape). A database that fails, or does not answer within a second, leaves
    // the last counts known: a frozen one held /metrics for 5–8 s, past a scraper's timeout.
    const read = () =>
      (latest ??= within(
        this.queue.counts(new Date()).then(
          (counts) => (known = counts),
          () => known,
        ),
        SCRAPE_WAIT_MS,
        () => known,
      ).finally(() => (latest = undefined)));
    new Gauge({
      name: 'gabarit_review_requests_open',
      help: 'Review requests of automated decisions waiting for a reviewer',
      registers: [metrics.registry],
      async collect() {
        this.set((await read().catch(() => null))?.open ?? 0);
      },
    });
    new Gauge({
      name: 'gabarit_review_requests_overdue',
      help: 'Open review requests past their due date (REVIEW_DUE_DAYS after submission)',
      registers: [metrics.registry],
      async collect() {
        this.set((await read().catch(() => null))?.overdue ?? 0);
      },
    });
    new Gauge({
      name: 'gabarit_review_requests_closed',
      help: 'Review requests decided, by outcome (confirmed or overridden)',
      labelNames: ['outcome'],
      registers: [metrics.registry],
      async collect() {
        const c = await read().catch(() => null);
        this.set({ outcome: 'confirmed' }, c?.confirmed ?? 0);
        this.set({ outcome: 'overridden' }, c?.overridden ?? 0);
      },
    });
  }

  /**
   * The receipt of a decision about a person, in French or English. Every read is audited (`decision.receipt_issued`):
   * a receipt is what is printed or handed over, whether the console prints it or a system forwards the JSON.
   * `issued` false (a HEAD) builds it without recording it: nothing is handed over.
   */
  async receipt(id: string, lang: Language, principal: Principal, issued = true): Promise<Receipt> {
    const { view, content, name, personalValuesShown } = await this.aboutPerson(id, principal, 'decisions:receipt');
    // A staff member may have confirmed or replaced the decision since: the receipt says what holds now.
    // An override holds until another replaces it, whatever a later confirmation said (it confirmed that one).
    const requests = await this.rollForward(await this.repository.byDecision(view.id));
    const pending = requests.filter((r) => r.status === 'open').at(-1); // the latest received (by submittedAt)
    const decided = requests
      .filter((r) => r.status === 'closed' && r.decidedAt && r.outcome)
      .sort((a, b) => a.decidedAt!.getTime() - b.decidedAt!.getTime());
    const reviewed = decided.filter((r) => r.outcome === 'overridden').at(-1) ?? decided.at(-1);
    const event = issued
      ? await this.audit.record({
          actor: actorName(principal),
          action: 'decision.receipt_issued',
          resourceType: 'decision',
          resourceKey: view.id,
          version: view.version,
          details: { ruleset: view.ruleset, lang, personalValuesShown },
        })
      : undefined;
    return buildReceipt(
      {
        decision: { ...view, id: view.id },
        ...(name && { rulesetName: name }),
        inputSchema: content.inputSchema,
        personalValuesShown,
        audit: { id: event?.id ?? 'unrecorded', ...(event && { hash: event.hash }) },
        ...(reviewed && {
          review: {
            outcome: reviewed.outcome!,
            decidedAt: reviewed.decidedAt!,
            // The reviewer's words may repeat the values a reader without the grant does not see.
            ...(personalValuesShown && { reason: reviewed.reason ?? '' }),
            ...(reviewed.newDecision && { newDecision: reviewed.newDecision }),
          },
        }),
        ...(pending && { pending: { submittedAt: pending.submittedAt, dueAt: pending.dueAt } }),
      },
      lang,
    );
  }

  /** Records a person's observations on a decision: an open request, due REVIEW_DUE_DAYS later. */
  async submit(decisionId: string, body: SubmitReviewRequest, principal: Principal): Promise<ReviewView> {
    const { view } = await this.aboutPerson(decisionId, principal, 'decisions:review-request');
    const now = new Date();
    const request: ReviewRequestDocument = {
      _id: this.requestId(view.id, actorName(principal), body),
      decisionId: view.id,
      ruleset: view.ruleset,
      version: view.version,
      automatedDecision: view.events as ReviewRequestDocument['automatedDecision'],
      observations: body.observations,
      ...(body.receivedVia && { receivedVia: body.receivedVia }),
      submittedBy: actorName(principal),
      // A reviewer may not read the keys: the key's name is kept with the request, as it was when it was sent.
      ...(principal.kind === 'apiKey' && { submitterName: principal.name }),
      submittedAt: now,
      dueAt: new Date(now.getTime() + this.dueDays * DAY_MS),
      status: 'open',
      listed: true,
    };
    // The same observations on the same decision, sent again (a retry, a double click): the request stands once,
    // and its audit event is recorded once too (recordOnce), even if the first sender's process died in between.
    // The same words again once a request with them was decided: the next request, under the next id of the same
    // series, so retries of it stand once too (a random id made five requests of five retries; review).
    // Its audit event is stored with it (an outbox, docs/adr/0005): a process stopping before the event is written
    // leaves it for the next start, and the queues of other instances learn of the request from that event.
    for (let round = 2; !(await this.repository.insert({ ...request, outbox: [submittedEvent(request)] })); round++) {
      const [stored] = await this.rollForward(await this.repository.findById(request._id).then((r) => (r ? [r] : [])));
      if (stored?.status === 'open') {
        await this.auditSubmitted(stored);
        return (await this.withOutcomes([toView(stored, now)]))[0]!;
      }
      if (round > MAX_ROUNDS)
        throw new ConflictError(
          `The same observations were already recorded and decided ${MAX_ROUNDS} times for this decision.`,
          'conflict',
          [{ path: '/observations', message: `were recorded and decided ${MAX_ROUNDS} times already` }],
        );
      request._id = this.requestId(view.id, actorName(principal), body, round);
    }
    this.queue.touch(request._id);
    await this.auditSubmitted(request);
    return (await this.withOutcomes([toView(request, now)]))[0]!;
  }

  /**
   * A request's id, from what makes it the same request: the decision, who recorded it, how it was received and
   * the observations. A retry (ten at once, a double click) stores one request, where ten ids made ten. Keyed
   * (HMAC with the subject key) since the id is in URLs and the audit trail, which must not let anyone test a
   * guess at the observations' words. Shaped as a UUID (version 8).
   */
  private requestId(decisionId: string, by: string, body: SubmitReviewRequest, round = 1): string {
    // The first of a series keeps the id it always had; the later ones are numbered.
    const what = [decisionId, by, body.receivedVia ?? null, body.observations, ...(round > 1 ? [round] : [])];
    const hex = createHmac('sha256', this.idKey).update(JSON.stringify(what)).digest('hex');
    const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  /** Records a stored request's event (once, by its id) and empties its outbox; later if the trail fails now. */
  private auditSubmitted(request: ReviewRequestDocument): Promise<void> {
    return this.requestEvents.afterCommit(request._id, [submittedEvent(request)]);
  }

  /** The review requests made about one decision, oldest first: what became of the person's observations. */
  async ofDecision(decisionId: string, principal: Principal): Promise<ReviewView[]> {
    // Requests outlive the decision record (kept DECISION_RETENTION_DAYS): they are found without it, under the
    // same spellings of its id as the record.
    let requests: ReviewRequestDocument[] = [];
    for (const spelling of decisionIdSpellings(decisionId)) {
      requests = await this.repository.byDecision(spelling);
      if (requests.length > 0) break;
    }
    if (requests.length === 0) await this.aboutPerson(decisionId, principal, null); // 404 or 409 said as for a receipt
    const now = new Date();
    return this.withOutcomes((await this.rollForward(requests)).map((r) => toView(r, now)));
  }

  /** A page of the queue: selected from the rows in memory (review-queue.ts), its requests read by `_id`. */
  async list({ status, ruleset }: ReviewsFilter, query: ListQuery): Promise<ListPage<ReviewView>> {
    const { ids, total } = await this.queue.select({ status, ruleset }, query);
    const found = await Promise.all(ids.map((id) => this.repository.findById(id)));
    const now = new Date();
    const requests = await this.rollForward(found.filter((r): r is ReviewRequestDocument => r !== null));
    const items = await this.withOutcomes(requests.map((r) => toView(r, now)));
    return { items, total, skip: query.skip };
  }

  async one(id: string): Promise<ReviewView> {
    const request = await this.repository.findById(id);
    if (!request)
      throw new NotFoundError(`No review request with id "${id}".`, [
        namesNone('/id', 'review_request', 'names no review request'),
      ]);
    const [current] = await this.rollForward([request]);
    const [view] = await this.withOutcomes([toView(current!, new Date())]);
    return view!;
  }

  /**
   * Confirms or overrides the automated decision. The reviewer's decision is one insert keyed by the request's
   * id: of two reviewers deciding at once, one wins and the other gets 409. The automated decision record is not
   * touched; an override is kept beside it, on the request.
   */
  async decide(id: string, body: DecideReviewRequest, principal: Principal): Promise<ReviewView> {
    if (body.outcome === 'overridden' && !body.newDecision)
      throw new ValidationError('An override names the decision made instead.', [
        { path: '/newDecision', message: 'is required when outcome is "overridden"' },
      ]);
    if (body.outcome === 'confirmed' && body.newDecision)
      throw new ValidationError('A confirmation keeps the automated decision.', [
        { path: '/newDecision', message: 'must be absent when outcome is "confirmed"' },
      ]);
    const unstorable = unstorableKeys(body.newDecision?.params, '/newDecision/params');
    if (unstorable.length > 0)
      throw new ValidationError('The decision made instead has keys the database cannot store.', unstorable);
    const request = await this.repository.findById(id);
    if (!request)
      throw new NotFoundError(`No review request with id "${id}".`, [
        namesNone('/id', 'review_request', 'names no review request'),
      ]);
    // « Sent to a staff member for review », confirmed, decides nothing: the person's receipt said the decision
    // was confirmed and gave none (a console review). The reviewer makes the decision the case was sent for.
    if (body.outcome === 'confirmed' && (request.automatedDecision ?? []).some((e) => e.type === TO_A_PERSON))
      throw new ValidationError('The automated decision sent the case to a person: decide it, do not confirm it.', [
        {
          path: '/outcome',
          message: `cannot confirm "${TO_A_PERSON}", which decides nothing: override it with the decision made`,
          keyword: 'nothingToConfirm',
        },
      ]);
    if (body.newDecision) {
      await this.assertOutcomeOf(request, body.newDecision.type);
      if (sameAsAutomated(request.automatedDecision ?? [], body.newDecision))
        throw new ValidationError('An override changes the decision; this one is the automated decision itself.', [
          {
            path: '/newDecision',
            message: 'is the automated decision itself: confirm it instead',
            keyword: 'sameAsAutomated',
          },
        ]);
    }
    const decision: ReviewDecisionDocument = {
      _id: id,
      decisionId: request.decisionId,
      outcome: body.outcome,
      reason: body.reason,
      ...(body.newDecision && { newDecision: body.newDecision as ReviewDecisionDocument['newDecision'] }),
      decidedBy: actorName(principal),
      decidedAt: new Date(),
    };
    decision.outbox = [decidedEvent(request, decision)];
    if (!(await this.repository.insertDecision(decision))) {
      await this.rollForward([request]);
      throw new ConflictError(`Review request "${id}" was already decided.`, 'review_closed', [
        { path: '/outcome', message: 'the request is closed; its decision stands' },
      ]);
    }
    this.queue.touch(id);
    await this.complete(request, decision);
    return toView({ ...request, ...closedFields(decision) }, new Date());
  }

  /**
   * An override decides one of the outcomes the reviewed version gives: the systems that act on decisions know
   * those, a receipt words them, and a typed `aprove` or another pilot's outcome would be acted on by nobody.
   */
  private async assertOutcomeOf(request: ReviewRequestDocument, type: string): Promise<void> {
    const outcomes = await this.outcomes.of(request.ruleset, request.version);
    if (!outcomes.includes(type))
      throw new ValidationError(
        `"${type}" is not an outcome of "${request.ruleset}" version ${request.version}; decide one it gives.`,
        [{ path: '/newDecision/type', message: `must be one of: ${outcomes.join(', ')}` }],
      );
  }

  /**
   * Open views with the outcomes a reviewer may choose from (closed ones are decided). A version that cannot be
   * read leaves its view without them rather than failing the whole queue; deciding then says why.
   */
  private async withOutcomes(views: ReviewView[]): Promise<ReviewView[]> {
    for (const view of views)
      if (view.status === 'open')
        await this.outcomes.of(view.ruleset, view.version).then(
          (outcomes) => (view.outcomes = outcomes),
          () => undefined,
        );
    return views;
  }

  /**
   * Copies a recorded decision into its request, then audits it (once, by id) and empties the decision's outbox:
   * after a win, for one found left halfway by a read, or at start. A trail that cannot be written now does not
   * fail the reviewer: the event waits in the outbox and is recorded 2 s later, or at the next start.
   */
  private async complete(request: ReviewRequestDocument, decision: ReviewDecisionDocument): Promise<void> {
    await this.repository.close(decision);
    if (decision.outbox?.length) return this.decisionEvents.afterCommit(decision._id, decision.outbox);
    // Decided before decisions carried their event.
    const { id, entry, at } = decidedEvent(request, decision);
    await this.audit.recordOnce(id, entry, new Date(at));
  }

  /**
   * In the background at start: lists under their decision the requests an earlier version stored (one may still
   * be running, in a rolling upgrade: each start lists what it finds), records the audit events a stopped process
   * left in outboxes, and completes the decisions it left halfway. Reads every request once.
   */
  onApplicationBootstrap(): void {
    void this.finishLeftovers().catch((err: Error) =>
      this.logger.warn(
        `finishing what earlier processes left of review requests failed (${err.message}); the next start goes on`,
      ),
    );
  }

  private async finishLeftovers(): Promise<void> {
    let listed = 0;
    const unrecorded: [string, OutboxItem[]][] = [];
    for await (const request of this.repository.requestsAtStart()) {
      if (request.listed !== true) {
        await this.repository.listEarlier(request);
        listed++;
      }
      if (request.outbox?.length) unrecorded.push([request._id, request.outbox]);
    }
    await this.repository.markAllListed();
    if (listed > 0) this.logger.log(`${listed} review request(s) listed by decision`);
    await this.requestEvents.atStartup(unrecorded);
    for (const decision of await this.repository.decisionsWithOutbox()) {
      const request = await this.repository.findById(decision._id);
      if (request) await this.complete(request, decision);
    }
  }

  /** Requests still open whose decision was recorded (a reviewer's process stopped in between) are completed. */
  private async rollForward(requests: ReviewRequestDocument[]): Promise<ReviewRequestDocument[]> {
    const open = requests.filter((r) => r.status === 'open');
    const decided = new Map((await this.repository.findDecisions(open.map((r) => r._id))).map((d) => [d._id, d]));
    if (decided.size === 0) return requests;
    return Promise.all(
      requests.map(async (request) => {
        const decision = decided.get(request._id);
        if (!decision || request.status === 'closed') return request;
        await this.complete(request, decision);
        return { ...request, ...closedFields(decision) };
      }),
    );
  }

  /**
   * The decision as this reader may see it, refused unless its rule set decides about persons. An API key also
   * needs `action` on that rule set (`null`: a route for staff only); without it the decision is "not found", as an
   * unknown one is, so a key learns neither that it exists nor which rule set made it. The check is here, not left
   * to callers: a new caller that forgets to name an action refuses keys rather than letting them through.
   */
  private async aboutPerson(id: string, principal: Principal, action: ScopeAction | null) {
    const found = await this.evaluation.decisionWithContent(id, principal);
    if (principal.kind === 'apiKey' && (action === null || !scopesAllow(principal.scopes, action, found.view.ruleset)))
      throw decisionNotFound(id);
    const content = found.content;
    if (!content || content.settings?.decidesAboutPersons !== true)
      throw new ConflictError(
        `Decision "${id}" was made by "${found.view.ruleset}", which does not decide about persons: it has no receipt or review.`,
        'not_about_persons',
        [
          {
            path: '/settings/decidesAboutPersons',
            message: `is not true in ${found.view.ruleset} version ${found.view.version}`,
          },
        ],
      );
    return { ...found, content };
  }
}

/** A request's submission as an audit event, keyed so that it is recorded once whoever records it. */
function submittedEvent(request: ReviewRequestDocument): OutboxItem {
  return {
    id: `${request._id}:submitted`,
    at: request.submittedAt.toISOString(),
    // The observations may hold personal information: the trail says who recorded what request, not its words.
    entry: {
      actor: request.submittedBy,
      action: 'review.submitted',
      resourceType: 'review',
      resourceKey: request._id,
      details: {
        decisionId: request.decisionId,
        ruleset: request.ruleset,
        version: request.version,
        dueAt: request.dueAt.toISOString(),
        ...(request.receivedVia && { receivedVia: request.receivedVia }),
      },
    },
  };
}

/** A reviewer's decision as an audit event, keyed so that it is recorded once whoever records it. */
function decidedEvent(request: ReviewRequestDocument, decision: ReviewDecisionDocument): OutboxItem {
  return {
    id: `${request._id}:decided`,
    at: decision.decidedAt.toISOString(),
    entry: {
      actor: decision.decidedBy,
      action: 'review.decided',
      resourceType: 'review',
      resourceKey: request._id,
      reason: decision.reason,
      summary: {
        before: { events: request.automatedDecision },
        after: decision.newDecision ? { events: [decision.newDecision] } : { events: request.automatedDecision },
      },
      details: { decisionId: request.decisionId, ruleset: request.ruleset, outcome: decision.outcome },
    },
  };
}

function closedFields(decision: ReviewDecisionDocument): Partial<ReviewRequestDocument> {
  const { _id: _id, decisionId: _decisionId, outbox: _outbox, ...fields } = decision;
  return { status: 'closed', ...fields };
}

function toView(r: ReviewRequestDocument, now: Date): ReviewView {
  const until = r.status === 'closed' && r.decidedAt ? r.decidedAt : now;
  return {
    id: r._id,
    decisionId: r.decisionId,
    ruleset: r.ruleset,
    version: r.version,
    automatedDecision: r.automatedDecision,
    status: r.status,
    observations: r.observations,
    ...(r.receivedVia && { receivedVia: r.receivedVia }),
    submittedBy: r.submittedBy,
    ...(r.submitterName && { submitterName: r.submitterName }),
    submittedAt: r.submittedAt.toISOString(),
    dueAt: r.dueAt.toISOString(),
    overdue: until.getTime() > r.dueAt.getTime(),
    ageDays: Math.floor((until.getTime() - r.submittedAt.getTime()) / DAY_MS),
    ...(r.outcome && { outcome: r.outcome }),
    ...(r.reason && { reason: r.reason }),
    ...(r.newDecision && { newDecision: r.newDecision }),
    ...(r.decidedBy && { decidedBy: r.decidedBy }),
    ...(r.decidedAt && { decidedAt: r.decidedAt.toISOString() }),
  };
}

/**
 * Whether an override would leave a single automated outcome as it was: the same type with no parameters of its
 * own (an outcome decided by a person reads the same), or with the automated event's parameters exactly.
 * Parameters that differ are a change (the documents asked for, for instance).
 */
function sameAsAutomated(
  automated: { type: string; params?: Record<string, unknown> }[],
  instead: { type: string; params?: Record<string, unknown> },
): boolean {
  if (automated.length !== 1 || automated[0]!.type !== instead.type) return false;
  const params = instead.params ?? {};
  return Object.keys(params).length === 0 || isDeepStrictEqual(params, automated[0]!.params ?? {});
}
