import type { Catalog } from './catalog/types';

export type UnitKind = 'township' | 'street' | 'department' | 'agency';

export const UNIT_KIND_LABEL: Record<UnitKind, string> = {
  township: '乡镇',
  street: '街道',
  department: '区政府部门',
  agency: '区直单位',
};

export interface Unit {
  id: string;
  name: string;
  kind: UnitKind;
  tags: string[];
  /** Other names the documents use for the unit (区政府办 for 区政府办公室). */
  aliases: string[];
  disabled?: boolean;
}

/** A phrase such as 各乡（镇）街道 that stands for every unit of some kinds (and tags). */
export interface UnitGroup {
  phrase: string;
  kinds: UnitKind[];
  tags?: string[];
}

export interface District {
  id: string;
  name: string;
  fullName: string;
  /** MM-DD: when a yearly task falls due where the text gives no date. */
  defaultDueDate: string;
}

export interface Directory {
  district: District;
  groups: UnitGroup[];
  units: Unit[];
}

export type AssignmentRole = 'lead' | 'responsible' | 'both';

export interface Assignment {
  itemNo: number;
  role: AssignmentRole;
}

export class UnknownUnitPhraseError extends Error {}

function activeUnits(directory: Directory): Unit[] {
  return directory.units.filter((unit) => !unit.disabled);
}

/** The units a phrase of the task list stands for; throws when the directory cannot resolve it. */
export function expandPhrase(phrase: string, directory: Directory): Unit[] {
  const group = directory.groups.find((candidate) => candidate.phrase === phrase);
  if (group) {
    return activeUnits(directory).filter(
      (unit) => group.kinds.includes(unit.kind) && (group.tags ?? []).every((tag) => unit.tags.includes(tag)),
    );
  }
  const named = directory.units.find((unit) => unit.name === phrase);
  if (named) return named.disabled ? [] : [named];
  // An alias may be shared: a phrase the admin mapped to several units once (各乡镇 → every
  // township) is kept as an alias of each, so that the next list resolves it to all of them.
  const aliased = directory.units.filter((unit) => unit.aliases.includes(phrase));
  if (aliased.length === 0) throw new UnknownUnitPhraseError(`单位名录中找不到“${phrase}”`);
  return aliased.filter((unit) => !unit.disabled);
}

/** Every phrase of the catalog that the directory cannot resolve (empty when the two agree). */
export function unresolvedPhrases(catalog: Catalog, directory: Directory): string[] {
  const phrases = new Set(catalog.items.flatMap((item) => [...item.leadUnits, ...item.responsibleUnits]));
  return [...phrases].filter((phrase) => {
    try {
      expandPhrase(phrase, directory);
      return false;
    } catch {
      return true;
    }
  });
}

/** Each unit's items and its role on each, for the whole directory at once. */
export function assignmentIndex(catalog: Catalog, directory: Directory): Map<string, Assignment[]> {
  const index = new Map<string, Assignment[]>();
  for (const item of catalog.items) {
    const leads = new Set(item.leadUnits.flatMap((phrase) => expandPhrase(phrase, directory)).map((unit) => unit.id));
    const responsible = new Set(
      item.responsibleUnits.flatMap((phrase) => expandPhrase(phrase, directory)).map((unit) => unit.id),
    );
    for (const unitId of new Set([...leads, ...responsible])) {
      const role: AssignmentRole = leads.has(unitId) ? (responsible.has(unitId) ? 'both' : 'lead') : 'responsible';
      const list = index.get(unitId) ?? [];
      list.push({ itemNo: item.no, role });
      index.set(unitId, list);
    }
  }
  return index;
}

export function assignments(unitId: string, catalog: Catalog, directory: Directory): Assignment[] {
  return assignmentIndex(catalog, directory).get(unitId) ?? [];
}

/** The units that lead an item (they review its reports). */
export function leadUnitIds(itemNo: number, catalog: Catalog, directory: Directory): string[] {
  const item = catalog.items.find((candidate) => candidate.no === itemNo);
  if (!item) return [];
  return [...new Set(item.leadUnits.flatMap((phrase) => expandPhrase(phrase, directory)).map((unit) => unit.id))];
}
