import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PreconditionRequiredError,
  ValidationError,
  type ErrorDetail,
} from '../../common/errors/domain-errors.js';
import { checkIfMatch } from '../../common/http/if-match.js';
import { checksumOf } from '../../common/json/canonical.js';
import type { AuditEntry } from '../audit/audit-chain.js';
import { draftEtag } from './etag.js';
import { isBlank } from '../../common/text/visible-text.js';
import type { RollbackRequest } from './governed.contract.js';
import { scheduledPublications, versionInForce, withDerivedStatuses } from './publications.js';
import type { Publication, ResourceState, Transition, VersionRecord, VersionStatus } from './versioned-resource.js';

/** Pure state transitions of a versioned resource. No I/O: the service persists what they return. */
export class Lifecycle<M, C> {
  constructor(
    /** e.g. `ruleset`: names audit events and ETags. */
    readonly resourceType: string,
    private readonly label: string,
  ) {}

  create(key: string, meta: M, content: C, actor: string, now: Date): Transition<M, C> {
    const at = now.toISOString();
    const state: ResourceState<M, C> = {
      key,
      meta,
      archived: false,
      rev: 1,
      draft: { version: 1, content, rev: 1, updatedBy: actor, updatedAt: at },
      versions: [{ number: 1, status: 'draft', authors: [actor], createdBy: actor, createdAt: at, comments: [] }],
      publications: [],
      nextVersion: 2,
      createdBy: actor,
      createdAt: at,
      updatedAt: at,
      outbox: [],
    };
    return {
      state,
      events: [this.event(key, 'created', actor, 1, { after: { meta, checksum: checksumOf(content) } })],
    };
  }

  /**
   * What a draft edit checks before its content: If-Match sent and current, the resource not archived. Cheap, so a
   * caller holding a large content asks it first, before hashing or checking the content (a stale editor hears
   * « reload » without waiting for that work); `editDraft` asks it again.
   */
  assertDraftEditable(state: ResourceState<M, C>, ifMatch: string | undefined, now: Date): void {
    // A request without If-Match is malformed whatever the resource's state: say that first.
    if (!ifMatch)
      throw new PreconditionRequiredError(
        `Send the If-Match header with the ETag you read, so concurrent edits of this ${this.label} are never overwritten.`,
      );
    this.assertNotArchived(state);
    const etag = draftEtag(this.resourceType, state, now);
    checkIfMatch(
      ifMatch,
      etag,
      `This ${this.label} draft was changed by someone else since you read it: reload it, then apply your change again.`,
    );
  }

  /** Edits the draft, or starts a new one from the version in force when there is none. */
  editDraft(
    state: ResourceState<M, C>,
    content: C,
    ifMatch: string | undefined,
    actor: string,
    now: Date,
    baseContent?: C,
  ): Transition<M, C> {
    this.assertDraftEditable(state, ifMatch, now);
    const at = now.toISOString();
    const next = this.touch(state, now);
    if (state.draft) {
      const number = state.draft.version;
      const checksum = checksumOf(content);
      next.draft = { version: number, content, rev: state.draft.rev + 1, updatedBy: actor, updatedAt: at };
      next.versions = state.versions.map((v) =>
        v.number === number ? withoutRunOnOtherContent({ ...v, authors: addAuthor(v.authors, actor) }, checksum) : v,
      );
      const summary = { before: { checksum: checksumOf(state.draft.content) }, after: { checksum } };
      return { state: next, events: [this.event(state.key, 'draft_updated', actor, number, summary)] };
    }
    const number = state.nextVersion;
    // The version whose content the draft starts from: the one in force, else the latest (startingVersion).
    const basedOn =
      versionInForce(state.publications, now) ?? (state.nextVersion > 1 ? state.nextVersion - 1 : undefined);
    next.draft = { version: number, content, rev: 1, updatedBy: actor, updatedAt: at };
    next.nextVersion = number + 1;
    next.versions = [
      ...state.versions,
      { number, status: 'draft', basedOn, authors: [actor], createdBy: actor, createdAt: at, comments: [] },
    ];
    const before = baseContent === undefined ? undefined : { checksum: checksumOf(baseContent), version: basedOn };
    return {
      state: next,
      events: [
        this.event(state.key, 'draft_created', actor, number, { before, after: { checksum: checksumOf(content) } }),
      ],
    };
  }

