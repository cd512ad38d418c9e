import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import type { Connection } from 'mongoose';
import { DB_CONNECTION } from '../../../common/database/database.module.js';
import { TypedCollection } from '../../../common/database/typed-collection.js';
import type { OutboxItem } from '../../audit/outbox.js';
import type { Check, CheckResult } from './evaluation-checks.js';

export interface EvaluationCase {
  name?: string;
  variables: Record<string, unknown>;
  expect: Check[];
}

/** An evaluation set of a prompt: `_id` is `<prompt>/<name>`, so a name is taken once per prompt (unique `_id`). */
export interface EvaluationSetDocument {
  _id: string;
  prompt: string;
  name: string;
  judgePrompt?: string;
  /** As one JSON text: analysts' variables and schemas may hold names the database refuses as field names. */
  casesJson: string;
  /** How many cases `casesJson` holds, for lists (absent on sets stored before 2026-12-07). */
  caseCount?: number;
  createdAt: Date;
  createdBy: string;
  /** The audit event of its creation until the trail holds it, stored in the same insert (docs/adr/0005). */
  outbox?: OutboxItem[];
}

export interface SideResult {
  version: number;
  passed: boolean;
  output?: string;
  /** The output's length in characters, when it was shortened to be stored (stored-outputs.ts). */
  outputLength?: number;
  error?: string;
  checks: CheckResult[];
  tokens: { input: number; output: number };
  costUsd: number;
  latencyMs: number;
}

/** `budget`: the tokens (EVAL_RUN_BUDGET_TOKENS or the request's); `time`: EVAL_RUN_BUDGET_MS; `caller_gone`. */
export type StopReason = 'budget' | 'time' | 'caller_gone';

export interface CaseResult {
  index: number;
  name?: string;
  variables: Record<string, unknown>;
  /** Why the case did not run: the run's token budget or time were spent, or its caller left (StopReason). */
  skipped?: StopReason;
  candidate?: SideResult;
  inForce?: SideResult;
}

export interface SideSummary {
  version: number;
  cases: number;
  passed: number;
  failed: number;
  errors: number;
  skipped: number;
  passRate: { rate: number; interval: [number, number] };
  score: { mean: number; n: number; interval: [number, number] | null } | null;
  tokens: { input: number; output: number };
  costUsd: number;
  latencyMs: { mean: number; max: number; total: number };
}

/** A run, stored once when it ends (cases as JSON text, like the set's). */
export interface EvaluationRunDocument {
  _id: string;
  prompt: string;
  version: number;
  checksum: string;
  set: string;
  inForceVersion: number | null;
  budgetTokens: number;
  tokensUsed: number;
  budgetExhausted: boolean;
  /** Why cases were left unrun, if any were; absent on runs stored before it was kept (read as their budget). */
  stoppedBy?: StopReason;
  candidate: SideSummary;
  inForce: SideSummary | null;
  casesJson: string;
  createdAt: Date;
  createdBy: string;
  /** The audit event of the run until the trail holds it, stored in the same insert. */
  outbox?: OutboxItem[];
}

/** A set or a run as stored: its cases in `prompt_evaluation_cases` (docs/adr/0044), or inline when stored before. */
type Stored<D extends { casesJson: string }> = Omit<D, 'casesJson'> & { casesJson?: string; casesId?: string };

/** The cases of one set or run, as the JSON text the service wrote. */
interface CasesDocument {
  _id: string;
  json: string;
}

/**
 * Cases being stored for a set or a run, registered before them and removed once their owner names them: what the
 * sweep reads to find cases whose owner was never stored, without reading any cases (up to a megabyte each).
 */
interface CasesWriteDocument {
  _id: string;
  owner: 'set' | 'run';
  ownerId: string;
  at: Date;
}

/** Cases registered this long ago whose owner does not name them were left by a write that failed or stopped. */
export const UNNAMED_CASES_AFTER_MS = 10 * 60_000;
const CASES_SWEEP_MS = 60 * 60_000;

/**
 * The only code that touches evaluation sets and runs: inserts and reads, no conditional update (ADR 0005). Their
 * cases, up to a megabyte, are stored apart from them (docs/adr/0044): lists select sets and runs by prompt and
 * version, which the embedded database does by reading every document whole, so a few runs of a megabyte made a
 * list take seconds.
 */
