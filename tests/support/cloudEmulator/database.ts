/**
 * The `database.*` actions: parameters as @cloudbase/database sends them (queries, data and
 * orders as EJSON text, `queryType` DOC for `doc(id)` and WHERE for `where()`), replies in the
 * shapes it reads (`data.list` of EJSON strings, `data.updated`, `data.insertedIds`…).
 */
import { randomBytes } from 'crypto';
import { runPipeline } from './aggregate';
import { parseEjson, stringifyEjson } from './ejson';
import { errors } from './errors';
import { matches, projectDoc, sortDocs } from './query';
import type { Store } from './store';
import type { Transaction, Transactions } from './transactions';
import { applyModifiers, replacementDoc } from './update';
import { checkDocumentSize, checkFieldNames, idKey, isPlainObject, sameValue, type Doc } from './values';

export type Params = Record<string, unknown>;
type Reply = Record<string, unknown>;

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

function collectionOf(params: Params): string {
  const name = params.collectionName;
  if (typeof name !== 'string' || name === '') throw errors.invalidParam('collectionName is required');
  return name;
}

function integer(params: Params, field: string, fallback: number, min: number, max = Infinity): number {
  const value = params[field] ?? fallback;
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
    throw errors.invalidParam(`${field} must be an integer from ${min}${max < Infinity ? ` to ${max}` : ''}`);
  }
  return value as number;
}

const optionalEjson = (params: Params, field: string) =>
  params[field] === undefined || params[field] === '' ? undefined : parseEjson(params[field], field);

/** `doc(id)` queries are `{ _id: id }`: looked up directly, not scanned. */
function directId(query: unknown): unknown {
  if (!isPlainObject(query) || Object.keys(query).length !== 1 || !('_id' in query)) return undefined;
  const id = query._id;
  return isPlainObject(id) || id instanceof RegExp ? undefined : id;
}

export class DatabaseService {
  constructor(
    private readonly store: Store,
    private readonly transactions: Transactions,
  ) {}

  async handle(action: string, params: Params): Promise<Reply> {
    switch (action) {
      case 'database.addCollection':
        this.store.createCollection(collectionOf(params));
        return {};
      case 'database.getDocument':
        return this.getDocument(params);
      case 'database.calculateDocument': {
        const name = collectionOf(params);
        return { data: { total: this.find(name, optionalEjson(params, 'query'), null).length } };
      }
      case 'database.insertDocument':
        return this.insert(params);
      case 'database.modifyDocument':
        return this.modify(params);
      case 'database.removeDocument':
        return this.remove(params);
      case 'database.aggregateDocuments': {
        const docs = this.find(collectionOf(params), undefined, null);
        return { data: { list: runPipeline(docs, params.stages).map(stringifyEjson) } };
      }
      case 'database.startTransaction':
        return { transactionId: this.transactions.start().id };
      case 'database.commitTransaction':
        this.transactions.commit(this.transactions.get(String(params.transactionId ?? '')));
        return {};
      case 'database.abortTransaction':
        this.transactions.abort(this.transactions.get(String(params.transactionId ?? '')));
        return {};
      default:
        throw errors.unsupported(`the action ${action}`);
    }
  }

  private transactionOf(params: Params): Transaction | null {
    const id = params.transactionId;
    return typeof id === 'string' && id !== '' ? this.transactions.get(id) : null;
  }

  /** Runs a step of a write; inside a transaction, any refusal also aborts the transaction. */
  private guard<T>(transaction: Transaction | null, step: () => T): T {
    if (!transaction) return step();
    try {
      return step();
    } catch (error) {
      return this.transactions.fail(transaction, error);
    }
  }

  /** Matching documents (the stored objects: never changed, copied on the way out). */
  private find(name: string, query: unknown, transaction: Transaction | null): Doc[] {
    this.store.requireCollection(name);
    const id = directId(query);
    if (id !== undefined) {
      const doc = transaction ? this.transactions.read(transaction, name, idKey(id)) : this.store.read(name, idKey(id));
      return doc && sameValue(doc._id, id) ? [doc] : [];
    }
    const docs = transaction ? this.transactions.scan(transaction, name) : [...this.store.scan(name)];
    return query === undefined ? docs : docs.filter((doc) => matches(doc, query));
  }

  private getDocument(params: Params): Reply {
    const name = collectionOf(params);
    const transaction = this.transactionOf(params);
    const docs = sortDocs(this.find(name, optionalEjson(params, 'query'), transaction), optionalEjson(params, 'order'));
    const offset = integer(params, 'offset', 0, 0);
    // The SDK never sends more than 1000 (it clamps `limit(n)` itself); the service refuses more.
    const limit = integer(params, 'limit', params.queryType === 'DOC' ? MAX_LIMIT : DEFAULT_LIMIT, 1, MAX_LIMIT);
    const projection = optionalEjson(params, 'projection');
    const list = docs.slice(offset, offset + limit).map((doc) => stringifyEjson(projectDoc(doc, projection)));
    return { data: { list, offset, limit } };
  }

