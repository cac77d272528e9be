/**
 * The data behind the stand-in: collections of documents, a revision per document id (kept after
 * removal, so a transaction notices a remove or a re-create), call counters, and the errors.
 */
import { cloneValue, type Doc } from './values';

export interface CallStats {
  /** `doc(id).get()` calls, in and out of transactions. */
  gets: number;
  /** `where(...).get()` / `collection.get()` calls. */
  queries: number;
  counts: number;
  aggregates: number;
  adds: number;
  sets: number;
  updates: number;
  removes: number;
  transactions: number;
  commits: number;
  conflicts: number;
}

export function emptyStats(): CallStats {
  return {
    gets: 0,
    queries: 0,
    counts: 0,
    aggregates: 0,
    adds: 0,
    sets: 0,
    updates: 0,
    removes: 0,
    transactions: 0,
    commits: 0,
    conflicts: 0,
  };
}

/** An error shaped like the SDK's: a message with `errCode` and `errMsg`. */
export class CloudDatabaseError extends Error {
  constructor(
    readonly errCode: number,
    readonly errMsg: string,
    readonly code?: string,
  ) {
    super(`errCode: ${errCode} | errMsg: ${errMsg}`);
    this.name = 'CloudDatabaseError';
  }
}

export function documentNotFound(operation: string, collection: string, id: string): CloudDatabaseError {
  return new CloudDatabaseError(
    -502004,
    `${operation}:fail document with _id ${id} in collection ${collection} does not exist`,
    'DATABASE_DOCUMENT_NOT_EXIST',
  );
}

export function duplicateKey(operation: string, collection: string, id: string): CloudDatabaseError {
  return new CloudDatabaseError(
    -502001,
    `${operation}:fail E11000 duplicate key error collection: ${collection} index: _id_ dup key: { _id: "${id}" }`,
    'DATABASE_DUPLICATE_KEY',
  );
}

export function transactionConflict(collection: string, id: string): CloudDatabaseError {
  return new CloudDatabaseError(
    -502009,
    `transaction conflict: document ${id} in collection ${collection} changed during the transaction`,
    'DATABASE_TRANSACTION_CONFLICT',
  );
}

export function isTransactionConflict(error: unknown): boolean {
  return error instanceof CloudDatabaseError && error.code === 'DATABASE_TRANSACTION_CONFLICT';
}

export type DataSnapshot = Record<string, Record<string, Doc>>;

export class Storage {
  private readonly collections = new Map<string, Map<string, Doc>>();
  private readonly revisions = new Map<string, number>();
  private clock = 0;
  readonly stats: CallStats = emptyStats();

  private key(collection: string, id: string): string {
    return `${collection}\u0000${id}`;
  }

  private docs(collection: string): Map<string, Doc> {
    let docs = this.collections.get(collection);
    if (!docs) {
      docs = new Map();
      this.collections.set(collection, docs);
    }
    return docs;
  }

  /** A copy of the stored document, or null. */
  read(collection: string, id: string): Doc | null {
    const doc = this.collections.get(collection)?.get(id);
    return doc ? cloneValue(doc) : null;
  }

  /** The revision of a document id: changes with every write or removal of that id. */
  revision(collection: string, id: string): number {
    return this.revisions.get(this.key(collection, id)) ?? 0;
  }

  /** Stores a copy of `doc` (which carries `_id`), or removes the id when `doc` is null. */
  write(collection: string, id: string, doc: Doc | null): void {
    const docs = this.docs(collection);
    if (doc) docs.set(id, cloneValue({ ...doc, _id: id }));
    else docs.delete(id);
    this.clock += 1;
    this.revisions.set(this.key(collection, id), this.clock);
  }

  /** Copies of every document of a collection, in stored (insertion) order. */
  all(collection: string): Doc[] {
    return [...(this.collections.get(collection)?.values() ?? [])].map((doc) => cloneValue(doc));
  }

  snapshot(): DataSnapshot {
    const data: DataSnapshot = {};
    for (const [name, docs] of this.collections) {
      if (docs.size > 0) data[name] = Object.fromEntries([...docs].map(([id, doc]) => [id, cloneValue(doc)]));
    }
    return data;
  }

  /** Puts back a snapshot; every id it touches gets a new revision, so open transactions conflict. */
  restore(data: DataSnapshot): void {
    for (const [name, docs] of this.collections) for (const id of docs.keys()) this.write(name, id, null);
    for (const [name, docs] of Object.entries(data))
      for (const [id, doc] of Object.entries(docs)) this.write(name, id, doc);
  }
}

/** Resolves on a later turn of the event loop, so concurrent calls really interleave. */
export function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
