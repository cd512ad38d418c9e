import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { DB_CONNECTION } from '../../common/database/database.module.js';
import { TypedCollection } from '../../common/database/typed-collection.js';
import { EXAMPLES_PER_RUN, type ShadowExample, type TallyCounts } from './shadow-tally.js';

/** One instance's cumulative counts for one shadow run, as of its `seq`-th flush. */
export interface StoredTally {
  _id: string;
  run: string;
  ruleset: string;
  instance: string;
  seq: number;
  compared: number;
  diverged: number;
  shed: number;
  errors: number;
  /** As pairs: outcomes are analysts' event types, which may not be valid field names. */
  transitions: { transition: string; count: number }[];
  at: Date;
}

/** One divergence kept as an example; the facts are one text field (the embedded database pays per field). */
interface StoredExample {
  _id: string;
  run: string;
  ruleset: string;
  evaluationId: string;
  before: string;
  after: string;
  rulesOnlyBefore: string[];
  rulesOnlyAfter: string[];
  /** Absent when the facts' JSON was longer than MAX_EXAMPLE_FACTS_BYTES. */
  factsJson?: string;
  at: Date;
}

/**
 * The facts of an example are kept up to this size of JSON; larger ones are left out (the example keeps its
 * outcomes). A report reads up to EXAMPLES_PER_RUN examples: 17 of 900 KB held the event loop 0.3–0.7 s.
 */
export const MAX_EXAMPLE_FACTS_BYTES = 16 * 1024;

/** The facts an example keeps: none when their JSON is longer than the bound. */
export function keptFacts(facts: Record<string, unknown> | undefined): { facts?: Record<string, unknown> } {
  return facts !== undefined && Buffer.byteLength(JSON.stringify(facts)) <= MAX_EXAMPLE_FACTS_BYTES ? { facts } : {};
}

/**
 * The only code that touches the shadow runs' figures (docs/adr/0028). Each instance inserts its cumulative
 * counts with an increasing sequence and deletes its older copies: no conditional update (not atomic on
 * FerretDB 1.24, docs/adr/0005), and a report reads one document per instance that ever ran the shadow.
 */
@Injectable()
export class ShadowTalliesRepository implements OnModuleInit {
  private readonly tallies: TypedCollection<StoredTally>;
  private readonly examples: TypedCollection<StoredExample>;

  constructor(@Inject(DB_CONNECTION) connection: Connection) {
    this.tallies = new TypedCollection<StoredTally>(connection, 'shadow_tallies', [{ key: { run: 1, instance: 1 } }]);
    this.examples = new TypedCollection<StoredExample>(connection, 'shadow_examples', [{ key: { run: 1, at: 1 } }]);
  }

  async onModuleInit(): Promise<void> {
    await Promise.all([this.tallies.ensureIndexes(), this.examples.ensureIndexes()]);
  }

  /** Stores a flush: the instance's cumulative counts per run (one insertMany) and the new examples (another). */
  async store(
    tallies: { run: string; ruleset: string; instance: string; seq: number; counts: TallyCounts }[],
    examples: { run: string; ruleset: string; example: ShadowExample }[],
  ): Promise<void> {
    const at = new Date();
    if (examples.length > 0)
      await this.examples.collection.insertMany(
        examples.map(({ run, ruleset, example }) => ({
          _id: `${run}/${example.evaluationId}`,
          run,
          ruleset,
          evaluationId: example.evaluationId,
          before: example.before,
          after: example.after,
          rulesOnlyBefore: example.rulesOnlyBefore,
          rulesOnlyAfter: example.rulesOnlyAfter,
          ...(example.facts !== undefined && { factsJson: JSON.stringify(example.facts) }),
          at: new Date(example.at),
        })),
        { ordered: false },
      );
    if (tallies.length === 0) return;
    await this.tallies.collection.insertMany(
      tallies.map(({ run, ruleset, instance, seq, counts }) => ({
        _id: `${run}/${instance}/${seq}`,
        run,
        ruleset,
        instance,
        seq,
        compared: counts.compared,
        diverged: counts.diverged,
        shed: counts.shed,
        errors: counts.errors,
        transitions: Object.entries(counts.byTransition).map(([transition, count]) => ({ transition, count })),
        at,
      })),
      { ordered: false },
    );
    // The older copies are superseded; one left behind by a failure here is ignored by the readers anyway.
    for (const { run, instance, seq } of tallies)
      await this.tallies.collection.deleteMany({ run, instance, seq: { $lt: seq } });
  }

  /** Each instance's latest counts for a run. */
  async latestTallies(run: string): Promise<Map<string, TallyCounts>> {
    const latest = new Map<string, StoredTally>();
    for (const doc of await this.tallies.collection.find({ run }).toArray()) {
      const seen = latest.get(doc.instance);
      if (!seen || seen.seq < doc.seq) latest.set(doc.instance, doc);
    }
    return new Map(
      [...latest].map(([instance, doc]) => [
        instance,
        {
          compared: doc.compared,
          diverged: doc.diverged,
          shed: doc.shed,
          errors: doc.errors,
          byTransition: Object.fromEntries(doc.transitions.map((t) => [t.transition, t.count])),
        },
      ]),
    );
  }

  /**
   * Deletes the examples stored before `cutoff`: their facts are a person's, kept no longer than decision records
   * (DecisionRetention). Answers how many.
   */
  async deleteExamplesBefore(cutoff: Date): Promise<number> {
    return (await this.examples.collection.deleteMany({ at: { $lt: cutoff } })).deletedCount;
  }

  /** A run's stored examples, oldest first, at most EXAMPLES_PER_RUN. */
  async examplesOf(run: string): Promise<ShadowExample[]> {
    const docs = await this.examples.collection.find({ run }).sort({ at: 1 }).limit(EXAMPLES_PER_RUN).toArray();
    return docs.map((doc) => ({
      evaluationId: doc.evaluationId,
      before: doc.before,
      after: doc.after,
      rulesOnlyBefore: doc.rulesOnlyBefore,
      rulesOnlyAfter: doc.rulesOnlyAfter,
      ...(doc.factsJson !== undefined && { facts: JSON.parse(doc.factsJson) as Record<string, unknown> }),
      at: doc.at.toISOString(),
    }));
  }
}
