import { Injectable } from '@nestjs/common';
import { SerialLocks } from '../../common/database/serial-locks.js';
import { timeSlices } from '../../common/async/time-slices.js';
import { analyseRulesetInTurns } from '../../engine/analysis/analyse.js';
import type { Analysis } from '../../engine/analysis/findings.js';
import { NotFoundError, ValidationError, namesNone } from '../../common/errors/domain-errors.js';
import { AuditService } from '../audit/audit.service.js';
import {
  GovernedResourceService,
  type GovernedKind,
  type ResourceView,
} from '../governance/governed-resource.service.js';
import type { PublishRequest, RollbackRequest } from '../governance/governed.contract.js';
import type { ResourceListFilter } from '../governance/list-index.js';
import { versionInForce, withDerivedStatuses } from '../governance/publications.js';
import { resourceView } from '../governance/resource-view.js';
import type { ShadowRun, Transition, VersionStatus } from '../governance/versioned-resource.js';
import { runStepsInTurns } from '../../common/async/steps.js';
import { exportDmnSteps } from './dmn/dmn-export.js';
import { importDmn, inDmnPlaces } from './dmn/dmn-import.js';
import { diffRulesetsInTurns } from './ruleset-diff.js';
import { endShadow, runningShadow, startShadow, withShadowFigures, type ShadowFigures } from './ruleset-shadows.js';
import { validateRulesetContent } from './ruleset-validation.js';
import type { RulesetState } from './ruleset-views.js';
import type { RulesetContent, RulesetMeta } from './ruleset.types.js';
import type { CreateRulesetRequest } from './rulesets.contract.js';
import { RulesetsRepository } from './rulesets.repository.js';
import { isBlank } from '../../common/text/visible-text.js';

/**
 * Whether a version's lookups make its tables' changes wait for an approver: it is in force or scheduled, it was
 * (a rollback can put it back), or it is in review or approved and can still be published, i.e. written from the
 * version in force. An approved version written from another can never be published (`stale_base`), and had kept
 * its tables under review for good (a review).
 */
function readsUnderReview(version: { status: VersionStatus; basedOn?: number }, inForce: number | null): boolean {
  if (version.status === 'published' || version.status === 'retired') return true;
  if (version.status !== 'in_review' && version.status !== 'approved') return false;
  return inForce === null || (version.basedOn ?? null) === inForce;
}

const JUST_READ_MS = 5_000;
const JUST_READ_MAX = 256;

/** What is particular to rule sets: their format decides how the content is checked and compared. */
const RULESET: GovernedKind<RulesetMeta, RulesetContent, CreateRulesetRequest> = {
  resourceType: 'ruleset',
  label: 'rule set',
  split: ({ key, name, pilot, format, description, ...content }) => ({
    key,
    meta: { name, pilot, format, ...(description !== undefined && { description }) },
    content: content as RulesetContent,
  }),
  validate: (content, meta) => validateRulesetContent(meta.format, content),
  requiresTestRun: (content) => (content.tests?.length ?? 0) > 0,
  beforeSubmit: async (content, meta) =>
    refuseAnalysisErrors(await analyseRulesetInTurns(meta.format, content, timeSlices())),
  diff: async (meta, before, after) => ({ changes: await diffRulesetsInTurns(meta.format, before, after) }),
};

/** Rule sets under governance (the shared lifecycle), with what evaluation needs: fresh states, revisions, readers of tables. */
@Injectable()
export class RulesetsService extends GovernedResourceService<RulesetMeta, RulesetContent, CreateRulesetRequest> {
  private readonly listeners: ((key: string) => void)[] = [];
  private readonly tablesByChecksum = new Map<string, string[]>();
  /** States `state()` returned lately: the first guess of the write that usually follows (a test run's record). */
  private readonly justRead = new Map<string, { state: RulesetState; at: number }>();