@Injectable()
export class EvaluationRepository implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('EvaluationRepository');
  private readonly sets: TypedCollection<Stored<EvaluationSetDocument>>;
  private readonly runs: TypedCollection<Stored<EvaluationRunDocument>>;
  private readonly cases: TypedCollection<CasesDocument>;
  private readonly casesWrites: TypedCollection<CasesWriteDocument>;
  private sweepTimer?: NodeJS.Timeout;

  constructor(@Inject(DB_CONNECTION) connection: Connection) {
    this.sets = new TypedCollection<Stored<EvaluationSetDocument>>(connection, 'prompt_evaluation_sets', [
      { key: { prompt: 1, name: 1 } },
    ]);
    this.runs = new TypedCollection<Stored<EvaluationRunDocument>>(connection, 'prompt_evaluation_runs', [
      { key: { prompt: 1, version: 1, createdAt: -1 } },
    ]);
    this.cases = new TypedCollection<CasesDocument>(connection, 'prompt_evaluation_cases');
    this.casesWrites = new TypedCollection<CasesWriteDocument>(connection, 'prompt_evaluation_cases_writes');
  }

  async onModuleInit(): Promise<void> {
    await Promise.all([this.sets.ensureIndexes(), this.runs.ensureIndexes()]);
  }

  /**
   * In the background: moves the cases of sets and runs stored inline before, then removes cases no set or run
   * names (at start, then every hour).
   */
  onApplicationBootstrap(): void {
    void this.moveCasesApart()
      .catch((err: Error) =>
        this.logger.warn(`moving evaluation cases apart failed (${err.message}); the next start goes on`),
      )
      .then(() => this.sweepUnnamedCases());
    this.sweepTimer = setInterval(() => void this.sweepUnnamedCases(), CASES_SWEEP_MS);
    this.sweepTimer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweepTimer);
  }

  /**
   * False when the prompt already has a set of that name. The cases are stored first, under an id of their own,
   * so a stored set always has them; the ones of a set refused are removed, and those of a set whose insert
   * failed otherwise are removed by the sweep if the set was not stored.
   */
  async insertSet(set: EvaluationSetDocument): Promise<boolean> {
    const { casesJson, ...fields } = set;
    const casesId = `set:${set._id}:${randomUUID()}`;
    await this.storeCases(casesId, 'set', set._id, casesJson);
    try {
      await this.sets.collection.insertOne({ ...fields, casesId });
    } catch (err) {
      // Only a refusal is sure to have stored nothing: after another error the set may be stored, cases and all.
      if ((err as { code?: number }).code !== 11000) throw err;
      await this.removeCases(casesId).catch(() => undefined);
      return false;
    }
    await this.casesNamed(casesId);
    return true;
  }

  async findSet(prompt: string, name: string): Promise<EvaluationSetDocument | null> {
    const stored = await this.sets.collection.findOne({ _id: `${prompt}/${name}` });
    return stored && { ...stored, casesJson: await this.casesOf(stored) };
  }

  /** The sets of a prompt without their cases; a set stored before `caseCount` has its cases read to count them. */
  async listSets(prompt: string): Promise<(Omit<EvaluationSetDocument, 'casesJson'> & { caseCount: number })[]> {
    const listed = await this.sets.collection
      .find({ prompt }, { projection: { casesJson: 0, casesId: 0, outbox: 0 } })
      .sort({ name: 1 })
      .limit(500)
      .toArray();
    return Promise.all(
      listed.map(async (set) => ({
        ...set,
        caseCount:
          set.caseCount ?? (JSON.parse((await this.findSet(prompt, set.name))?.casesJson ?? '[]') as []).length,
      })),
    );
  }

  /** Stores a run: its cases first, so a stored run always has them. */
  async insertRun(run: EvaluationRunDocument): Promise<void> {
    const { casesJson, ...fields } = run;
    const casesId = `run:${run._id}`;
    await this.storeCases(casesId, 'run', run._id, casesJson);
    await this.runs.collection.insertOne({ ...fields, casesId });
    await this.casesNamed(casesId);
  }

  /** Registers the cases (for the sweep), then stores them. */
  private async storeCases(casesId: string, owner: 'set' | 'run', ownerId: string, json: string): Promise<void> {
    await this.casesWrites.collection.insertOne({ _id: casesId, owner, ownerId, at: new Date() });
    await this.cases.collection.insertOne({ _id: casesId, json });
  }

  /** Their owner is stored: the entry is no longer needed (if this fails, the sweep finds the owner and removes it). */
  private async casesNamed(casesId: string): Promise<void> {
    await this.casesWrites.collection.deleteOne({ _id: casesId }).catch(() => undefined);
  }

  private async removeCases(casesId: string): Promise<void> {
    await this.cases.collection.deleteOne({ _id: casesId });
    await this.casesWrites.collection.deleteOne({ _id: casesId });
  }

  /**
   * Removes the cases registered before `before` that their set or run does not name: left by an insert that
   * failed (a database error after the cases were stored) or a process that stopped in between. Each owner is
   * read by `_id`; no cases are read. Returns how many were removed.
   */
  async sweepUnnamedCases(before = new Date(Date.now() - UNNAMED_CASES_AFTER_MS)): Promise<number> {
    try {
      const registered = await this.casesWrites.collection.find({ at: { $lt: before } }).toArray();
      let removed = 0;
      for (const entry of registered) {
        const store = entry.owner === 'set' ? this.sets : this.runs;
        const owner = await store.collection.findOne({ _id: entry.ownerId }, { projection: { casesId: 1 } });
        if (owner?.casesId === entry._id) await this.casesNamed(entry._id);
        else {
          await this.removeCases(entry._id);
          removed++;
        }
      }
      if (removed > 0) this.logger.warn(`removed the cases of ${removed} evaluation set(s) or run(s) never stored`);
      return removed;
    } catch (err) {
      this.logger.warn(`evaluation cases not swept (${(err as Error).message}); tried again within the hour`);
      return 0;
    }
  }

  async findRun(prompt: string, id: string): Promise<EvaluationRunDocument | null> {
    const stored = await this.runs.collection.findOne({ _id: id, prompt });
    return stored && { ...stored, casesJson: await this.casesOf(stored) };
  }

  private async casesOf(stored: { _id: string; casesJson?: string; casesId?: string }): Promise<string> {
    if (stored.casesJson !== undefined) return stored.casesJson;
    const cases = stored.casesId ? await this.cases.collection.findOne({ _id: stored.casesId }) : null;
    if (!cases) throw new Error(`The cases of evaluation set or run "${stored._id}" are missing.`);
    return cases.json;
  }

  /**
   * Moves the inline cases of sets and runs stored before cases were kept apart: the cases are stored (under an
   * id made from the document's, so doing it twice, or on two instances at once, stores them once), then the
   * document names them and loses its copy. A reader in between finds either, whole.
   */
  private async moveCasesApart(): Promise<void> {
    let moved = 0;
    for (const [kind, store] of [
      ['set', this.sets],
      ['run', this.runs],
    ] as const) {
      const inline = await store.collection
        .find({ casesJson: { $exists: true } }, { projection: { _id: 1 } })
        .toArray();
      for (const { _id } of inline) {
        const stored = await store.collection.findOne({ _id });
        if (stored?.casesJson === undefined) continue;
        const casesId = `${kind}:${_id}:moved`;
        await this.cases.collection.insertOne({ _id: casesId, json: stored.casesJson }).catch((err: unknown) => {
          if ((err as { code?: number }).code !== 11000) throw err;
        });
        await store.collection.updateOne({ _id }, { $set: { casesId }, $unset: { casesJson: '' } });
        moved++;
      }
    }
    if (moved > 0) this.logger.log(`moved the cases of ${moved} evaluation set(s) and run(s) apart`);
  }

  async removeSetOutbox(id: string, items: OutboxItem[]): Promise<void> {
    await this.sets.collection.updateOne({ _id: id }, { $pullAll: { outbox: items } });
  }

  async removeRunOutbox(id: string, items: OutboxItem[]): Promise<void> {
    await this.runs.collection.updateOne({ _id: id }, { $pullAll: { outbox: items } });
  }

  /** Sets and runs whose creation's audit event is not in the trail yet (recorded at start-up). */
  async withOutbox(): Promise<{ sets: [string, OutboxItem[]][]; runs: [string, OutboxItem[]][] }> {
    const filter = { 'outbox.0': { $exists: true } };
    const [sets, runs] = await Promise.all([
      this.sets.collection.find(filter, { projection: { outbox: 1 } }).toArray(),
      this.runs.collection.find(filter, { projection: { outbox: 1 } }).toArray(),
    ]);
    const pairs = (docs: { _id: string; outbox?: OutboxItem[] }[]) =>
      docs.map((d): [string, OutboxItem[]] => [d._id, d.outbox ?? []]);
    return { sets: pairs(sets), runs: pairs(runs) };
  }

  /** Runs of a version, newest first (summaries: the cases are left out). */
  runsOf(prompt: string, version: number, limit = 50): Promise<Omit<EvaluationRunDocument, 'casesJson'>[]> {
    return this.runs.collection
      .find({ prompt, version }, { projection: { casesJson: 0, casesId: 0, outbox: 0 } })
      .sort({ createdAt: -1 })
      .limit(limit)
      .toArray();
  }
}