  submit(
    state: ResourceState<M, C>,
    number: number,
    actor: string,
    comment: string | undefined,
    now: Date,
    /** The draft's revision as the analyst read it, when they say it. */
    readRevision?: number,
  ): Transition<M, C> {
    this.assertNotArchived(state);
    const version = this.expectStatus(state, number, 'draft', 'submitted');
    if (state.draft?.version !== number)
      throw new ConflictError(`Version ${number} has no draft content to submit.`, 'invalid_transition', [
        { path: '/version', message: 'has no draft content' },
      ]);
    if (readRevision !== undefined && readRevision !== state.draft.rev) {
      // Otherwise a save by another analyst, a moment before, is submitted under this one's name, unread.
      const { updatedBy, updatedAt } = state.draft;
      throw new ConflictError(
        `Version ${number} was saved again after you read it (by ${updatedBy}, ${updatedAt}): reload it and read what it holds now before you submit it.`,
        'draft_changed',
        [{ path: '/revision', message: `is the draft you read (${readRevision}); it is now at ${state.draft.rev}` }],
      );
    }
    const checksum = checksumOf(state.draft.content);
    const next = this.touch(state, now);
    next.draft = null;
    next.versions = this.replace(state, {
      ...version,
      status: 'in_review',
      checksum,
      submittedBy: actor,
      submittedAt: now.toISOString(),
      comments: withComment(version, actor, now, 'submit', comment),
    });
    return {
      state: next,
      frozenContent: { checksum, content: state.draft.content },
      events: [
        this.event(state.key, 'submitted', actor, number, { after: { status: 'in_review', checksum } }, comment),
      ],
    };
  }

  approve(
    state: ResourceState<M, C>,
    number: number,
    actor: string,
    comment: string | undefined,
    now: Date,
    reviewedChecksum?: string,
  ): Transition<M, C> {
    this.assertNotArchived(state);
    const version = this.expectStatus(state, number, 'in_review', 'approved');
    this.assertNotAuthor(version, actor, 'approve');
    this.assertReviewed(version, reviewedChecksum, 'approve');
    const next = this.touch(state, now);
    next.versions = this.replace(state, {
      ...version,
      status: 'approved',
      approvedBy: actor,
      approvedAt: now.toISOString(),
      approvalChecksum: version.checksum,
      comments: withComment(version, actor, now, 'approve', comment),
    });
    const summary = { before: { status: 'in_review' }, after: { status: 'approved', checksum: version.checksum } };
    return { state: next, events: [this.event(state.key, 'approved', actor, number, summary, comment)] };
  }

