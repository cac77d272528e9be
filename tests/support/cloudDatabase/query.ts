/** The query engine: which documents a `where` object matches, their order, their projection. */
import { LogicCommand, QueryCommand, UpdateCommand, AggregateAccumulator } from './commands';
import { compareValues, deepEqual, getPath, isPlainObject, sameType, type Doc } from './values';

export type OrderBy = { field: string; direction: 'asc' | 'desc' };

/** Rejects what the SDK rejects: undefined values, update commands, non-object queries. */
export function validateQuery(query: unknown, path = ''): void {
  if (query instanceof LogicCommand) {
    query.operands.forEach((operand) => validateQuery(operand, path));
    return;
  }
  if (!isPlainObject(query)) throw new TypeError(`query must be an object${path ? ` at ${path}` : ''}`);
  for (const [key, value] of Object.entries(query)) {
    const where = path ? `${path}.${key}` : key;
    if (value === undefined) throw new TypeError(`query field "${where}" is undefined`);
    if (value instanceof UpdateCommand || value instanceof AggregateAccumulator) {
      throw new TypeError(`query field "${where}" holds an update command`);
    }
    if (value instanceof LogicCommand) validateQuery(value, where);
    else if (isPlainObject(value)) validateQuery(value, where);
  }
}

function valueMatches(fieldValue: unknown, expected: unknown): boolean {
  if (deepEqual(fieldValue, expected)) return true;
  // A scalar matches an array that contains it, as in MongoDB.
  return Array.isArray(fieldValue) && !Array.isArray(expected) && fieldValue.some((item) => deepEqual(item, expected));
}

function compare(fieldValue: unknown, operand: unknown, test: (order: number) => boolean): boolean {
  const candidates = Array.isArray(fieldValue) && !Array.isArray(operand) ? fieldValue : [fieldValue];
  return candidates.some((value) => sameType(value, operand) && test(compareValues(value, operand)));
}

function commandMatches(fieldValue: unknown, command: QueryCommand): boolean {
  const { operator, operand } = command;
  switch (operator) {
    case 'eq':
      return valueMatches(fieldValue, operand);
    case 'neq':
      return !valueMatches(fieldValue, operand);
    case 'gt':
      return compare(fieldValue, operand, (order) => order > 0);
    case 'gte':
      return compare(fieldValue, operand, (order) => order >= 0);
    case 'lt':
      return compare(fieldValue, operand, (order) => order < 0);
    case 'lte':
      return compare(fieldValue, operand, (order) => order <= 0);
    case 'in':
      return (operand as unknown[]).some((candidate) => valueMatches(fieldValue, candidate));
    case 'nin':
      return !(operand as unknown[]).some((candidate) => valueMatches(fieldValue, candidate));
    case 'exists':
      return (fieldValue !== undefined) === Boolean(operand);
    case 'and':
      return (operand as QueryCommand[]).every((inner) => commandMatches(fieldValue, inner));
    case 'or':
      return (operand as QueryCommand[]).some((inner) => commandMatches(fieldValue, inner));
  }
}

/** Whether `doc` matches a `where` argument: an object of field → value | command, or `_.and`/`_.or`. */
export function matchesQuery(doc: Doc, query: unknown, prefix = ''): boolean {
  if (query instanceof LogicCommand) {
    const results = query.operands.map((operand) => matchesQuery(doc, operand, prefix));
    return query.operator === 'and' ? results.every(Boolean) : results.some(Boolean);
  }
  if (!isPlainObject(query)) return false;
  return Object.entries(query).every(([key, expected]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (expected instanceof QueryCommand) return commandMatches(getPath(doc, path), expected);
    if (expected instanceof LogicCommand) return matchesQuery(doc, expected, path);
    // A nested plain object is a condition on its dotted paths, as the SDK flattens it.
    if (isPlainObject(expected)) return matchesQuery(doc, expected, path);
    return valueMatches(getPath(doc, path), expected);
  });
}

/** A stable sort: ties keep their stored (insertion) order. */
export function sortDocs(docs: Doc[], orderBy: OrderBy[]): Doc[] {
  if (orderBy.length === 0) return docs;
  return docs
    .map((doc, index) => ({ doc, index }))
    .sort((a, b) => {
      for (const { field, direction } of orderBy) {
        const order = compareValues(getPath(a.doc, field), getPath(b.doc, field));
        if (order !== 0) return direction === 'desc' ? -order : order;
      }
      return a.index - b.index;
    })
    .map(({ doc }) => doc);
}

/** `.field({ a: true })` keeps `a` and `_id`; `.field({ a: false })` drops `a`. */
export function projectDoc(doc: Doc, projection: Record<string, unknown> | null): Doc {
  if (!projection) return doc;
  const entries = Object.entries(projection);
  const including = entries.some(([key, value]) => key !== '_id' && Boolean(value));
  if (!including) {
    const copy = { ...doc };
    for (const [key, value] of entries) if (!value) delete copy[key];
    return copy;
  }
  const copy: Doc = {};
  if (projection._id !== false && projection._id !== 0) copy._id = doc._id;
  for (const [key, value] of entries) if (value && key in doc) copy[key] = doc[key];
  return copy;
}
