import type { Collection, CreateIndexesOptions, Document, IndexSpecification } from 'mongodb';
import type { Connection } from 'mongoose';

/** An index a repository relies on: unique ones for correctness, the others for lists on MongoDB. */
export interface IndexDeclaration {
  key: IndexSpecification;
  options?: CreateIndexesOptions;
}

/**
 * A repository's collection through the `mongodb` driver's types (docs/adr/0022), with the indexes it declares.
 * The driver checks filters and updates against the document type, so no cast is needed; mongoose models are
 * not used for storage (they were only a way to reach an untyped `.collection`).
 */
export class TypedCollection<D extends Document> {
  readonly collection: Collection<D>;
  private ready?: Promise<unknown>;

  constructor(
    connection: Connection,
    name: string,
    private readonly indexes: IndexDeclaration[] = [],
  ) {
    // The connection provider resolves only once connected (connectWithRetry), so `db` is there.
    this.collection = connection.db!.collection<D>(name);
  }

  /** Creates the declared indexes once (an existing identical index is left as it is); a failure is retried next call. */
  ensureIndexes(): Promise<unknown> {
    this.ready ??= Promise.all(
      this.indexes.map(({ key, options }) => this.collection.createIndex(key, options ?? {})),
    ).catch((err: unknown) => {
      this.ready = undefined;
      throw err;
    });
    return this.ready;
  }
}