  constructor(
    protected override readonly repository: RulesetsRepository,
    audit: AuditService,
    private readonly locks: SerialLocks,
  ) {
    super(RULESET, repository, audit, (key) => this.listeners.forEach((l) => l(key)));
  }

  /**
   * Putting a version in force makes it a reader of the tables its lookups name, whose changes then wait for an
   * approver. A table's change checks its readers: one at a time per table (`table:<key>`, as reference tables take
   * it), or a table created with rows while the version was being published had its rows applied unreviewed.
   */
  override async publish(key: string, number: number, actor: string, request: PublishRequest) {
    const tables = await this.tablesReadBy(key, number);
    return this.locks.serially(tables, () => super.publish(key, number, actor, request));
  }

  /**
   * Submitting makes a version a reader of its tables too (docs/adr/0019): a table change whose reader check ran just
   * before the submission landed while the version was in review, its rows changed under the reviewer's eyes by one
   * analyst alone. Only submission adds a reader; approving and rejecting take no lock.
   */
  override async transition(
    ...args: Parameters<GovernedResourceService<RulesetMeta, RulesetContent, CreateRulesetRequest>['transition']>
  ) {
    const [key, number, action] = args;
    if (action !== 'submit') return super.transition(...args);
    const tables = await this.tablesReadBy(key, number);
    return this.locks.serially(tables, () => super.transition(...args));
  }

  override async rollback(key: string, request: RollbackRequest, actor: string) {
    const tables = await this.tablesReadBy(key, request.version);
    return this.locks.serially(tables, () => super.rollback(key, request, actor));
  }

  /** The locks of the tables a version's lookups read (none for a version that does not exist: the change says so). */
  private async tablesReadBy(key: string, number: number): Promise<string[]> {
    const content = await this.resources
      .content(await this.resources.load(key), number)
      .catch((err: unknown): Partial<RulesetContent> => {
        if (err instanceof NotFoundError) return {};
        throw err;
      });
    return (content.lookups ?? []).map((lookup) => `table:${lookup.table}`);
  }

  /** The figures of a shadow run so far, as evaluation tallies them (set by the evaluation module). */
  private shadowFigures: (key: string, run: ShadowRun) => Promise<ShadowFigures | undefined> = () =>
    Promise.resolve(undefined);

  /** Evaluation, which runs the shadows, tells how to read a run's figures for the audit events. */
  useShadowFigures(read: (key: string, run: ShadowRun) => Promise<ShadowFigures | undefined>): void {
    this.shadowFigures = read;
  }

  /** Puts a version in shadow of the version in force (docs/adr/0028); a running shadow is replaced. */
  async startShadow(key: string, number: number, percent: number, actor: string): Promise<ShadowRun> {
    let run: ShadowRun | undefined;
    await this.resources.apply(key, async (s) => {
      const previous = runningShadow(s);
      const figures = previous ? await this.figuresOf(key, previous) : undefined;
      const started = startShadow(s, number, percent, actor, new Date());
      run = started.run;
      if (previous && figures) {
        const stopped = started.events.find((e) => e.action === 'ruleset.shadow_stopped')!;
        stopped.details = { shadow: { id: previous.id, ...figures } };
      }
      return started;
    });
    return run!;
  }

  /** Stops the shadow running on a version; 404 when none runs on it. */
  async stopShadow(key: string, number: number, actor: string): Promise<void> {
    await this.resources.apply(key, async (s) => {
      const run = runningShadow(s);
      if (!run || run.version !== number)
        throw new NotFoundError(`No shadow runs on version ${number} of "${key}".`, [
          namesNone('/version', 'shadow_run', 'has never run in shadow'),
        ]);
      const unchanged = { state: { ...s, rev: s.rev + 1, updatedAt: new Date().toISOString() }, events: [] };
      return endShadow(unchanged, number, 'stopped', actor, new Date(), await this.figuresOf(key, run));
    });
  }

