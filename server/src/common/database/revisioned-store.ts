import type { Collection, Db, Filter, IndexSpecification, OptionalUnlessRequiredId } from 'mongodb';

const DUPLICATE_KEY = 11000;

/** Whether a write failed on a unique index (the key, or the revision, was taken by another writer). */
export function isDuplicateKey(err: unknown): boolean {
  return (err as { code?: number } | null)?.code === DUPLICATE_KEY;
}

/** A document as stored: keyed by `_id`, carrying its revision number. */
export interface RevisionedDoc {
  _id: string;
  rev: number;
}

/**
 * The claim of one revision: its `_id` is `<key>#<rev>`, unique, and it carries the whole next document until two
 * newer revisions are written; then only the claim stays, without `state`, so that the revision stays taken.
 */
interface RevisionClaim<D> {
  _id: string;
  key: string;
  rev: number;
  at: Date;
  state?: D;
}

/**
 * One kind of document under the revision claim of docs/adr/0005, on typed `mongodb` collections.
 *
 * FerretDB 1.24 does not apply a conditional update atomically under concurrency (two `updateOne({rev: 1})`
 * can both match), but it enforces unique indexes. So a writer claims the next revision by inserting
 * `<key>#<rev>` (carrying the whole next document) into the claims collection: one writer wins each revision.
 * The document is then replaced; a reader that finds a newer claim (its writer died in between, or a slow
 * writer overwrote a newer state) rolls it forward. Every lookup is by `_id`: FerretDB serves nothing else
 * from an index (docs/adr/0011).
 */
export class RevisionedStore<D extends RevisionedDoc> {
  readonly documents: Collection<D>;
  private readonly claims: Collection<RevisionClaim<D>>;

  constructor(
    db: Db,
    collection: string,
    claimsCollection: string,
    private readonly indexes: IndexSpecification[] = [],
  ) {
    this.documents = db.collection<D>(collection);
    this.claims = db.collection<RevisionClaim<D>>(claimsCollection);
  }

  /** The document, rolled forward past any claim its writer did not finish applying. */
  async get(key: string): Promise<D | null> {
    const doc = await this.documents.findOne(byId<D>(key));
    return doc ? this.rollForward(doc as D) : null;
  }

  /**
   * Applies the claims newer than `doc` (a document read by some other query, such as a list's page). A claim
   * without its state was applied and followed by two more: the document is older than that (a slow writer
   * overwrote a newer state), and the newer claims that still carry theirs are applied.
   */
  async rollForward(doc: D): Promise<D> {
    let current = doc;
    for (let rev = doc.rev + 1; ; rev++) {
      const claim = await this.claims.findOne(byId<RevisionClaim<D>>(claimId(doc._id, rev)));
      if (!claim) return current;
      if (!claim.state) continue;
      current = claim.state;
      await this.writeCurrent(current);
    }
  }

  /** Inserts a new document; false when its key is taken. */
  async insert(doc: D): Promise<boolean> {
    try {
      await this.documents.insertOne(doc as OptionalUnlessRequiredId<D>);
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  /** Writes the next document only if nobody changed it since `expectedRev` was read; false if somebody did. */
  async replace(next: D, expectedRev: number): Promise<boolean> {
    if (next.rev !== expectedRev + 1)
      throw new Error(`a change must move ${next._id} from rev ${expectedRev} to ${expectedRev + 1}, not ${next.rev}`);
    try {
      await this.claims.insertOne({
        _id: claimId(next._id, next.rev),
        key: next._id,
        rev: next.rev,
        at: new Date(),
        state: next,
      } as OptionalUnlessRequiredId<RevisionClaim<D>>);
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
    await this.writeCurrent(next);
    // Older states are no longer needed to roll forward; keeping the last two covers a writer still finishing.
    // The claim itself stays: deleted, its revision could be claimed again by a writer that read it long ago,
    // whose change would then be written over newer ones (a review saw a table's rows lost so). Stripped by `_id`
    // (each change strips the one that just fell out): a filter on key/rev would make FerretDB read every claim.
    if (next.rev > 2)
      void this.claims
        .replaceOne(byId<RevisionClaim<D>>(claimId(next._id, next.rev - 2)), {
          key: next._id,
          rev: next.rev - 2,
          at: new Date(),
        } as RevisionClaim<D>)
        .catch(() => undefined);
    return true;
  }

  /** Current revision numbers of some documents: the cheap check instances poll to notice others' changes. */
  async revisionsOf(keys: string[]): Promise<Map<string, number>> {
    // One `_id` lookup per key: FerretDB 1.24 serves `{_id: {$in}}` by reading the whole collection.
    const docs = await Promise.all(keys.map((key) => this.documents.findOne(byId<D>(key), { projection: { rev: 1 } })));
    return new Map(docs.filter((d) => d !== null).map((d) => [String(d._id), Number(d.rev)]));
  }

  /** Keys of the documents whose outbox still holds audit events (recorded at start-up). */
  async keysWithOutbox(): Promise<string[]> {
    const docs = await this.documents
      .find({ 'outbox.0': { $exists: true } } as Filter<D>, { projection: { _id: 1 } })
      .toArray();
    return docs.map((d) => String(d._id));
  }

  /** Whether any document was ever stored. */
  async any(): Promise<boolean> {
    return (await this.documents.findOne({}, { projection: { _id: 1 } })) !== null;
  }

  /**
   * The keys of the first `limit` documents in the order the database keeps them (about the order they were
   * stored), with no filter or sort: the embedded database reads only those. 100 of 10 000 rule sets of 20 KB
   * took 45–53 ms, where reading every key took 4.0–4.4 s.
   */
  async firstKeys(limit: number): Promise<string[]> {
    const docs = await this.documents
      .find({}, { projection: { _id: 1 } })
      .limit(limit)
      .toArray();
    return docs.map((d) => String(d._id));
  }

  /** Creates the store's declared indexes (none for governed resources, whose lists are answered from memory). */
  async init(): Promise<void> {
    await Promise.all(this.indexes.map((index) => this.documents.createIndex(index)));
  }

  /** A whole replacement: fields a change removes (a submitted draft, an applied pending change) go too. */
  private async writeCurrent(doc: D): Promise<void> {
    const { _id, ...fields } = doc;
    await this.documents.replaceOne(byId<D>(_id), fields as unknown as D);
  }
}

function claimId(key: string, rev: number): string {
  return `${key}#${rev}`;
}

/** `{_id: key}` as a filter of a generic collection (its type cannot see that `_id` is a string). */
function byId<T>(id: string): Filter<T> {
  return { _id: id } as Filter<T>;
}
