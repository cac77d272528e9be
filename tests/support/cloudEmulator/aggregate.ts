/**
 * `collection.aggregate()…end()`: the stages the SDK sends as `{ stageKey, stageValue }` (the value
 * EJSON text). Without a `$limit` stage the service returns 20 results. Only the common stages and
 * accumulators are implemented; others are refused as unsupported (not as a service error).
 */
import { parseEjson } from './ejson';
import { errors } from './errors';
import { matches, projectDoc, sortDocs } from './query';
import { compareValues, isPlainObject, sameValue, valueAt, type Doc } from './values';

export const DEFAULT_AGGREGATE_LIMIT = 20;

function evaluate(doc: Doc, expression: unknown): unknown {
  if (typeof expression === 'string' && expression.startsWith('$')) return valueAt(doc, expression.slice(1));
  if (isPlainObject(expression)) {
    const keys = Object.keys(expression);
    if (keys.some((key) => key.startsWith('$'))) throw errors.unsupported(`the aggregation expression ${keys[0]}`);
    return Object.fromEntries(keys.map((key) => [key, evaluate(doc, expression[key])]));
  }
  return expression;
}

function accumulate(operator: string, argument: unknown, group: Doc[]): unknown {
  const values = group.map((doc) => evaluate(doc, argument));
  const numbers = values.filter((value): value is number => typeof value === 'number');
  const present = values.filter((value) => value !== undefined && value !== null);
  switch (operator) {
    case '$sum':
      return numbers.reduce((sum, value) => sum + value, 0);
    case '$avg':
      return numbers.length ? numbers.reduce((sum, value) => sum + value, 0) / numbers.length : null;
    case '$min':
      return present.length ? [...present].sort(compareValues)[0] : null;
    case '$max':
      return present.length ? [...present].sort(compareValues)[present.length - 1] : null;
    case '$first':
      return values[0] ?? null;
    case '$last':
      return values[values.length - 1] ?? null;
    case '$push':
      return values.filter((value) => value !== undefined);
    case '$addToSet':
      return present.filter((value, index) => present.findIndex((other) => sameValue(other, value)) === index);
    default:
      throw errors.unsupported(`the accumulator ${operator}`);
  }
}

function group(docs: Doc[], spec: unknown): Doc[] {
  if (!isPlainObject(spec) || !('_id' in spec)) throw errors.requestFailed('a group specification must include an _id');
  const groups: Array<{ key: unknown; docs: Doc[] }> = [];
  for (const doc of docs) {
    const key = evaluate(doc, spec._id) ?? null;
    const found = groups.find((entry) => sameValue(entry.key, key));
    if (found) found.docs.push(doc);
    else groups.push({ key, docs: [doc] });
  }
  return groups.map(({ key, docs: members }) => {
    const result: Doc = { _id: key };
    for (const [field, accumulator] of Object.entries(spec)) {
      if (field === '_id') continue;
      if (!isPlainObject(accumulator) || Object.keys(accumulator).length !== 1) {
        throw errors.requestFailed(`The field '${field}' must be an accumulator object`);
      }
      const [[operator, argument]] = Object.entries(accumulator);
      result[field] = accumulate(operator, argument, members);
    }
    return result;
  });
}

function unwind(docs: Doc[], spec: unknown): Doc[] {
  const path = String(isPlainObject(spec) ? spec.path : spec).replace(/^\$/, '');
  return docs.flatMap((doc) => {
    const value = valueAt(doc, path);
    if (!Array.isArray(value)) return value === undefined || value === null ? [] : [doc];
    return value.map((item) => ({ ...doc, [path]: item }));
  });
}

function runStage(docs: Doc[], stage: string, value: unknown): Doc[] {
  switch (stage) {
    case '$match':
      return docs.filter((doc) => matches(doc, value));
    case '$sort':
      return sortDocs(docs, value);
    case '$skip':
      return docs.slice(Number(value));
    case '$limit':
      if (!Number.isInteger(value) || (value as number) <= 0) throw errors.requestFailed('the limit must be positive');
      return docs.slice(0, value as number);
    case '$project':
      return docs.map((doc) => projectDoc(doc, value));
    case '$count':
      return [{ [String(value)]: docs.length }];
    case '$group':
      return group(docs, value);
    case '$unwind':
      return unwind(docs, value);
    default:
      throw errors.unsupported(`the aggregation stage ${stage}`);
  }
}

export function runPipeline(docs: Doc[], stages: unknown): Doc[] {
  if (!Array.isArray(stages)) throw errors.invalidParam('stages must be an array');
  let result = docs;
  let limited = false;
  for (const stage of stages as Array<{ stageKey?: unknown; stageValue?: unknown }>) {
    const key = String(stage.stageKey);
    limited ||= key === '$limit';
    result = runStage(result, key, parseEjson(stage.stageValue, `stage ${key}`));
  }
  return limited ? result : result.slice(0, DEFAULT_AGGREGATE_LIMIT);
}