  /** Sends a version in review back to draft with its content, for its authors to correct. */
  reject(
    state: ResourceState<M, C>,
    number: number,
    actor: string,
    comment: string | undefined,
    now: Date,
    content: C,
    reviewedChecksum?: string,
  ): Transition<M, C> {
    this.assertNotArchived(state);
    const version = this.expectStatus(state, number, 'in_review', 'rejected');
    this.assertNotAuthor(version, actor, 'reject');
    this.assertReviewed(version, reviewedChecksum, 'reject');
    if (isBlank(comment))
      throw new ValidationError('Say why the version is rejected, so its authors know what to correct.', [
        { path: '/comment', message: 'is required when rejecting' },
      ]);
    // A rejected version goes back to being the draft, and a resource has one draft at a time.
    if (state.draft)
      throw new ConflictError(
        `Version ${state.draft.version} is being drafted (last saved by ${state.draft.updatedBy}), and a rejected version goes back to being the draft: version ${state.draft.version} must be submitted before version ${number} can be rejected.`,
        'draft_exists',
        [
          {
            path: '/version',
            message: `cannot go back to draft while version ${state.draft.version} is one`,
            keyword: 'draftExists',
            params: { draft: state.draft.version, draftedBy: state.draft.updatedBy },
          },
        ],
      );
    const next = this.touch(state, now);
    // The reopened draft's revision is the resource's, never one its earlier draft had: an editor still holding
    // the ETag of that draft (v1:r1) would otherwise match it again and overwrite the corrected content.
    next.draft = { version: number, content, rev: next.rev, updatedBy: actor, updatedAt: now.toISOString() };
    const { checksum: _frozen, submittedAt: _s, submittedBy: _b, ...reopened } = version;
    next.versions = this.replace(state, {
      ...reopened,
      status: 'draft',
      rejectedBy: actor,
      rejectedAt: now.toISOString(),
      comments: withComment(version, actor, now, 'reject', comment),
    });
    const summary = { before: { status: 'in_review', checksum: version.checksum }, after: { status: 'draft' } };
    return { state: next, events: [this.event(state.key, 'rejected', actor, number, summary, comment)] };
  }

  publish(
    state: ResourceState<M, C>,
    number: number,
    actor: string,
    options: { comment?: string; effectiveFrom?: string; effectiveTo?: string; requiresTestRun: boolean },
    now: Date,
  ): Transition<M, C> {
    this.assertNotArchived(state);
    const version = this.expectStatus(state, number, 'approved', 'published');
    if (!version.approvalChecksum || version.approvalChecksum !== version.checksum) {
      throw new ConflictError(
        `The approval of version ${number} does not cover its current content; it must be approved again.`,
        'approval_mismatch',
      );
    }
    if (options.requiresTestRun) assertTestsPassed(version, number);
    const effectiveFrom = startOf(options.effectiveFrom, now);
    assertWindow(effectiveFrom, options.effectiveTo);
    // A version is written from the one its draft began from. Publishing it where another version has taken that
    // one's place (now, or at the date it is to take effect) would undo that version's change silently.
    const inForce = versionInForce(state.publications, new Date(effectiveFrom));
    if (inForce !== null && (version.basedOn ?? null) !== inForce) {
      const base = version.basedOn === undefined ? 'when no version was in force' : `from version ${version.basedOn}`;
      const when = Date.parse(effectiveFrom) <= now.getTime() ? 'now' : `from ${effectiveFrom}`;
      throw new ConflictError(
        `Version ${number} was written ${base}, but version ${inForce} is in force ${when}: publishing it would undo version ${inForce}'s changes. Start a new draft from version ${inForce} and carry this one's change over.`,
        'stale_base',
        [
          {
            path: '/version',
            message: `was written ${base}, not from version ${inForce}`,
            keyword: 'staleBase',
            params: { basedOn: version.basedOn ?? null, inForce },
          },
        ],
      );
    }
    this.assertNoLaterScheduleUndoes(state, number, effectiveFrom, options.effectiveTo, now);
    const publication: Publication = {
      version: number,
      effectiveFrom,
      ...(options.effectiveTo && { effectiveTo: options.effectiveTo }),
      publishedBy: actor,
      publishedAt: now.toISOString(),
      kind: 'publish',
      ...(options.comment && { comment: options.comment }),
    };
    const before = versionInForce(state.publications, now);
    const next = this.touch(state, now);
    next.publications = [...state.publications, publication];
    const published: VersionRecord = {
      ...version,
      status: 'published',
      publishedBy: actor,
      publishedAt: now.toISOString(),
      comments: withComment(version, actor, now, 'publish', options.comment),
    };
    next.versions = withDerivedStatuses(this.replace(state, published), next.publications, now);
    const summary = {
      before: { activeVersion: before },
      after: { activeVersion: versionInForce(next.publications, now), effectiveFrom, effectiveTo: options.effectiveTo },
    };
    return { state: next, events: [this.event(state.key, 'published', actor, number, summary, options.comment)] };
  }