  /**
   * A shadow ends when its version is published (`scheduled` when for a later date: withdrawn, it never was
   * published) or rejected; an approval carries its figures so far.
   */
  protected override async afterTransition(
    before: RulesetState,
    transition: Transition<RulesetMeta, RulesetContent>,
    action: 'approve' | 'reject' | 'publish',
    number: number,
    actor: string,
    now: Date,
  ): Promise<Transition<RulesetMeta, RulesetContent>> {
    const run = runningShadow(before);
    if (!run || run.version !== number) return transition;
    const figures = await this.figuresOf(before.key, run);
    if (action === 'approve') return figures ? withShadowFigures(transition, run, figures) : transition;
    if (action === 'reject') return endShadow(transition, number, 'rejected', actor, now, figures);
    // In force at the publication's own instant, or only from a later date (withdrawn, it never was in force).
    const inForce = versionInForce(transition.state.publications, now) === number;
    return endShadow(transition, number, inForce ? 'published' : 'scheduled', actor, now, figures);
  }

  /** Archiving ends a shadow run: an archived rule set decides nothing more, so there is nothing to compare. */
  override async archive(key: string, actor: string, comment?: string): Promise<ResourceView<RulesetMeta>> {
    const state = await this.resources.apply(key, async (s) => {
      const now = new Date();
      // Archived, a rule set that decides answers 404 to its callers from then on: the trail says why.
      if (versionInForce(s.publications, now) !== null && isBlank(comment))
        throw new ValidationError(
          `Rule set "${key}" decides (a version is in force): say why it is archived, in a comment.`,
          [{ path: '/comment', message: 'is required to archive a rule set in force', keyword: 'required' }],
        );
      const archived = this.lifecycle.archive(s, actor, comment, now);
      const run = runningShadow(s);
      return run ? endShadow(archived, run.version, 'archived', actor, now, await this.figuresOf(key, run)) : archived;
    });
    return resourceView(state);
  }

  /** Figures are a bonus in the audit event: an approval does not fail because they cannot be read. */
  private figuresOf(key: string, run: ShadowRun): Promise<ShadowFigures | undefined> {
    return this.shadowFigures(key, run).catch(() => undefined);
  }

  /** Called with the key of every rule set this instance changes (evaluation caches evict it). */
  onChange(listener: (key: string) => void): void {
    this.listeners.push(listener);
  }

  /** The stored state, freshly read (drafts and tests must never use a cached copy). */
  async state(key: string): Promise<RulesetState> {
    const state = await this.resources.load(key);
    this.justRead.set(key, { state, at: Date.now() });
    if (this.justRead.size > JUST_READ_MAX) this.justRead.delete(this.justRead.keys().next().value!);
    return state;
  }

  /** The static analysis of one version (404 when there is no such rule set or version). */
  async analysis(key: string, number: number): Promise<Analysis> {
    const state = await this.resources.load(key);
    this.lifecycle.find(state, number);
    return analyseRulesetInTurns(state.meta.format, await this.resources.content(state, number), timeSlices());
  }

  /**
   * One decision-table version as DMN 1.3 XML (docs/adr/0027-dmn-exchange.md): 404 as reading the version,
   * 400 naming `/format` for another format, or naming each cell DMN cannot express.
   */
  async dmn(key: string, number: number): Promise<string> {
    const state = await this.resources.load(key);
    this.lifecycle.find(state, number);
    if (state.meta.format !== 'decisionTable')
      throw new ValidationError(
        'Only decision tables are exchanged as DMN.',
        [{ path: '/format', message: `is ${state.meta.format}; DMN export covers decisionTable rule sets` }],
        'not_a_decision_table',
      );
    // In time slices: the largest table takes tens of milliseconds to write.
    return runStepsInTurns(exportDmnSteps(key, state.meta, await this.resources.content(state, number)), timeSlices());
  }

