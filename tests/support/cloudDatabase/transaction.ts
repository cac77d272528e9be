/**
 * Transactions: single-record operations only (`doc(id).get/set/update/remove`, `add`); `where`,
 * `aggregate` and other batch operations throw. Reads see the document as the transaction first
 * touched it plus the transaction's own writes; writes are buffered and applied at once on commit.
 * The commit fails with a conflict when a touched document changed since the transaction first
 * touched it: any touched document by default, or only written ones with `conflicts: 'writes'`
 * (what MongoDB, under the cloud database, checks).
 */
import { checkDocumentId, checkWriteData, newDocumentId, type DatabaseContext } from './collection';
import {
  documentNotFound,
  duplicateKey,
  isTransactionConflict,
  tick,
  transactionConflict,
  CloudDatabaseError,
} from './storage';
import { applyUpdate } from './update';
import { checkDocumentSize, cloneValue, isPlainObject, type Doc } from './values';

export type ConflictDetection = 'reads-and-writes' | 'writes';

interface Touched {
  collection: string;
  id: string;
  /** The storage revision when the transaction first touched the document. */
  revision: number;
  /** The document as this transaction sees it (snapshot plus own writes); null: absent. */
  doc: Doc | null;
  written: boolean;
}

type State = 'active' | 'committed' | 'rolled-back' | 'aborted';

function batchNotAllowed(operation: string): never {
  throw new CloudDatabaseError(
    -502010,
    `transaction.collection().${operation}: only single-record operations (doc, add) are allowed in a transaction`,
    'DATABASE_TRANSACTION_BATCH_NOT_ALLOWED',
  );
}

export class StandInTransaction {
  private readonly touched = new Map<string, Touched>();
  private state: State = 'active';
  rollbackReason: unknown = undefined;

  constructor(
    private readonly context: DatabaseContext,
    private readonly conflicts: ConflictDetection,
    /** runTransaction commits by itself: calling commit() inside its callback is a mistake. */
    private readonly managed: boolean,
  ) {}

  get status(): State {
    return this.state;
  }

  collection(name: string): StandInTransactionCollection {
    if (typeof name !== 'string' || !name) throw new TypeError('collection() needs a name');
    return new StandInTransactionCollection(this, name);
  }

  /** @internal the transaction's view of a document, touching it on first use. */
  async touch(collection: string, id: string): Promise<Touched> {
    await tick();
    this.ensureActive();
    const key = `${collection}\u0000${id}`;
    let entry = this.touched.get(key);
    if (!entry) {
      const { storage } = this.context;
      entry = {
        collection,
        id,
        revision: storage.revision(collection, id),
        doc: storage.read(collection, id),
        written: false,
      };
      this.touched.set(key, entry);
    }
    return entry;
  }

  /** @internal */
  get throwOnNotFound(): boolean {
    return this.context.throwOnNotFound;
  }

  /** @internal */
  get stats() {
    return this.context.storage.stats;
  }

  private ensureActive(): void {
    if (this.state !== 'active') throw new Error(`the transaction is ${this.state}: no more operations`);
  }

  async commit(): Promise<void> {
    if (this.managed) throw new Error('do not call commit() inside runTransaction: it commits by itself');
    await this.commitNow();
  }

  /** @internal */
  async commitNow(): Promise<void> {
    await tick();
    this.ensureActive();
    const { storage } = this.context;
    for (const entry of this.touched.values()) {
      if (this.conflicts === 'writes' && !entry.written) continue;
      if (storage.revision(entry.collection, entry.id) !== entry.revision) {
        this.state = 'aborted';
        storage.stats.conflicts += 1;
        throw transactionConflict(entry.collection, entry.id);
      }
    }
    for (const entry of this.touched.values()) {
      if (entry.written) storage.write(entry.collection, entry.id, entry.doc);
    }
    storage.stats.commits += 1;
    this.state = 'committed';
  }

  async rollback(reason?: unknown): Promise<void> {
    await tick();
    this.ensureActive();
    this.rollbackReason = reason;
    this.state = 'rolled-back';
  }

  /** @internal ends an attempt that threw, without committing anything. */
  abandon(): void {
    if (this.state === 'active') this.state = 'aborted';
  }
}

export class StandInTransactionDocument {
  constructor(
    private readonly transaction: StandInTransaction,
    readonly collection: string,
    readonly id: string,
  ) {}

