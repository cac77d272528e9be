/**
 * Queries as they arrive (the SDK has already flattened `where` into MongoDB form: dotted paths,
 * `$in`, `$lt`, `$and`…): which documents match, in what order, with which fields.
 */
import { errors } from './errors';
import { cloneValue, comparable, compareValues, isPlainObject, sameValue, valueAt, valuesAt, type Doc } from './values';

type Condition = Record<string, unknown>;

const isOperatorObject = (value: unknown): value is Condition =>
  isPlainObject(value) && Object.keys(value).length > 0 && Object.keys(value).every((key) => key.startsWith('$'));

/** Equality as MongoDB reads it: an array field matches when it, or one of its elements, is equal. */
function equals(value: unknown, expected: unknown): boolean {
  if (expected instanceof RegExp) {
    const items = Array.isArray(value) ? value : [value];
    return items.some((item) => typeof item === 'string' && new RegExp(expected.source, expected.flags).test(item));
  }
  if (sameValue(value, expected)) return true;
  return Array.isArray(value) && value.some((item) => sameValue(item, expected));
}

function compares(value: unknown, operand: unknown, accept: (order: number) => boolean): boolean {
  const items = Array.isArray(value) ? [value, ...value] : [value];
  return items.some((item) => {
    // null sorts with missing: only $gte/$lte null match it; nothing compares across types.
    if (operand === null) return (item === null || item === undefined) && accept(0);
    return item !== undefined && comparable(item, operand) && accept(compareValues(item, operand));
  });
}

function arrayOperand(operator: string, operand: unknown): unknown[] {
  if (!Array.isArray(operand)) throw errors.requestFailed(`${operator} needs an array`);
  return operand;
}

function operatorMatches(values: unknown[], operator: string, operand: unknown, condition: Condition): boolean {
  const any = (test: (value: unknown) => boolean) => values.some(test);
  switch (operator) {
    case '$eq':
      return any((value) => equals(value, operand));
    case '$ne':
      return !any((value) => equals(value, operand));
    case '$gt':
      return any((value) => compares(value, operand, (order) => order > 0));
    case '$gte':
      return any((value) => compares(value, operand, (order) => order >= 0));
    case '$lt':
      return any((value) => compares(value, operand, (order) => order < 0));
    case '$lte':
      return any((value) => compares(value, operand, (order) => order <= 0));
    case '$in':
      return arrayOperand(operator, operand).some((item) => any((value) => equals(value, item)));
    case '$nin':
      return !arrayOperand(operator, operand).some((item) => any((value) => equals(value, item)));
    case '$exists':
      return any((value) => value !== undefined) === Boolean(operand);
    case '$size':
      return any((value) => Array.isArray(value) && value.length === operand);
    case '$all':
      return any((value) => arrayOperand(operator, operand).every((item) => equals(value, item)));
    case '$elemMatch':
      return any(
        (value) =>
          Array.isArray(value) &&
          value.some((item) =>
            isOperatorObject(operand) ? fieldMatches([item], operand) : isPlainObject(item) && matches(item, operand),
          ),
      );
    case '$mod': {
      const [divisor, remainder] = arrayOperand(operator, operand) as number[];
      return any((value) => typeof value === 'number' && Math.trunc(value) % divisor === remainder);
    }
    case '$not':
      return !fieldMatches(values, operand);
    case '$regex': {
      const pattern =
        operand instanceof RegExp ? operand : new RegExp(String(operand), String(condition.$options ?? ''));
      return any((value) => equals(value, pattern));
    }
    case '$options':
      return true;
    default:
      throw errors.unsupported(`the query operator ${operator}`);
  }
}

function fieldMatches(values: unknown[], condition: unknown): boolean {
  if (condition instanceof RegExp) return values.some((value) => equals(value, condition));
  if (!isOperatorObject(condition)) return values.some((value) => equals(value, condition));
  return Object.entries(condition).every(([operator, operand]) =>
    operatorMatches(values, operator, operand, condition),
  );
}

