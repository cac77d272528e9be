/** The update engine: `doc.update({ data })` and `where(...).update({ data })`. */
import { isCommand, UpdateCommand } from './commands';
import { cloneValue, getPath, isPlainObject, removePath, setPath, type Doc } from './values';

type FieldUpdate = { path: string; value: unknown };

/**
 * Nested plain objects are updated field by field (the SDK flattens them into dotted paths);
 * `_.set(object)` replaces a whole object; arrays, dates and scalars are assigned.
 */
function flatten(data: Record<string, unknown>, prefix = ''): FieldUpdate[] {
  const updates: FieldUpdate[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (value === undefined) continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(value) && !isCommand(value) && Object.keys(value).length > 0) {
      updates.push(...flatten(value, path));
    } else {
      updates.push({ path, value });
    }
  }
  return updates;
}

function applyCommand(doc: Doc, path: string, command: UpdateCommand): void {
  const current = getPath(doc, path);
  switch (command.operator) {
    case 'inc':
    case 'mul': {
      if (typeof command.operand !== 'number') throw new TypeError(`_.${command.operator} needs a number`);
      if (current !== undefined && typeof current !== 'number') {
        throw new TypeError(`cannot apply _.${command.operator} to non-numeric field "${path}"`);
      }
      const base = current ?? 0;
      setPath(doc, path, command.operator === 'inc' ? base + command.operand : base * command.operand);
      return;
    }
    case 'set':
      setPath(doc, path, cloneValue(command.operand));
      return;
    case 'remove':
      removePath(doc, path);
      return;
    case 'push': {
      if (current !== undefined && !Array.isArray(current)) throw new TypeError(`"${path}" is not an array`);
      const items = Array.isArray(command.operand) ? command.operand : [command.operand];
      setPath(doc, path, [...((current as unknown[] | undefined) ?? []), ...cloneValue(items)]);
      return;
    }
  }
}

/** A new document: `doc` with `data` applied. Throws on `_id` in the data or a bad command. */
export function applyUpdate(doc: Doc, data: unknown): Doc {
  if (!isPlainObject(data)) throw new TypeError('update data must be an object');
  const updated = cloneValue(doc);
  for (const { path, value } of flatten(data)) {
    if (path === '_id' || path.startsWith('_id.')) throw new Error('cannot update _id');
    if (value instanceof UpdateCommand) applyCommand(updated, path, value);
    else if (isCommand(value)) throw new TypeError(`"${path}": a query command in update data`);
    else setPath(updated, path, cloneValue(value));
  }
  return updated;
}