  private async insert(params: Params): Promise<Reply> {
    const name = collectionOf(params);
    const transaction = this.transactionOf(params);
    this.store.requireCollection(name);
    if (!Array.isArray(params.data) || params.data.length === 0)
      throw errors.invalidParam('data must be a non-empty array');
    const docs = params.data.map((text) => {
      const doc = parseEjson(text, 'data');
      if (!isPlainObject(doc)) throw errors.invalidParam('each document must be an object');
      const { _id = randomBytes(16).toString('hex'), ...fields } = doc;
      checkFieldNames(fields);
      const stored: Doc = { _id, ...fields };
      checkDocumentSize(stored);
      return stored;
    });
    const keys = docs.map((doc) => idKey(doc._id));
    const duplicate = (key: string) =>
      errors.requestFailed(
        `E11000 duplicate key error collection: ${name} index: _id_ dup key: { _id: ${JSON.stringify(key)} }`,
      );
    if (transaction) {
      this.guard(transaction, () =>
        keys.forEach((key, i) => {
          if (this.transactions.read(transaction, name, key) || keys.indexOf(key) < i) throw duplicate(key);
          this.transactions.write(transaction, name, key, docs[i]);
        }),
      );
    } else {
      const locked = () => keys.filter((key) => this.transactions.isLocked(name, key));
      while (locked().length) await this.transactions.unlocked(name, locked());
      keys.forEach((key, i) => {
        if (this.store.read(name, key) || keys.indexOf(key) < i) throw duplicate(key);
      });
      this.store.commit(keys.map((key, i) => ({ collection: name, id: key, doc: docs[i] })));
    }
    return { data: { insertedIds: docs.map((doc) => doc._id) } };
  }

  /**
   * The documents a write applies to, once none of them is locked by an open transaction: a write
   * outside a transaction waits for the lock, then works on what was committed.
   */
  private async targets(name: string, params: Params, transaction: Transaction | null, extra: string[] = []) {
    const query = optionalEjson(params, 'query');
    const multi = params.queryType === 'WHERE' && params.multi !== false;
    for (;;) {
      const found = this.find(name, query, transaction);
      const docs = multi ? found : found.slice(0, 1);
      if (transaction) return docs;
      const locked = [...docs.map((doc) => idKey(doc._id)), ...extra].filter((key) =>
        this.transactions.isLocked(name, key),
      );
      if (locked.length === 0) return docs;
      await this.transactions.unlocked(name, locked);
    }
  }

  private write(name: string, writes: Array<{ key: string; doc: Doc | null }>, transaction: Transaction | null): void {
    if (transaction) for (const { key, doc } of writes) this.transactions.write(transaction, name, key, doc);
    else this.store.commit(writes.map(({ key, doc }) => ({ collection: name, id: key, doc })));
  }

  private async modify(params: Params): Promise<Reply> {
    const name = collectionOf(params);
    const transaction = this.transactionOf(params);
    this.store.requireCollection(name);
    const data = parseEjson(params.data, 'data');
    const merge = params.merge === true;
    const upsertId = params.upsert === true ? directId(optionalEjson(params, 'query')) : undefined;
    const docs = await this.targets(name, params, transaction, upsertId === undefined ? [] : [idKey(upsertId)]);
    const next = (doc: Doc) => {
      const updated = merge ? applyModifiers(doc, data) : replacementDoc(doc._id, data);
      checkDocumentSize(updated);
      return updated;
    };
    return this.guard(transaction, () => {
      if (docs.length === 0 && upsertId !== undefined) {
        this.write(name, [{ key: idKey(upsertId), doc: next({ _id: upsertId }) }], transaction);
        return { data: { updated: 0, upsert_id: upsertId } };
      }
      // A write that changes nothing is no write (MongoDB skips it: not counted, no lock taken).
      const changed = docs
        .map((doc) => ({ key: idKey(doc._id), doc: next(doc), before: doc }))
        .filter(({ doc, before }) => !sameValue(doc, before));
      this.write(name, changed, transaction);
      return { data: { updated: changed.length } };
    });
  }

  private async remove(params: Params): Promise<Reply> {
    const name = collectionOf(params);
    const transaction = this.transactionOf(params);
    const docs = await this.targets(name, params, transaction);
    const writes = docs.map((doc) => ({ key: idKey(doc._id), doc: null }));
    this.guard(transaction, () => this.write(name, writes, transaction));
    return { data: { deleted: docs.length } };
  }
}