  /**
   * Withdraws the scheduled publication of a version before it takes effect, with a reason. The version is
   * approved again: its approval still covers its content, so it may be published later, at another date.
   */
  unschedule(state: ResourceState<M, C>, number: number, actor: string, comment: string, now: Date): Transition<M, C> {
    this.assertNotArchived(state);
    const version = this.find(state, number);
    const scheduled = scheduledPublications(state.publications, now).filter((p) => p.version === number);
    const imminent = scheduled.find((p) => Date.parse(p.effectiveFrom) - now.getTime() < UNSCHEDULE_MARGIN_MS);
    if (imminent)
      // Other instances learn of the withdrawal from the audit feed, within seconds: so close to the date, one of
      // them could decide with a version the history would then say never took effect.
      throw new ConflictError(
        `Version ${number} takes effect at ${imminent.effectiveFrom}, in less than a minute: too late to withdraw. Let it take effect, then roll back to the version you want.`,
        'invalid_transition',
        [
          {
            path: '/version',
            message: `takes effect at ${imminent.effectiveFrom}, less than a minute from now`,
            keyword: 'tooLateToWithdraw',
            params: { effectiveFrom: imminent.effectiveFrom },
          },
        ],
      );
    if (scheduled.length === 0) {
      const why =
        version.status === 'published'
          ? 'in force; roll back to another version instead'
          : version.status.replace('_', ' ');
      throw new ConflictError(
        `Version ${number} has no publication waiting to take effect: it is ${why}.`,
        'invalid_transition',
        [
          version.status === 'published'
            ? { path: '/version', message: 'is the version in force', keyword: 'inForce' }
            : statusDetail(version.status),
        ],
      );
    }
    const next = this.touch(state, now);
    next.publications = state.publications.filter((p) => !scheduled.includes(p));
    // A version rolled back to while it waited stays published; one that only waited is approved again.
    const stillPublished = next.publications.some((p) => p.version === number);
    const { publishedBy: _by, publishedAt: _at, ...unpublished } = version;
    const withdrawn: VersionRecord = {
      ...(stillPublished ? version : { ...unpublished, status: 'approved' }),
      comments: withComment(version, actor, now, 'unschedule', comment),
    };
    next.versions = withDerivedStatuses(this.replace(state, withdrawn), next.publications, now);
    const summary = {
      before: { effectiveFrom: scheduled.map((p) => p.effectiveFrom) },
      after: { status: withdrawn.status },
    };
    return { state: next, events: [this.event(state.key, 'unscheduled', actor, number, summary, comment)] };
  }

  /**
   * Puts an earlier published version back in force from now, with a reason. `from`, when given, is the version in
   * force the approver saw: another one in force now (a publication or a rollback meanwhile) refuses the rollback,
   * which would otherwise undo that change unseen (an API probe: a publication and a rollback sent together both
   * answered 200, the publication replaced 227 ms later).
   */
  rollback(state: ResourceState<M, C>, request: RollbackRequest, actor: string, now: Date): Transition<M, C> {
    const { version: number, comment, from } = request;
    this.assertNotArchived(state);
    const inForceNow = versionInForce(state.publications, now);
    if (from !== undefined && inForceNow !== from)
      throw new ConflictError(
        `Version ${inForceNow ?? 'none'} of this ${this.label} is in force now, not version ${from} as you saw: reload to see what changed, then decide again.`,
        'concurrent_publication',
        [
          {
            path: '/from',
            message: `is no longer the version in force (${inForceNow === null ? 'none is' : `version ${inForceNow} is`})`,
            keyword: 'inForceChanged',
            params: { inForce: inForceNow },
          },
        ],
      );
    const version = this.find(state, number);
    if (version.status !== 'published' && version.status !== 'retired') {
      throw new ConflictError(
        `Version ${number} was never published, so it cannot be rolled back to.`,
        'invalid_transition',
        [statusDetail(version.status)],
      );
    }
    const before = versionInForce(state.publications, now);
    if (before === number)
      throw new ConflictError(`Version ${number} is already the version in force.`, 'invalid_transition', [
        { path: '/version', message: 'is the version in force', keyword: 'inForce' },
      ]);
    // A version only scheduled for later was never in force: "rolling back" to it would publish it now, around
    // its schedule and its date. It is published (or withdrawn) as such.
    const wasInForce = state.publications.some(
      (p) => p.version === number && Date.parse(p.effectiveFrom) <= now.getTime(),
    );
    if (!wasInForce)
      throw new ConflictError(
        `Version ${number} has never been in force (its publication is scheduled for later), so it cannot be rolled back to.`,
        'invalid_transition',
        [{ path: '/version', message: 'was never in force' }],
      );
    const at = now.toISOString();
    const next = this.touch(state, now);
    next.publications = [
      ...state.publications,
      { version: number, effectiveFrom: at, publishedBy: actor, publishedAt: at, kind: 'rollback', comment },
    ];
    const restored: VersionRecord = {
      ...version,
      status: 'published',
      comments: withComment(version, actor, now, 'rollback', comment),
    };
    next.versions = withDerivedStatuses(this.replace(state, restored), next.publications, now);
    return {
      state: next,
      events: [
        this.event(
          state.key,
          'rolled_back',
          actor,
          number,
          { before: { activeVersion: before }, after: { activeVersion: number } },
          comment,
        ),
      ],
    };
  }

