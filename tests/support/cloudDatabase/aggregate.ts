/**
 * `collection.aggregate()`: match, group (with `$.sum`), sort, skip, limit, project. Like the server,
 * `end()` returns at most 20 rows unless the pipeline has a `limit()` stage.
 */
import { AggregateAccumulator } from './commands';
import { matchesQuery, sortDocs, validateQuery } from './query';
import { tick, type Storage } from './storage';
import { cloneValue, deepEqual, getPath, isPlainObject, type Doc } from './values';

export const DEFAULT_AGGREGATE_LIMIT = 20;

type Stage =
  | { kind: 'match'; query: unknown }
  | { kind: 'group'; spec: Record<string, unknown> }
  | { kind: 'sort'; spec: Record<string, number> }
  | { kind: 'skip'; count: number }
  | { kind: 'limit'; count: number }
  | { kind: 'project'; spec: Record<string, unknown> };

/** `'$a.b'` reads a field; an object evaluates each of its keys; anything else is a literal. */
function evaluate(doc: Doc, expression: unknown): unknown {
  if (typeof expression === 'string' && expression.startsWith('$')) return getPath(doc, expression.slice(1));
  if (isPlainObject(expression)) {
    return Object.fromEntries(Object.entries(expression).map(([key, value]) => [key, evaluate(doc, value)]));
  }
  return expression;
}

function group(docs: Doc[], spec: Record<string, unknown>): Doc[] {
  if (!('_id' in spec)) throw new Error('group() needs an _id');
  const groups: Array<{ id: unknown; docs: Doc[] }> = [];
  for (const doc of docs) {
    const id = evaluate(doc, spec._id) ?? null;
    const existing = groups.find((entry) => deepEqual(entry.id, id));
    if (existing) existing.docs.push(doc);
    else groups.push({ id, docs: [doc] });
  }
  return groups.map(({ id, docs: members }) => {
    const row: Doc = { _id: id };
    for (const [field, accumulator] of Object.entries(spec)) {
      if (field === '_id') continue;
      if (!(accumulator instanceof AggregateAccumulator)) throw new Error(`group field "${field}" needs $.sum`);
      row[field] = members.reduce((sum, member) => {
        const value = evaluate(member, accumulator.operand);
        return typeof value === 'number' ? sum + value : sum;
      }, 0);
    }
    return row;
  });
}

function project(docs: Doc[], spec: Record<string, unknown>): Doc[] {
  const including = Object.entries(spec).some(([key, value]) => key !== '_id' && value !== 0 && value !== false);
  return docs.map((doc) => {
    if (!including) {
      const copy = { ...doc };
      for (const [key, value] of Object.entries(spec)) if (value === 0 || value === false) delete copy[key];
      return copy;
    }
    const row: Doc = spec._id === 0 || spec._id === false ? {} : { _id: doc._id };
    for (const [key, value] of Object.entries(spec)) {
      if (key === '_id' || value === 0 || value === false) continue;
      row[key] = value === 1 || value === true ? getPath(doc, key) : evaluate(doc, value);
    }
    return row;
  });
}

export class StandInAggregate {
  constructor(
    private readonly storage: Storage,
    private readonly name: string,
    private readonly stages: Stage[] = [],
  ) {}

  private with(stage: Stage): StandInAggregate {
    return new StandInAggregate(this.storage, this.name, [...this.stages, stage]);
  }

  match(query: object): StandInAggregate {
    validateQuery(query);
    return this.with({ kind: 'match', query });
  }

  group(spec: Record<string, unknown>): StandInAggregate {
    return this.with({ kind: 'group', spec });
  }

  sort(spec: Record<string, number>): StandInAggregate {
    for (const [field, order] of Object.entries(spec)) {
      if (order !== 1 && order !== -1) throw new TypeError(`sort(): "${field}" needs 1 or -1`);
    }
    return this.with({ kind: 'sort', spec });
  }

  skip(count: number): StandInAggregate {
    if (!Number.isInteger(count) || count < 0) throw new TypeError(`skip(${count}): not a non-negative integer`);
    return this.with({ kind: 'skip', count });
  }

  limit(count: number): StandInAggregate {
    if (!Number.isInteger(count) || count < 1) throw new TypeError(`limit(${count}): not a positive integer`);
    return this.with({ kind: 'limit', count });
  }

  project(spec: Record<string, unknown>): StandInAggregate {
    return this.with({ kind: 'project', spec });
  }

  async end(): Promise<{ list: Doc[]; errMsg: string }> {
    await tick();
    this.storage.stats.aggregates += 1;
    let rows = this.storage.all(this.name);
    for (const stage of this.stages) {
      if (stage.kind === 'match') rows = rows.filter((row) => matchesQuery(row, stage.query));
      else if (stage.kind === 'group') rows = group(rows, stage.spec);
      else if (stage.kind === 'skip') rows = rows.slice(stage.count);
      else if (stage.kind === 'limit') rows = rows.slice(0, stage.count);
      else if (stage.kind === 'project') rows = project(rows, stage.spec);
      else {
        const orderBy = Object.entries(stage.spec).map(([field, order]) => ({
          field,
          direction: order === -1 ? ('desc' as const) : ('asc' as const),
        }));
        rows = sortDocs(rows, orderBy);
      }
    }
    const limited = this.stages.some((stage) => stage.kind === 'limit');
    const list = limited ? rows : rows.slice(0, DEFAULT_AGGREGATE_LIMIT);
    return { list: cloneValue(list), errMsg: 'collection.aggregate:ok' };
  }
}