  async get(): Promise<{ data: Doc | null; errMsg: string }> {
    const entry = await this.transaction.touch(this.collection, this.id);
    this.transaction.stats.gets += 1;
    if (!entry.doc && this.transaction.throwOnNotFound) {
      throw documentNotFound('document.get', this.collection, this.id);
    }
    return { data: entry.doc ? cloneValue(entry.doc) : null, errMsg: 'document.get:ok' };
  }

  async set(options: { data: object }): Promise<{ _id: string; stats: { updated: number; created: number } }> {
    const data = checkWriteData(options?.data, false);
    const entry = await this.transaction.touch(this.collection, this.id);
    this.transaction.stats.sets += 1;
    const existed = entry.doc !== null;
    entry.doc = { ...data, _id: this.id };
    entry.written = true;
    return { _id: this.id, stats: { updated: existed ? 1 : 0, created: existed ? 0 : 1 } };
  }

  async update(options: { data: object }): Promise<{ stats: { updated: number } }> {
    if (!isPlainObject(options?.data) || Object.keys(options.data).length === 0) {
      throw new TypeError('update needs non-empty data');
    }
    const entry = await this.transaction.touch(this.collection, this.id);
    this.transaction.stats.updates += 1;
    if (!entry.doc) return { stats: { updated: 0 } };
    const updated = applyUpdate(entry.doc, options.data);
    checkDocumentSize(updated);
    entry.doc = updated;
    entry.written = true;
    return { stats: { updated: 1 } };
  }

  async remove(): Promise<{ stats: { removed: number } }> {
    const entry = await this.transaction.touch(this.collection, this.id);
    this.transaction.stats.removes += 1;
    if (!entry.doc) return { stats: { removed: 0 } };
    entry.doc = null;
    entry.written = true;
    return { stats: { removed: 1 } };
  }
}

export class StandInTransactionCollection {
  constructor(
    private readonly transaction: StandInTransaction,
    readonly name: string,
  ) {}

  doc(id: string | number): StandInTransactionDocument {
    return new StandInTransactionDocument(this.transaction, this.name, checkDocumentId(id));
  }

  async add(options: { data: object }): Promise<{ _id: string }> {
    const data = checkWriteData(options?.data, true);
    const id = data._id === undefined ? newDocumentId() : checkDocumentId(data._id);
    const entry = await this.transaction.touch(this.name, id);
    this.transaction.stats.adds += 1;
    if (entry.doc) throw duplicateKey('collection.add', this.name, id);
    entry.doc = { ...data, _id: id };
    entry.written = true;
    return { _id: id };
  }

  where(): never {
    return batchNotAllowed('where');
  }

  aggregate(): never {
    return batchNotAllowed('aggregate');
  }

  get(): never {
    return batchNotAllowed('get');
  }

  count(): never {
    return batchNotAllowed('count');
  }

  orderBy(): never {
    return batchNotAllowed('orderBy');
  }

  limit(): never {
    return batchNotAllowed('limit');
  }

  skip(): never {
    return batchNotAllowed('skip');
  }

  update(): never {
    return batchNotAllowed('update');
  }

  remove(): never {
    return batchNotAllowed('remove');
  }
}

/**
 * `db.runTransaction(callback, times)`: the callback may run up to `times` times, re-run only when
 * the transaction conflicts; any other error, or `transaction.rollback(reason)`, rejects at once.
 */
export async function runTransaction<T>(
  context: DatabaseContext,
  conflicts: ConflictDetection,
  callback: (transaction: StandInTransaction) => Promise<T>,
  times = 3,
): Promise<T> {
  if (typeof callback !== 'function') throw new TypeError('runTransaction needs a callback');
  for (let attempt = 1; ; attempt += 1) {
    const transaction = new StandInTransaction(context, conflicts, true);
    context.storage.stats.transactions += 1;
    let result: T;
    try {
      result = await callback(transaction);
    } catch (error) {
      if (transaction.status === 'rolled-back') throw transaction.rollbackReason;
      transaction.abandon();
      if (isTransactionConflict(error) && attempt < times) continue;
      throw error;
    }
    if (transaction.status === 'rolled-back') throw transaction.rollbackReason;
    try {
      await transaction.commitNow();
      return result;
    } catch (error) {
      if (isTransactionConflict(error) && attempt < times) continue;
      throw error;
    }
  }
}

export async function startTransaction(
  context: DatabaseContext,
  conflicts: ConflictDetection,
): Promise<StandInTransaction> {
  await tick();
  context.storage.stats.transactions += 1;
  return new StandInTransaction(context, conflicts, false);
}