  /** The publication that put `version` in force at `now`: the latest of its own that had taken effect. */
  private latestPublicationOf(state: ResourceState<M, C>, version: number, now: Date): Publication | undefined {
    return state.publications
      .filter((p) => p.version === version && Date.parse(p.effectiveFrom) <= now.getTime())
      .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.publishedAt.localeCompare(b.publishedAt))
      .at(-1);
  }

  /**
   * Publishes content that was reviewed elsewhere (a file in git, loaded by the seed command) as a new version,
   * unless the version in force already has that exact content. With `anyPublished` (a resource kept as one file
   * per version, like prompts), content that any version ever published holds adds nothing either: loading
   * version 1's file again must not publish it anew over version 2. The audit event names the source.
   */
  importPublished(
    state: ResourceState<M, C> | null,
    key: string,
    meta: M,
    content: C,
    actor: string,
    source: string,
    now: Date,
    anyPublished = false,
  ): Transition<M, C> | null {
    const checksum = checksumOf(content);
    const at = now.toISOString();
    if (state) {
      const inForce = versionInForce(state.publications, now);
      if (inForce !== null && this.find(state, inForce).checksum === checksum) return null;
      if (anyPublished && state.versions.some((v) => v.publishedAt !== undefined && v.checksum === checksum))
        return null;
      // A file is written from what was loaded from files before. When a person has put another version in force
      // since (a publication or a rollback reviewed in the console), the file is stale: loaded, it would undo that
      // version unreviewed (a review saw `npm run seed` do so).
      const since = inForce === null ? undefined : this.latestPublicationOf(state, inForce, now);
      if (since && since.publishedBy !== actor)
        throw new ConflictError(
          `Version ${inForce} is in force, published by ${since.publishedBy} on ${since.publishedAt} through the console, not loaded from a file: loading ${source} would undo it unreviewed. Bring the file up to date from the version in force (npm run export:rulesets for rule sets), or make the change through the console.`,
          'stale_base',
          [{ path: '/', message: `differs from version ${inForce}, which ${since.publishedBy} put in force` }],
        );
    }
    const base: ResourceState<M, C> = state ?? {
      ...this.create(key, meta, content, actor, now).state,
      draft: null,
      versions: [],
      nextVersion: 1,
      rev: 0,
    };
    const number = base.nextVersion;
    // As for a publication: a version scheduled later (none is written from content not yet stored) would put its
    // own content back on its date and silently undo what was reviewed in the file. The seed reports the file.
    if (state) this.assertNoLaterScheduleUndoes(state, number, at, undefined, now);
    const next = this.touch(base, now);
    next.nextVersion = number + 1;
    next.publications = [
      ...base.publications,
      {
        version: number,
        effectiveFrom: at,
        publishedBy: actor,
        publishedAt: at,
        kind: 'publish',
        comment: importedFrom(source),
      },
    ];
    const version: VersionRecord = {
      number,
      status: 'published',
      checksum,
      authors: [actor],
      createdBy: actor,
      createdAt: at,
      approvalChecksum: checksum,
      publishedBy: actor,
      publishedAt: at,
      comments: [],
    };
    next.versions = withDerivedStatuses([...base.versions, version], next.publications, now);
    const summary = {
      before: { activeVersion: state ? versionInForce(state.publications, now) : null },
      after: { activeVersion: number, checksum },
    };
    return {
      state: next,
      frozenContent: { checksum, content },
      events: [this.event(key, 'imported', actor, number, summary, importedFrom(source))],
    };
  }

  /**
   * Archives a resource: it changes and serves nothing more. Publications still to take effect are withdrawn
   * with it (a stopped experiment had kept showing a start nobody could withdraw any more); a version that only
   * waited for its date is approved again, as `unschedule` leaves it.
   */
  archive(state: ResourceState<M, C>, actor: string, comment: string | undefined, now: Date): Transition<M, C> {
    this.assertNotArchived(state);
    const next = this.touch(state, now);
    next.archived = true;
    // Said on the record: who stopped an experiment and why was in the audit trail only, which its analysts and
    // approvers do not read (a console review).
    next.archival = { by: actor, at: now.toISOString(), ...(comment && { comment }) };
    const scheduled = scheduledPublications(state.publications, now);
    if (scheduled.length > 0) {
      next.publications = state.publications.filter((p) => !scheduled.includes(p));
      const waitedOnly = (v: VersionRecord) =>
        scheduled.some((p) => p.version === v.number) && !next.publications.some((p) => p.version === v.number);
      next.versions = withDerivedStatuses(
        state.versions.map((v) => {
          if (!waitedOnly(v)) return v;
          const { publishedBy: _by, publishedAt: _at, ...unpublished } = v;
          return { ...unpublished, status: 'approved' as const };
        }),
        next.publications,
        now,
      );
    }
    const withdrawn = scheduled.map(({ version, effectiveFrom }) => ({ version, effectiveFrom }));
    return {
      state: next,
      events: [
        this.event(
          state.key,
          'archived',
          actor,
          undefined,
          {
            before: { archived: false, ...(withdrawn.length > 0 && { scheduled: withdrawn }) },
            after: { archived: true },
          },
          comment,
        ),
      ],
    };
  }

  /** Records a test run of a version's exact content; publishing later requires it for versions with tests. */
  recordTestRun(
    state: ResourceState<M, C>,
    number: number,
    run: { checksum: string; passed: number; failed: number; skipped?: number },
    actor: string,
    now: Date,
  ): Transition<M, C> {
    const version = this.find(state, number);
    const next = this.touch(state, now);
    next.versions = this.replace(state, { ...version, testRun: { ...run, at: now.toISOString(), by: actor } });
    return { state: next, events: [this.event(state.key, 'tested', actor, number, { after: run })] };
  }

  /** The version numbered so; `path` is where the request named it (`/version`, or a diff's `/to`). */
  find(state: ResourceState<M, C>, number: number, path = '/version'): VersionRecord {
    const version = state.versions.find((v) => v.number === number);
    if (!version)
      throw new NotFoundError(`The ${this.label} "${state.key}" has no version ${number}.`, [
        noSuchVersion(path, state.nextVersion - 1),
      ]);
    return version;
  }

  private expectStatus(
    state: ResourceState<M, C>,
    number: number,
    expected: VersionStatus,
    verb: string,
  ): VersionRecord {
    const version = this.find(state, number);
    if (version.status !== expected) {
      throw new ConflictError(
        `Version ${number} is ${version.status.replace('_', ' ')}; only a version that is ${expected.replace('_', ' ')} can be ${verb}.`,
        'invalid_transition',
        [statusDetail(version.status)],
      );
    }
    return version;
  }

  /**
   * A version scheduled to take effect after `effectiveFrom` replaces the one published now when its date comes.
   * Unless it was written from that one, it would undo its changes then, silently: the schedule must go first.
   */
  private assertNoLaterScheduleUndoes(
    state: ResourceState<M, C>,
    number: number,
    effectiveFrom: string,
    effectiveTo: string | undefined,
    now: Date,
  ): void {
    const start = Date.parse(effectiveFrom);
    // A window that ends before the later one starts leaves nothing for it to undo.
    const end = effectiveTo === undefined ? Infinity : Date.parse(effectiveTo);
    for (const later of scheduledPublications(state.publications, now)) {
      const laterStart = Date.parse(later.effectiveFrom);
      if (laterStart <= start || laterStart >= end) continue;
      if (this.find(state, later.version).basedOn === number) continue;
      throw new ConflictError(
        `Version ${later.version} is scheduled to take effect from ${later.effectiveFrom} and was not written from version ${number}: on that date it would undo version ${number}'s changes. Withdraw version ${later.version}'s scheduled publication first.`,
        'scheduled_later',
        [
          {
            path: '/version',
            message: `would be undone on ${later.effectiveFrom} by version ${later.version}, scheduled then`,
            keyword: 'scheduledLater',
            params: { scheduled: later.version, effectiveFrom: later.effectiveFrom },
          },
        ],
      );
    }
  }

  private assertNotAuthor(version: VersionRecord, actor: string, verb: string): void {
    if (version.authors.includes(actor)) {
      throw new ForbiddenError(
        `You wrote version ${version.number}, so you cannot ${verb} it: another approver must (four-eyes rule).`,
        'four_eyes',
        [{ path: '/version', message: `was written by ${version.authors.join(', ')}` }],
      );
    }
  }

  /**
   * An approver decides on the content they read. A version rejected, corrected and submitted again keeps its
   * number, so "version 3" alone may name content the approver never saw: the checksum they read must still be
   * the version's.
   */
  private assertReviewed(version: VersionRecord, reviewedChecksum: string | undefined, verb: string): void {
    if (reviewedChecksum === undefined || reviewedChecksum === version.checksum) return;
    throw new ConflictError(
      `Version ${version.number} was changed and submitted again after you read it: reload it and review what it holds now before you ${verb} it.`,
      'reviewed_content_changed',
      [
        {
          path: '/checksum',
          message: `is the content you read (${reviewedChecksum.slice(0, 12)}…); version ${version.number} now holds ${version.checksum?.slice(0, 12)}…`,
        },
      ],
    );
  }

  private assertNotArchived(state: ResourceState<M, C>): void {
    if (state.archived)
      throw new ConflictError(`The ${this.label} "${state.key}" is archived.`, 'archived', [
        {
          path: '/key',
          message: `names an archived ${this.label}: it can no longer change`,
          keyword: 'archived',
          params: { what: this.label.replace(' ', '_') },
        },
      ]);
  }

  private touch(state: ResourceState<M, C>, now: Date): ResourceState<M, C> {
    return { ...state, rev: state.rev + 1, updatedAt: now.toISOString() };
  }

  private replace(state: ResourceState<M, C>, version: VersionRecord): VersionRecord[] {
    return state.versions.map((v) => (v.number === version.number ? version : v));
  }

  private event(
    key: string,
    action: string,
    actor: string,
    version: number | undefined,
    summary: AuditEntry['summary'],
    reason?: string,
  ): AuditEntry {
    return {
      actor,
      action: `${this.resourceType}.${action}`,
      resourceType: this.resourceType,
      resourceKey: key,
      ...(version !== undefined && { version }),
      ...(reason && { reason }),
      summary,
    };
  }
}

