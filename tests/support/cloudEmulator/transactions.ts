/**
 * Transactions as the service (MongoDB 4 underneath) runs them:
 * - reads see a snapshot taken at the transaction's first operation, plus its own writes;
 * - a write takes the document's lock; a write to a document another open transaction holds,
 *   or one committed by someone else since the snapshot, fails at once with the conflict error,
 *   and the service aborts the transaction (its later operations fail);
 * - a write outside any transaction to a locked document waits until the lock is released;
 * - a transaction not ended within its time limit (30 s) is aborted and forgotten.
 */
import { randomBytes } from 'crypto';
import { errors, ServiceError } from './errors';
import type { Store, Write } from './store';
import { idKey, type Doc } from './values';

const keyOf = (collection: string, id: string) => `${collection}\u0000${id}`;

export class Transaction {
  snapshot: number | null = null;
  state: 'open' | 'committed' | 'aborted' = 'open';
  readonly writes = new Map<string, Write>();
  timer?: NodeJS.Timeout;
  constructor(readonly id: string) {}
}

export class Transactions {
  private readonly open = new Map<string, Transaction>();
  private readonly locks = new Map<string, Transaction>();
  private readonly waiters = new Map<string, Array<() => void>>();
  /** Commits still to refuse with a conflict (the test hook for the SDK's commit retry). */
  commitConflicts = 0;

  constructor(
    private readonly store: Store,
    private readonly timeoutMs: number,
  ) {}

  get openCount(): number {
    return this.open.size;
  }

  start(): Transaction {
    const transaction = new Transaction(randomBytes(16).toString('hex'));
    transaction.timer = setTimeout(() => this.end(transaction, 'aborted'), this.timeoutMs);
    transaction.timer.unref();
    this.open.set(transaction.id, transaction);
    return transaction;
  }

  /** An open transaction by id, its snapshot fixed by this (first) operation. */
  get(id: string): Transaction {
    const transaction = this.open.get(id);
    if (!transaction) throw errors.transactionGone(id);
    transaction.snapshot ??= this.store.currentSeq;
    return transaction;
  }

  read(transaction: Transaction, collection: string, id: string): Doc | null {
    this.store.requireCollection(collection);
    const own = transaction.writes.get(keyOf(collection, id));
    return own ? own.doc : this.store.read(collection, id, transaction.snapshot ?? undefined);
  }

  /** The transaction's view of a collection: the snapshot with its own writes laid over it. */
  scan(transaction: Transaction, collection: string): Doc[] {
    const docs: Doc[] = [];
    const seen = new Set<string>();
    for (const doc of this.store.scan(collection, transaction.snapshot ?? undefined)) {
      const key = keyOf(collection, idKey(doc._id));
      seen.add(key);
      const own = transaction.writes.get(key);
      if (!own) docs.push(doc);
      else if (own.doc) docs.push(own.doc);
    }
    for (const [key, write] of transaction.writes) {
      if (write.collection === collection && write.doc && !seen.has(key)) docs.push(write.doc);
    }
    return docs;
  }

  write(transaction: Transaction, collection: string, id: string, doc: Doc | null): void {
    this.store.requireCollection(collection);
    const key = keyOf(collection, id);
    const holder = this.locks.get(key);
    const changedSinceSnapshot = this.store.lastWrite(collection, id) > (transaction.snapshot ?? 0);
    if ((holder && holder !== transaction) || changedSinceSnapshot) {
      this.end(transaction, 'aborted');
      throw errors.transactionConflict();
    }
    this.locks.set(key, transaction);
    transaction.writes.set(key, { collection, id, doc });
  }

  /** Any refusal of a write inside a transaction aborts it, as MongoDB does. */
  fail(transaction: Transaction, error: unknown): never {
    if (error instanceof ServiceError) this.end(transaction, 'aborted');
    throw error;
  }

  commit(transaction: Transaction): void {
    if (this.commitConflicts > 0) {
      this.commitConflicts--;
      this.end(transaction, 'aborted');
      throw errors.transactionConflict();
    }
    this.store.commit(transaction.writes.values());
    this.end(transaction, 'committed');
  }

  abort(transaction: Transaction): void {
    this.end(transaction, 'aborted');
  }

  isLocked(collection: string, id: string): boolean {
    return this.locks.has(keyOf(collection, id));
  }

  /** Resolves once no open transaction holds any of these documents. */
  async unlocked(collection: string, ids: string[]): Promise<void> {
    for (const id of ids) {
      const key = keyOf(collection, id);
      while (this.locks.has(key)) {
        await new Promise<void>((resolve) => this.waiters.set(key, [...(this.waiters.get(key) ?? []), resolve]));
      }
    }
  }

  private end(transaction: Transaction, state: 'committed' | 'aborted'): void {
    if (transaction.state !== 'open') return;
    transaction.state = state;
    clearTimeout(transaction.timer);
    this.open.delete(transaction.id);
    for (const key of transaction.writes.keys()) {
      if (this.locks.get(key) !== transaction) continue;
      this.locks.delete(key);
      for (const wake of this.waiters.get(key) ?? []) wake();
      this.waiters.delete(key);
    }
    const snapshots = [...this.open.values()].map((open) => open.snapshot ?? this.store.currentSeq);
    this.store.prune(Math.min(this.store.currentSeq, ...snapshots));
  }

  stop(): void {
    for (const transaction of [...this.open.values()]) this.end(transaction, 'aborted');
  }
}