  /** A DMN file's decision table as a new rule set (its first draft), or a 400 naming every part that does not map. */
  async importDmn(
    xml: string,
    target: { key: string; pilot: string },
    actor: string,
  ): ReturnType<RulesetsService['create']> {
    const request = await importDmn(xml, target);
    try {
      return await this.create(request, actor);
    } catch (err) {
      throw err instanceof ValidationError ? inDmnPlaces(err, request) : err;
    }
  }

  /** The stored state, or null when there is no such rule set. */
  find(key: string): Promise<RulesetState | null> {
    return this.repository.get(key);
  }

  /** Current revision numbers, the cheap check other instances' caches poll. */
  revisionsOf(keys: string[]): Promise<Map<string, number>> {
    return this.repository.revisionsOf(keys);
  }

  async recordTestRun(
    key: string,
    number: number,
    run: { checksum: string; passed: number; failed: number },
    actor: string,
  ): Promise<void> {
    // The test run read the state a moment ago: start from it (the write is a compare-and-swap on its revision).
    const read = this.justRead.get(key);
    this.justRead.delete(key);
    const readState = read && Date.now() - read.at < JUST_READ_MS ? read.state : undefined;
    await this.resources.apply(key, (s) => this.lifecycle.recordTestRun(s, number, run, actor, new Date()), {
      readState,
    });
  }

  /**
   * The rule sets with a version that looks up `table` and is, or may be, in force under review's guarantee
   * (`readsUnderReview`): published (in force or scheduled), retired (a rollback can put it back), or in review or
   * approved and still publishable. Their reviewers approved decisions made with the table's rows as they are, so
   * the rows change only through an approver too (docs/adr/0019). One pass over the rule sets; the tables a
   * checksum reads are remembered, since those contents never change.
   */
  async reviewedReadersOf(table: string): Promise<string[]> {
    const readers: string[] = [];
    const now = new Date();
    for (const state of await this.allStates()) {
      const inForce = versionInForce(state.publications, now);
      for (const version of withDerivedStatuses(state.versions, state.publications, now)) {
        if (!version.checksum || !readsUnderReview(version, inForce)) continue;
        let tables = this.tablesByChecksum.get(version.checksum);
        if (!tables) {
          tables = ((await this.resources.content(state, version.number)).lookups ?? []).map((l) => l.table);
          this.tablesByChecksum.set(version.checksum, tables);
        }
        if (tables.includes(table)) {
          readers.push(state.key);
          break;
        }
      }
    }
    return readers.sort();
  }

  /**
   * The keys of the first `limit` rule sets stored, archived or not (about the oldest first: the pilots on a seeded
   * database), without building the console's list index (docs/adr/0037: an instance that only decides never
   * lists).
   */
  firstKeys(limit: number): Promise<string[]> {
    return this.repository.firstKeys(limit);
  }

  /** Whether any rule set was ever stored (archived ones included): seeding uses it to recognise a new database. */
  anyStored(): Promise<boolean> {
    return this.repository.any();
  }

  /** Every rule set not archived (for export), or those the filter selects, by key; chosen by the list index. */
  async allStates(filter: ResourceListFilter = {}): Promise<RulesetState[]> {
    const all = { sortField: 'key', sortOrder: 'ASC' as const, skip: 0, limit: Number.MAX_SAFE_INTEGER, filter: {} };
    return (await this.states(all, filter)).items;
  }
}

/**
 * A version whose static analysis finds errors (a row, rule or branch that can never hold; a value the input's
 * type rules out) does not go to review: a reviewer would approve logic that cannot work. Warnings and what the
 * analysis could not decide do not block (docs/adr/0025).
 */
function refuseAnalysisErrors(analysis: Analysis): void {
  const errors = analysis.findings.filter((finding) => finding.severity === 'error');
  if (errors.length === 0) return;
  throw new ValidationError(
    'The static analysis finds errors in this version; correct them before submitting it for review.',
    errors.map((finding) => ({ path: finding.path, message: finding.message, keyword: finding.kind })),
    'analysis_errors',
  );
}