/**
 * A draft's test run, dropped when the draft no longer holds the content it ran on: a draft has no checksum of its
 * own until it is submitted, so the console kept showing « 90 réussis » in green for content changed since (a case
 * added from « Essayer »), and the analyst submitted thinking the tests current. Saved unchanged, the run stays.
 */
function withoutRunOnOtherContent<V extends { testRun?: { checksum: string } }>(version: V, checksum: string): V {
  if (!version.testRun || version.testRun.checksum === checksum) return version;
  const { testRun: _stale, ...rest } = version;
  return rest as V;
}

function addAuthor(authors: string[], actor: string): string[] {
  return authors.includes(actor) ? authors : [...authors, actor];
}

function withComment(
  version: VersionRecord,
  by: string,
  now: Date,
  action: string,
  text: string | undefined,
): VersionRecord['comments'] {
  return text?.trim()
    ? [...version.comments, { by, at: now.toISOString(), action, text: text.trim() }]
    : version.comments;
}

/** A minute of clock difference between the approver's screen and the server is taken as "now". */
const PAST_TOLERANCE_MS = 60_000;
/** How long before its date a scheduled publication can still be withdrawn (see `unschedule`). */
const UNSCHEDULE_MARGIN_MS = 60_000;

/**
 * When a publication starts: now, or a future instant. One in the past would rewrite what decisions already
 * made (and `asOf` evaluations of that period) used, so it is refused.
 */
