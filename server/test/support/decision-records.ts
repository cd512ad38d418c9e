import type { Document, Filter } from 'mongodb';
import type { Connection } from 'mongoose';
import { collectionOfDecision, isDecisionCollection } from '../../src/modules/evaluation/decision-partitions.js';

/** The collection a decision record with this id is stored in (its day's: docs/adr/0042). */
export function decisionCollection(db: Connection, id: string) {
  return db.collection(collectionOfDecision(id));
}

/** How many decision records match, across every day's collection and the legacy one. */
export async function countDecisions(db: Connection, filter: Filter<Document> = {}): Promise<number> {
  const names = (await db.db!.listCollections({}, { nameOnly: true }).toArray())
    .map((c) => c.name)
    .filter(isDecisionCollection);
  const counts = await Promise.all(names.map((name) => db.db!.collection(name).countDocuments(filter)));
  return counts.reduce((sum, n) => sum + n, 0);
}
