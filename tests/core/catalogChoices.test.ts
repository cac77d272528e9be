import { readFileSync } from 'fs';
import { join } from 'path';
import fc from 'fast-check';
import { aliasesToRemember, deadlinePhraseOf, previewWithChoices } from '../../src/core/catalog/choices';
import { CatalogImportError } from '../../src/core/catalog/importError';
import { previewCatalog } from '../../src/core/catalog/preview';
import { scheduleWords } from '../../src/core/catalog/scheduleWords';
import { expandPhrase, type Directory } from '../../src/core/units';
import { loadCatalog, loadDirectory, ROOT } from '../support/fixtures';

const fixture = (name: string) => readFileSync(join(ROOT, 'tests', 'fixtures', 'catalogs', name), 'utf8');

describe('the admin’s choices on a draft list', () => {
  const directory = loadDirectory();

  it('settles an item without a lead with the units chosen, and only that problem', () => {
    const text = fixture('paragraphs-labelled.txt');
    const before = previewCatalog(text, { directory });
    const after = previewWithChoices(text, { directory, leads: { '7': ['fgw'] } });
    expect(before.problems.filter((problem) => problem.blocking)).toHaveLength(1);
    expect(after.problems.filter((problem) => problem.blocking)).toEqual([]);
    expect(after.problems).toHaveLength(before.problems.length - 1);
    const item = after.draft.items.find((candidate) => candidate.no === 7);
    expect(item?.leadUnits).toEqual(['区发改委']);
    expect(item?.resolved?.lead).toEqual(['fgw']);
  });

  it('sets a date an item’s 完成时限 could not give: once with a year, every year without', () => {
    const text = fixture('deadline-column.txt');
    const once = previewWithChoices(text, { directory, dates: { '10': '2027-06-30' } });
    expect(once.problems.filter((problem) => problem.blocking)).toEqual([]);
    const item = once.draft.items.find((candidate) => candidate.no === 10);
    expect(item?.deadline).toBe('2027年6月30日前');
    expect(item?.schedule.target).toMatchObject({ date: '2027-06-30' });
    const yearly = previewWithChoices(text, { directory, dates: { '10': '06-30' } });
    expect(yearly.draft.items.find((candidate) => candidate.no === 10)?.schedule.deadlines[0]).toMatchObject({
      key: 'd0630',
      monthDay: '06-30',
    });
    expect(deadlinePhraseOf('2027-02-30')).toBeNull();
  });

  it('refuses choices made against another version of the list: as blocking problems', () => {
    const text = fixture('paragraphs-labelled.txt');
    const preview = previewWithChoices(text, {
      directory,
      leads: { '7': ['fgw'], '1': ['sfj'], '12': ['sfj'] },
      dates: { '40': '2027-06-30' },
    });
    expect(preview.problems.filter((problem) => problem.blocking).map((problem) => problem.where)).toEqual([
      '第1项',
      '第12项',
      '第40项',
    ]);
    const unknown = previewWithChoices(text, { directory, leads: { '7': ['nowhere'] } });
    expect(unknown.problems.filter((problem) => problem.blocking).map((problem) => problem.message)).toEqual([
      '只写了责任单位，没有牵头单位：请指定一个牵头单位（由它审核各单位报送的材料）',
      '为这一项选择的牵头单位不在单位名录中：请重新选择',
    ]);
  });

  it('remembers a phrase mapped to several units as an alias of each, and the next import resolves it to all', () => {
    const phraseMap = { 各乡镇: ['hetang', 'lvmeng', 'liyang', 'nianyushan'], 区司法局: ['czj'] };
    const aliases = aliasesToRemember(directory, phraseMap);
    // A phrase the directory knows is never an alias of another unit.
    expect([...aliases.entries()].sort()).toEqual([
      ['hetang', ['各乡镇']],
      ['liyang', ['各乡镇']],
      ['lvmeng', ['各乡镇']],
      ['nianyushan', ['各乡镇']],
    ]);
    const remembered: Directory = {
      ...directory,
      units: directory.units.map((unit) => ({ ...unit, aliases: [...unit.aliases, ...(aliases.get(unit.id) ?? [])] })),
    };
    expect(expandPhrase('各乡镇', remembered).map((unit) => unit.id)).toEqual([
      'nianyushan',
      'liyang',
      'hetang',
      'lvmeng',
    ]);
    const next = previewCatalog(fixture('trailing-bracket.txt'), { directory: remembered });
    expect(next.problems.filter((problem) => problem.phrase === '各乡镇')).toEqual([]);
    expect(aliasesToRemember(remembered, phraseMap).size).toBe(0);
  });

  it('answers any text with a draft or a CatalogImportError, never anything else', () => {
    const line = fc.oneof(
      fc.constantFrom(
        '一、总体要求',
        '（一）加强领导',
        '1.',
        '2、开展工作',
        '牵头单位：区司法局',
        '责任单位：',
        '完成时限：每季度',
      ),
      fc.string({ maxLength: 30 }),
      fc.fullUnicodeString({ maxLength: 20 }),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        try {
          previewWithChoices(lines.join('\n'), { directory, leads: { '1': ['sfj'] }, dates: { '2': '12-31' } });
        } catch (error) {
          expect(error).toBeInstanceOf(CatalogImportError);
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

describe('a schedule in words', () => {
  const items = loadCatalog().items;
  const words = (no: number) => scheduleWords(items[no - 1], '12-31');

  it('says each deadline, event rule, count and target as the admin checks them', () => {
    expect(words(1)).toEqual(['每年3月1日前：报告（上一年度）', '每年4月1日前：公开（上一年度）']);
    expect(words(13)).toEqual([
      '每年12月31日前报送年度落实情况',
      expect.stringMatching(/后5个工作日内.*（登记事件后生成任务）$/),
    ]);
    expect(words(16)[0]).toBe('2025年12月31日前完成（其他年份每年12月31日前报送落实情况）');
    expect(words(36)).toContain('每年每人培训不少于60学时');
    expect(scheduleWords(items[1], '11-30')).toEqual(['每年11月30日前报送年度落实情况']);
  });
});