function startOf(requested: string | undefined, now: Date): string {
  if (requested === undefined) return now.toISOString();
  const at = Date.parse(requested);
  if (at >= now.getTime()) return requested;
  if (now.getTime() - at <= PAST_TOLERANCE_MS) return now.toISOString();
  throw new ValidationError(
    'A publication cannot start in the past: decisions already made used the version then in force.',
    [
      {
        path: '/effectiveFrom',
        message: `is before now (${now.toISOString()}); leave it empty to publish now, or choose a future instant`,
      },
    ],
    'effective_in_past',
  );
}

function assertWindow(effectiveFrom: string, effectiveTo: string | undefined): void {
  if (effectiveTo !== undefined && Date.parse(effectiveTo) <= Date.parse(effectiveFrom)) {
    throw new ValidationError('The end of the effective period must come after its start.', [
      { path: '/effectiveTo', message: 'must be after effectiveFrom' },
    ]);
  }
}

/**
 * The reason an import gives in the audit trail and publication history: the file it came from. The action says
 * it was an import, and the console words it in the reader's language (« Importé de … », "Imported from …").
 */
function importedFrom(source: string): string {
  return source;
}

/** The version's test cases ran on its exact content and all passed: 409 saying which of the two is missing. */
function assertTestsPassed(version: VersionRecord, number: number): void {
  const run = version.testRun?.checksum === version.checksum ? version.testRun : undefined;
  if (!run) {
    throw new ConflictError(
      `Version ${number} has test cases: run them on this exact version and get them all passing before publishing.`,
      'tests_not_passed',
      [{ path: '/version', message: 'has test cases that were not run on its content', keyword: 'testsNotRun' }],
    );
  }
  if (run.failed > 0) {
    throw new ConflictError(
      `${run.failed} of version ${number}'s test cases fail on its content: correct the version (a new draft) or its tests before publishing.`,
      'tests_failed',
      [
        {
          path: '/version',
          message: `has ${run.failed} failing test case(s)`,
          keyword: 'testsFailed',
          params: { failed: run.failed },
        },
      ],
    );
  }
}

/** Where a transition is refused for the version's status: `/version`, with the status a client words. */
function statusDetail(status: VersionStatus): ErrorDetail {
  return { path: '/version', message: `is ${status.replace('_', ' ')}`, keyword: 'versionStatus', params: { status } };
}

/** A path naming a version that does not exist, with the latest one (keyword notFound, what: version). */
export function noSuchVersion(path: string, latest: number): ErrorDetail {
  return {
    path,
    message: `does not exist (the latest is ${latest})`,
    keyword: 'notFound',
    params: { what: 'version', latest },
  };
}