export function matches(doc: Doc, query: unknown): boolean {
  if (query === undefined || query === null) return true;
  if (!isPlainObject(query)) throw errors.invalidParam('query must be an object');
  return Object.entries(query).every(([key, condition]) => {
    if (key === '$and') return arrayOperand(key, condition).every((part) => matches(doc, part));
    if (key === '$or') return arrayOperand(key, condition).some((part) => matches(doc, part));
    if (key === '$nor') return !arrayOperand(key, condition).some((part) => matches(doc, part));
    if (key.startsWith('$')) throw errors.requestFailed(`unknown top level operator: ${key}`);
    return fieldMatches(valuesAt(doc, key), condition);
  });
}

/** MongoDB sorts an array field by its smallest element ascending, its largest descending. */
function sortKey(doc: Doc, field: string, direction: number): unknown {
  const value = valueAt(doc, field);
  if (!Array.isArray(value) || value.length === 0) return value ?? null;
  return [...value].sort(compareValues)[direction > 0 ? 0 : value.length - 1];
}

/** `order` is `{ field: 1 | -1, … }` in orderBy order; ties keep the natural (stored) order. */
export function sortDocs(docs: Doc[], order: unknown): Doc[] {
  if (order === undefined) return docs;
  if (!isPlainObject(order)) throw errors.invalidParam('order must be an object');
  const keys = Object.entries(order).map(([field, direction]) => {
    if (direction !== 1 && direction !== -1) throw errors.invalidParam(`order of ${field} must be 1 or -1`);
    return { field, direction };
  });
  return docs
    .map((doc, index) => ({ doc, index }))
    .sort((a, b) => {
      for (const { field, direction } of keys) {
        const order = compareValues(sortKey(a.doc, field, direction), sortKey(b.doc, field, direction));
        if (order !== 0) return order * direction;
      }
      return a.index - b.index;
    })
    .map(({ doc }) => doc);
}

function copyPath(from: Doc, to: Doc, parts: string[]): void {
  const [head, ...rest] = parts;
  if (!(head in from)) return;
  const value = from[head];
  if (rest.length === 0) to[head] = value;
  else if (isPlainObject(value)) copyPath(value, (to[head] = isPlainObject(to[head]) ? to[head] : {}) as Doc, rest);
  else if (Array.isArray(value)) {
    to[head] = value.filter(isPlainObject).map((item) => {
      const part: Doc = {};
      copyPath(item, part, rest);
      return part;
    });
  }
}

function dropPath(doc: Doc, parts: string[]): void {
  const [head, ...rest] = parts;
  if (rest.length === 0) delete doc[head];
  else if (isPlainObject(doc[head])) dropPath(doc[head] as Doc, rest);
  else if (Array.isArray(doc[head]))
    for (const item of doc[head] as unknown[]) if (isPlainObject(item)) dropPath(item, rest);
}

/** `{ a: 1 }` keeps `a` (and `_id` unless `_id: 0`); `{ a: 0 }` drops `a`; mixing both is refused. */
export function projectDoc(doc: Doc, projection: unknown): Doc {
  if (projection === undefined) return doc;
  if (!isPlainObject(projection)) throw errors.invalidParam('projection must be an object');
  const entries = Object.entries(projection);
  for (const [field, flag] of entries) {
    if (typeof flag !== 'number' && typeof flag !== 'boolean') throw errors.unsupported(`the projection of ${field}`);
  }
  const included = entries.filter(([field, flag]) => field !== '_id' && Boolean(flag));
  const excluded = entries.filter(([field, flag]) => field !== '_id' && !flag);
  if (included.length && excluded.length) {
    throw errors.requestFailed('Projection cannot have a mix of inclusion and exclusion.');
  }
  const keepId = !entries.some(([field, flag]) => field === '_id' && !flag);
  if (included.length) {
    const result: Doc = keepId && '_id' in doc ? { _id: doc._id } : {};
    for (const [field] of included) copyPath(doc, result, field.split('.'));
    return result;
  }
  const result = cloneValue(doc);
  for (const [field] of excluded) dropPath(result, field.split('.'));
  if (!keepId) delete result._id;
  return result;
}
