/**
 * Updates as they arrive: `doc.set` sends a whole replacement document, `update` sends MongoDB
 * modifiers (`$set`, `$inc`, `$unset`, `$push`…, the SDK turns nested data into dotted paths).
 * Refusals use MongoDB's wording, as the service passes it on.
 */
import { errors } from './errors';
import { matches } from './query';
import {
  checkFieldNames,
  cloneValue,
  compareValues,
  isPlainObject,
  sameValue,
  setAt,
  unsetAt,
  valueAt,
  type Doc,
} from './values';

export function replacementDoc(id: unknown, data: unknown): Doc {
  if (!isPlainObject(data)) throw errors.invalidParam('data must be an object');
  if ('_id' in data && !sameValue(data._id, id)) {
    throw errors.requestFailed("After applying the update, the (immutable) field '_id' was found to have been altered");
  }
  const { _id: _ignored, ...fields } = cloneValue(data);
  checkFieldNames(fields);
  return { _id: id, ...fields };
}

/** Two modifiers on the same path, or on a path and its parent, are refused together. */
function checkPaths(paths: string[]): void {
  for (const path of paths) {
    if (path === '_id' || path.startsWith('_id.')) {
      throw errors.requestFailed("Performing an update on the path '_id' would modify the immutable field '_id'");
    }
    const clash = paths.find(
      (other) => other !== path && (other.startsWith(`${path}.`) || path.startsWith(`${other}.`)),
    );
    if (clash || paths.filter((other) => other === path).length > 1) {
      throw errors.requestFailed(`Updating the path '${path}' would create a conflict at '${path}'`);
    }
  }
}

function numeric(doc: Doc, path: string, modifier: string, operand: unknown): number {
  if (typeof operand !== 'number') throw errors.requestFailed(`Cannot ${modifier} with non-numeric argument`);
  const current = valueAt(doc, path);
  if (current !== undefined && typeof current !== 'number') {
    throw errors.requestFailed(
      `Cannot apply ${modifier} to a value of non-numeric type. {_id: ${JSON.stringify(doc._id)}} has the field '${path}' of non-numeric type ${typeof current}`,
    );
  }
  return current ?? 0;
}

function arrayAt(doc: Doc, path: string, modifier: string): unknown[] {
  const current = valueAt(doc, path);
  if (current === undefined) return [];
  if (!Array.isArray(current)) {
    throw errors.requestFailed(
      `The field '${path}' must be an array but is of type ${typeof current} in document {_id: ${JSON.stringify(doc._id)}} (${modifier})`,
    );
  }
  return current;
}

const eachOf = (operand: unknown) =>
  isPlainObject(operand) && Array.isArray(operand.$each) ? (operand.$each as unknown[]) : [operand];

function applyModifier(doc: Doc, modifier: string, path: string, operand: unknown): void {
  switch (modifier) {
    case '$set':
      return setAt(doc, path, cloneValue(operand));
    case '$unset':
      return unsetAt(doc, path);
    case '$inc':
      return setAt(doc, path, numeric(doc, path, modifier, operand) + (operand as number));
    case '$mul':
      return setAt(doc, path, numeric(doc, path, modifier, operand) * (operand as number));
    case '$min':
    case '$max': {
      const current = valueAt(doc, path);
      const order = current === undefined ? 0 : compareValues(operand, current);
      if (current === undefined || (modifier === '$min' ? order < 0 : order > 0)) setAt(doc, path, cloneValue(operand));
      return;
    }
    case '$rename': {
      const value = valueAt(doc, path);
      if (value === undefined) return;
      unsetAt(doc, path);
      return setAt(doc, String(operand), value);
    }
    case '$push': {
      const items = [...arrayAt(doc, path, modifier)];
      const position =
        isPlainObject(operand) && typeof operand.$position === 'number' ? operand.$position : items.length;
      items.splice(position, 0, ...cloneValue(eachOf(operand)));
      return setAt(doc, path, items);
    }
    case '$addToSet': {
      const items = [...arrayAt(doc, path, modifier)];
      for (const item of eachOf(operand))
        if (!items.some((existing) => sameValue(existing, item))) items.push(cloneValue(item));
      return setAt(doc, path, items);
    }
    case '$pop': {
      const items = [...arrayAt(doc, path, modifier)];
      if (operand === -1) items.shift();
      else items.pop();
      return setAt(doc, path, items);
    }
    case '$pull': {
      const keep = (item: unknown) =>
        isPlainObject(operand) && Object.keys(operand).every((key) => key.startsWith('$'))
          ? !matches({ item }, { item: operand })
          : isPlainObject(operand) && isPlainObject(item)
            ? !matches(item, operand)
            : !sameValue(item, operand);
      return setAt(doc, path, arrayAt(doc, path, modifier).filter(keep));
    }
    case '$pullAll': {
      const drop = Array.isArray(operand) ? operand : [];
      return setAt(
        doc,
        path,
        arrayAt(doc, path, modifier).filter((item) => !drop.some((d) => sameValue(d, item))),
      );
    }
    default:
      throw errors.requestFailed(
        `Unknown modifier: ${modifier}. Expected a valid update modifier or pipeline-style update specified as an array`,
      );
  }
}

/** The document after MongoDB modifiers; the stored one is left as it was. */
export function applyModifiers(doc: Doc, update: unknown): Doc {
  if (!isPlainObject(update) || Object.keys(update).length === 0)
    throw errors.invalidParam('update data must not be empty');
  const plain = Object.keys(update).find((key) => !key.startsWith('$'));
  if (plain) throw errors.requestFailed(`Unknown modifier: ${plain}. Expected a valid update modifier`);
  const steps: Array<{ modifier: string; path: string; operand: unknown }> = [];
  for (const [modifier, fields] of Object.entries(update)) {
    if (!isPlainObject(fields))
      throw errors.requestFailed(`Modifiers operate on fields but we found another type instead: ${modifier}`);
    for (const [path, operand] of Object.entries(fields)) steps.push({ modifier, path, operand });
  }
  checkPaths(
    steps.flatMap(({ modifier, path, operand }) => (modifier === '$rename' ? [path, String(operand)] : [path])),
  );
  const updated = cloneValue(doc);
  for (const { modifier, path, operand } of steps) applyModifier(updated, modifier, path, operand);
  checkFieldNames(Object.fromEntries(Object.entries(updated).filter(([key]) => key !== '_id')));
  return updated;
}
