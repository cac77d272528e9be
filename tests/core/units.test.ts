import {
  assignments,
  expandPhrase,
  unresolvedPhrases,
  UnknownUnitPhraseError,
  type Directory,
} from '../../src/core/units';
import { loadCatalog, loadDirectory, unitByName } from '../support/fixtures';

const catalog = loadCatalog();
const directory = loadDirectory();
const ALL_ITEMS = Array.from({ length: 41 }, (_, index) => index + 1);

function itemNos(unitName: string, roles: string[]) {
  return assignments(unitByName(directory, unitName).id, catalog, directory)
    .filter((assignment) => roles.includes(assignment.role))
    .map((assignment) => assignment.itemNo);
}

describe('the unit directory', () => {
  it('has the departments the list names, and the townships and streets of 昌江区', () => {
    for (const name of [
      '区司法局',
      '区政务局',
      '区发改委',
      '区政府办公室',
      '区委编办',
      '区市场监管局',
      '区财政局',
      '区人社局',
      '区公安局',
    ]) {
      expect(unitByName(directory, name)).toBeDefined();
    }
    const local = directory.units.filter((unit) => unit.kind === 'township' || unit.kind === 'street');
    expect(local.length).toBeGreaterThanOrEqual(6);
    expect(new Set(directory.units.map((unit) => unit.id)).size).toBe(directory.units.length);
  });

  it('resolves every unit phrase of the catalog', () => {
    expect(unresolvedPhrases(catalog, directory)).toEqual([]);
  });
});

describe('group phrases', () => {
  it('各乡（镇）街道 is every township and street', () => {
    const names = expandPhrase('各乡（镇）街道', directory).map((unit) => unit.name);
    const expected = directory.units.filter((unit) => unit.kind === 'township' || unit.kind === 'street');
    expect(names.sort()).toEqual(expected.map((unit) => unit.name).sort());
  });

  it('区政府各部门 is every department, and only departments', () => {
    const units = expandPhrase('区政府各部门', directory);
    expect(units.every((unit) => unit.kind === 'department')).toBe(true);
    expect(units).toHaveLength(directory.units.filter((unit) => unit.kind === 'department').length);
    expect(units.map((unit) => unit.name)).not.toContain('区委编办');
  });

  it('区政府各行政执法部门 is the departments tagged 行政执法部门', () => {
    const names = expandPhrase('区政府各行政执法部门', directory).map((unit) => unit.name);
    expect(names).toContain('区市场监管局');
    expect(names).toContain('区公安局');
    expect(names).not.toContain('区政府办公室');
    expect(names).not.toContain('区信访局');
  });

  it('区政府办 is 区政府办公室, and names resolve by alias', () => {
    expect(expandPhrase('区政府办', directory).map((unit) => unit.id)).toEqual([
      unitByName(directory, '区政府办公室').id,
    ]);
    expect(expandPhrase('区市场监督管理局', directory).map((unit) => unit.name)).toEqual(['区市场监管局']);
  });

  it('a phrase the directory does not know fails loudly', () => {
    expect(() => expandPhrase('区不存在局', directory)).toThrow(UnknownUnitPhraseError);
  });

  it('follows the directory, not the code: a new township joins every township item', () => {
    const extended: Directory = {
      ...directory,
      units: [...directory.units, { id: 'new-town', name: '新设镇', kind: 'township', tags: [], aliases: [] }],
    };
    expect(assignments('new-town', catalog, extended).map((assignment) => assignment.itemNo)).toEqual(ALL_ITEMS);
    const disabled: Directory = {
      ...directory,
      units: directory.units.map((unit) => (unit.name === '西郊街道' ? { ...unit, disabled: true } : unit)),
    };
    expect(expandPhrase('各乡（镇）街道', disabled).map((unit) => unit.name)).not.toContain('西郊街道');
  });
});

describe('assignments', () => {
  it('every township and street is responsible for all 41 items', () => {
    for (const unit of directory.units.filter(
      (candidate) => candidate.kind === 'township' || candidate.kind === 'street',
    )) {
      const assigned = assignments(unit.id, catalog, directory);
      expect(assigned.map((assignment) => assignment.itemNo)).toEqual(ALL_ITEMS);
      expect(assigned.every((assignment) => assignment.role === 'responsible')).toBe(true);
    }
  });

  it('区司法局 leads 38 items, all but 6, 7 and 39', () => {
    const led = itemNos('区司法局', ['lead', 'both']);
    expect(led).toHaveLength(38);
    expect(ALL_ITEMS.filter((no) => !led.includes(no))).toEqual([6, 7, 39]);
  });

  it('区司法局 is both lead and responsible where it is also one of 区政府各部门', () => {
    expect(itemNos('区司法局', ['both'])).toContain(1);
    expect(itemNos('区司法局', ['responsible'])).toEqual([6]);
  });

  it('a department neither named nor tagged 行政执法 gets exactly the items naming 区政府各部门', () => {
    const naming = catalog.items
      .filter((item) => item.responsibleUnits.includes('区政府各部门'))
      .map((item) => item.no);
    expect(itemNos('区信访局', ['responsible'])).toEqual(naming);
    expect(itemNos('区信访局', ['lead', 'both'])).toEqual([]);
  });

  it('an enforcement department also gets the items naming 区政府各行政执法部门', () => {
    const naming = catalog.items
      .filter((item) =>
        item.responsibleUnits.some((phrase) => phrase === '区政府各部门' || phrase === '区政府各行政执法部门'),
      )
      .map((item) => item.no);
    expect(itemNos('区卫健委', ['responsible'])).toEqual(naming);
  });

  it('item 30 reaches 区财政局 and 区人社局 by name', () => {
    expect(itemNos('区财政局', ['responsible', 'both'])).toContain(30);
    expect(itemNos('区人社局', ['responsible', 'both'])).toContain(30);
    expect(itemNos('区信访局', ['responsible'])).not.toContain(30);
  });

  it('区委编办 leads item 13 and is named responsible for item 20 only', () => {
    expect(assignments(unitByName(directory, '区委编办').id, catalog, directory)).toEqual([
      { itemNo: 13, role: 'lead' },
      { itemNo: 20, role: 'responsible' },
    ]);
  });

  it('区政府办公室 is responsible for item 35 through 区政府办 and leads 9–12 and 33', () => {
    expect(itemNos('区政府办公室', ['lead', 'both'])).toEqual([9, 10, 11, 12, 33]);
    expect(itemNos('区政府办公室', ['responsible', 'both'])).toContain(35);
  });
});
