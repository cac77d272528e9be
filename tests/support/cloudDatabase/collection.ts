/**
 * Collections, queries and document references outside transactions, with the server-side limits:
 * `get()` returns 100 records unless `.limit(n)` says otherwise, and `n` may not exceed 1000.
 */
import { randomBytes } from 'crypto';
import { StandInAggregate } from './aggregate';
import { matchesQuery, projectDoc, sortDocs, validateQuery, type OrderBy } from './query';
import { documentNotFound, duplicateKey, tick, type Storage } from './storage';
import { applyUpdate } from './update';
import { checkDocumentSize, checkFieldNames, cloneValue, isPlainObject, type Doc } from './values';

export const DEFAULT_QUERY_LIMIT = 100;
export const MAX_QUERY_LIMIT = 1000;

export interface DatabaseContext {
  storage: Storage;
  throwOnNotFound: boolean;
}

export function newDocumentId(): string {
  return randomBytes(16).toString('hex');
}

export function checkDocumentId(id: unknown): string {
  if ((typeof id !== 'string' && typeof id !== 'number') || id === '') {
    throw new TypeError('doc(id) needs a non-empty string or number id');
  }
  return String(id);
}

/** The `data` of `set`/`add`: a plain object within the size limit, with valid field names. */
export function checkWriteData(data: unknown, allowId: boolean): Doc {
  if (!isPlainObject(data)) throw new TypeError('data must be an object');
  if (!allowId && '_id' in data) throw new Error('data of set() must not contain _id');
  checkFieldNames(data);
  checkDocumentSize(data);
  return cloneValue(data);
}

interface QueryState {
  where: unknown;
  orderBy: OrderBy[];
  skip: number;
  limit: number | null;
  projection: Record<string, unknown> | null;
}

export class StandInQuery {
  constructor(
    protected readonly context: DatabaseContext,
    readonly name: string,
    private readonly state: QueryState = { where: {}, orderBy: [], skip: 0, limit: null, projection: null },
  ) {}

  private with(change: Partial<QueryState>): StandInQuery {
    return new StandInQuery(this.context, this.name, { ...this.state, ...change });
  }

  where(query: object): StandInQuery {
    validateQuery(query);
    return this.with({ where: query });
  }

  orderBy(field: string, direction: 'asc' | 'desc' = 'asc'): StandInQuery {
    if (typeof field !== 'string' || !field) throw new TypeError('orderBy needs a field name');
    if (direction !== 'asc' && direction !== 'desc') throw new TypeError(`orderBy direction "${direction}"`);
    return this.with({ orderBy: [...this.state.orderBy, { field, direction }] });
  }

  skip(count: number): StandInQuery {
    if (!Number.isInteger(count) || count < 0) throw new TypeError(`skip(${count}): not a non-negative integer`);
    return this.with({ skip: count });
  }

  limit(count: number): StandInQuery {
    if (!Number.isInteger(count) || count < 1) throw new TypeError(`limit(${count}): not a positive integer`);
    if (count > MAX_QUERY_LIMIT) throw new RangeError(`limit(${count}): the server allows at most ${MAX_QUERY_LIMIT}`);
    return this.with({ limit: count });
  }

  field(projection: Record<string, unknown>): StandInQuery {
    return this.with({ projection: { ...projection } });
  }

  private matching(): Doc[] {
    const docs = this.context.storage.all(this.name).filter((doc) => matchesQuery(doc, this.state.where));
    return sortDocs(docs, this.state.orderBy);
  }

  async get(): Promise<{ data: Doc[]; errMsg: string }> {
    await tick();
    this.context.storage.stats.queries += 1;
    const { skip, limit, projection } = this.state;
    const page = this.matching().slice(skip, skip + (limit ?? DEFAULT_QUERY_LIMIT));
    return { data: page.map((doc) => projectDoc(doc, projection)), errMsg: 'collection.get:ok' };
  }

