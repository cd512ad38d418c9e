import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
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
  error?: string;
  checks: CheckResult[];
  tokens: { input: number; output: number };
  costUsd: number;
  latencyMs: number;
}

export interface CaseResult {
  index: number;
  name?: string;
  variables: Record<string, unknown>;
  skipped?: 'budget';
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
  candidate: SideSummary;
  inForce: SideSummary | null;
  casesJson: string;
  createdAt: Date;
  createdBy: string;
  /** The audit event of the run until the trail holds it, stored in the same insert. */
  outbox?: OutboxItem[];
}

/** The only code that touches evaluation sets and runs: inserts and reads, no conditional update (ADR 0005). */
@Injectable()
export class EvaluationRepository implements OnModuleInit {
  private readonly sets: TypedCollection<EvaluationSetDocument>;
  private readonly runs: TypedCollection<EvaluationRunDocument>;

  constructor(@Inject(DB_CONNECTION) connection: Connection) {
    this.sets = new TypedCollection<EvaluationSetDocument>(connection, 'prompt_evaluation_sets', [
      { key: { prompt: 1, name: 1 } },
    ]);
    this.runs = new TypedCollection<EvaluationRunDocument>(connection, 'prompt_evaluation_runs', [
      { key: { prompt: 1, version: 1, createdAt: -1 } },
    ]);
  }

  async onModuleInit(): Promise<void> {
    await Promise.all([this.sets.ensureIndexes(), this.runs.ensureIndexes()]);
  }

  /** False when the prompt already has a set of that name. */
  async insertSet(set: EvaluationSetDocument): Promise<boolean> {
    try {
      await this.sets.collection.insertOne(set);
      return true;
    } catch (err) {
      if ((err as { code?: number }).code === 11000) return false;
      throw err;
    }
  }

  findSet(prompt: string, name: string): Promise<EvaluationSetDocument | null> {
    return this.sets.collection.findOne({ _id: `${prompt}/${name}` });
  }

  /** The sets of a prompt without their cases; a set stored before `caseCount` has its cases read to count them. */
  async listSets(prompt: string): Promise<(Omit<EvaluationSetDocument, 'casesJson'> & { caseCount: number })[]> {
    const listed = await this.sets.collection
      .find({ prompt }, { projection: { casesJson: 0, outbox: 0 } })
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

  async insertRun(run: EvaluationRunDocument): Promise<void> {
    await this.runs.collection.insertOne(run);
  }

  findRun(prompt: string, id: string): Promise<EvaluationRunDocument | null> {
    return this.runs.collection.findOne({ _id: id, prompt });
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
  runsOf(prompt: string, version: number, limit = 50): Promise<EvaluationRunDocument[]> {
    return this.runs.collection
      .find({ prompt, version }, { projection: { casesJson: 0, outbox: 0 } })
      .sort({ createdAt: -1 })
      .limit(limit)
      .toArray();
  }
}
