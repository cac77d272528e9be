/**
 * The part of wx-server-sdk's server-side database API that `CloudDbStore` uses, typed loosely so
 * that both `cloud.database()` and the in-memory stand-in of the tests fit it structurally.
 */

export type CloudQueryCondition = Record<string, unknown>;

export interface CloudDocumentReference {
  /** `{ data: null }` for a missing document with `throwOnNotFound: false`; otherwise it rejects. */
  get(): Promise<{ data: unknown }>;
  /** Replaces or creates the document; `data` must not contain `_id`. */
  set(options: { data: Record<string, unknown> }): Promise<unknown>;
  /** Updates fields (dotted paths and `command.inc` allowed). */
  update(options: { data: Record<string, unknown> }): Promise<unknown>;
  remove(): Promise<unknown>;
}

export interface CloudQuery {
  where(condition: CloudQueryCondition): CloudQuery;
  orderBy(field: string, order: 'asc' | 'desc'): CloudQuery;
  skip(offset: number): CloudQuery;
  /** At most 1000 on the server; `get()` without `limit` returns 100 records. */
  limit(max: number): CloudQuery;
  field(projection: Record<string, boolean>): CloudQuery;
  get(): Promise<{ data: unknown[] }>;
  /** Updates every matching document (each one atomically); `stats.updated` says how many. */
  update(options: { data: Record<string, unknown> }): Promise<{ stats?: { updated?: number } }>;
}

export interface CloudCollection extends CloudQuery {
  doc(id: string): CloudDocumentReference;
}

/** Inside a transaction only single-record operations exist: no `where`, no `aggregate`. */
export interface CloudTransactionCollection {
  doc(id: string): CloudDocumentReference;
}

export interface CloudTransaction {
  collection(name: string): CloudTransactionCollection;
}

export interface CloudCommand {
  in(values: unknown[]): unknown;
  lt(value: unknown): unknown;
  gt(value: unknown): unknown;
  inc(amount: number): unknown;
}

export interface CloudDatabase {
  readonly command: CloudCommand;
  /** Fails when it exists already (the service's ResourceExist). */
  createCollection(name: string): Promise<unknown>;
  collection(name: string): CloudCollection;
  /**
   * Runs `callback` in a transaction. The SDK re-runs it only when the commit conflicts (`times`
   * more runs); a write refused inside (another transaction holds the document) rejects at once.
   */
  runTransaction<T>(callback: (transaction: CloudTransaction) => Promise<T>, times?: number): Promise<T>;
}