  async count(): Promise<{ total: number; errMsg: string }> {
    await tick();
    this.context.storage.stats.counts += 1;
    return { total: this.matching().length, errMsg: 'collection.count:ok' };
  }

  async update(options: { data: object }): Promise<{ stats: { updated: number }; errMsg: string }> {
    await tick();
    const { storage } = this.context;
    storage.stats.updates += 1;
    const updates = this.matching().map((doc) => applyUpdate(doc, options?.data));
    updates.forEach(checkDocumentSize);
    for (const doc of updates) storage.write(this.name, String(doc._id), doc);
    return { stats: { updated: updates.length }, errMsg: 'collection.update:ok' };
  }

  async remove(): Promise<{ stats: { removed: number }; errMsg: string }> {
    await tick();
    const { storage } = this.context;
    storage.stats.removes += 1;
    const docs = this.matching();
    for (const doc of docs) storage.write(this.name, String(doc._id), null);
    return { stats: { removed: docs.length }, errMsg: 'collection.remove:ok' };
  }
}

export class StandInDocument {
  constructor(
    private readonly context: DatabaseContext,
    readonly collection: string,
    readonly id: string,
  ) {}

  async get(): Promise<{ data: Doc | null; errMsg: string }> {
    await tick();
    const { storage, throwOnNotFound } = this.context;
    storage.stats.gets += 1;
    const doc = storage.read(this.collection, this.id);
    if (!doc && throwOnNotFound) throw documentNotFound('document.get', this.collection, this.id);
    return { data: doc, errMsg: 'document.get:ok' };
  }

  async set(options: { data: object }): Promise<{ _id: string; stats: { updated: number; created: number } }> {
    const data = checkWriteData(options?.data, false);
    await tick();
    const { storage } = this.context;
    storage.stats.sets += 1;
    const existed = storage.read(this.collection, this.id) !== null;
    storage.write(this.collection, this.id, { ...data, _id: this.id });
    return { _id: this.id, stats: { updated: existed ? 1 : 0, created: existed ? 0 : 1 } };
  }

  async update(options: { data: object }): Promise<{ stats: { updated: number } }> {
    if (!isPlainObject(options?.data) || Object.keys(options.data).length === 0) {
      throw new TypeError('update needs non-empty data');
    }
    await tick();
    const { storage } = this.context;
    storage.stats.updates += 1;
    const doc = storage.read(this.collection, this.id);
    if (!doc) return { stats: { updated: 0 } };
    const updated = applyUpdate(doc, options.data);
    checkDocumentSize(updated);
    storage.write(this.collection, this.id, updated);
    return { stats: { updated: 1 } };
  }

  async remove(): Promise<{ stats: { removed: number } }> {
    await tick();
    const { storage } = this.context;
    storage.stats.removes += 1;
    const existed = storage.read(this.collection, this.id) !== null;
    if (existed) storage.write(this.collection, this.id, null);
    return { stats: { removed: existed ? 1 : 0 } };
  }
}

export class StandInCollection extends StandInQuery {
  constructor(context: DatabaseContext, name: string) {
    super(context, name);
  }

  doc(id: string | number): StandInDocument {
    return new StandInDocument(this.context, this.name, checkDocumentId(id));
  }

  async add(options: { data: object }): Promise<{ _id: string; errMsg: string }> {
    const data = checkWriteData(options?.data, true);
    const id = data._id === undefined ? newDocumentId() : checkDocumentId(data._id);
    await tick();
    const { storage } = this.context;
    storage.stats.adds += 1;
    if (storage.read(this.name, id)) throw duplicateKey('collection.add', this.name, id);
    storage.write(this.name, id, { ...data, _id: id });
    return { _id: id, errMsg: 'collection.add:ok' };
  }

  aggregate(): StandInAggregate {
    return new StandInAggregate(this.context.storage, this.name);
  }
}
