import { spawnSync } from 'child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Document, LevelFormat, Packer, Paragraph } from 'docx';
import { createWorkingCalendar } from '../../src/core/calendar';
import { CatalogImportError } from '../../src/core/catalog/buildCatalog';
import { readDeadlinePhrase } from '../../src/core/catalog/deadlinePhrase';
import { deriveSchedule } from '../../src/core/catalog/deriveSchedule';
import {
  catalogFromPreview,
  catalogOfDraft,
  previewCatalog,
  type CatalogPreview,
  type DraftItem,
} from '../../src/core/catalog/preview';
import type { Catalog, CatalogItem, IndicatorLevel1 } from '../../src/core/catalog/types';
import { tasksFor } from '../../src/core/schedule/tasks';
import { expandPhrase, unresolvedPhrases, type Directory } from '../../src/core/units';
import { previewFromBuffer } from '../../scripts/lib/readCatalogSource';
import { docxFromTextExport } from '../support/docx';
import { loadCatalog, loadDirectory, loadHolidays, referenceText, ROOT } from '../support/fixtures';

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'catalogs');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const changjiang = loadCatalog();
const directory = loadDirectory();

/** 昌江's item `no` as data/catalog.json has it: the expected item of a rewritten fixture. */
function official(no: number): CatalogItem {
  const item = changjiang.items.find((candidate) => candidate.no === no);
  if (!item) throw new Error(`no item ${no}`);
  return item;
}

/** A draft item as the catalog keeps it (without the draft's guidance proposal and resolved ids). */
function asCatalogItem(item: DraftItem): CatalogItem {
  const { guidance: _guidance, resolved: _resolved, ...rest } = item;
  return rest;
}

function item(preview: CatalogPreview, no: number): DraftItem {
  const found = preview.draft.items.find((candidate) => candidate.no === no);
  if (!found) throw new Error(`no item ${no} in the draft`);
  return found;
}

/** [where, blocking, message] of every problem, for exact table assertions. */
function problemTable(preview: CatalogPreview): Array<[string, boolean, string]> {
  return preview.problems.map((problem) => [problem.where, problem.blocking, problem.message]);
}

/** The directory with one more unit, 区税务局, as another district's directory would have it. */
function directoryWithTaxBureau(): Directory {
  return {
    ...directory,
    units: [...directory.units, { id: 'swj-tax', name: '区税务局', kind: 'agency', tags: [], aliases: [] }],
  };
}

function idsOf(phrase: string): string[] {
  return expandPhrase(phrase, directory).map((unit) => unit.id);
}

/** 昌江's indicator tree cut down to the items a fixture rewrote. */
function officialIndicators(first: number, last: number): IndicatorLevel1[] {
  const keep = (no: number) => no >= first && no <= last;
  return changjiang.indicators
    .map((level1) => ({
      ...level1,
      children: level1.children
        .map((level2) => ({ ...level2, items: level2.items.filter(keep) }))
        .filter((level2) => level2.items.length > 0),
    }))
    .filter((level1) => level1.children.length > 0);
}

function importError(run: () => unknown): CatalogImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof CatalogImportError) return error;
    throw error;
  }
  throw new Error('the import accepted malformed input');
}

const TOWNSHIPS_AND_STREETS = idsOf('各乡（镇）街道');
const DEPARTMENTS = idsOf('区政府各部门');
const ENFORCEMENT = idsOf('区政府各行政执法部门');

describe('the 昌江 table, previewed', () => {
  const preview = previewCatalog(referenceText(), { directory });

  it('has nothing to resolve, and makes data/catalog.json byte for byte', () => {
    expect(preview.problems).toEqual([]);
    const written = `${JSON.stringify(catalogOfDraft(preview.draft), null, 2)}\n`;
    expect(written).toBe(readFileSync(join(ROOT, 'data', 'catalog.json'), 'utf8'));
  });

  it('resolves each item’s units to the directory', () => {
    expect(item(preview, 1).resolved).toEqual({
      lead: ['sfj'],
      responsible: [...DEPARTMENTS, ...TOWNSHIPS_AND_STREETS],
    });
    expect(item(preview, 28).resolved).toEqual({ lead: ['sfj'], responsible: TOWNSHIPS_AND_STREETS });
    expect(item(preview, 35).resolved?.responsible).toEqual([
      ...new Set(['zfb', ...DEPARTMENTS, ...TOWNSHIPS_AND_STREETS]),
    ]);
    expect(item(preview, 20).resolved?.responsible).toEqual(['wbb', ...ENFORCEMENT, ...TOWNSHIPS_AND_STREETS]);
  });

  it.each([
    [1, '报告正文（加盖公章）；向社会公开的网页截图或链接'],
    [
      21,
      '专项监督的通知、方案或记录（每年不少于1次）；案卷评查的通知、方案或记录（每年不少于1次）；行政执法案卷评查的通知、方案或记录（每年不少于1次）',
    ],
    [30, '司法所规范化建设达成率的统计数据及说明（应达到100%）'],
    [
      32,
      '每个乡镇（街道）专职人民调解员名单或配备文件（不少于2名）；村（社区）专职人民调解员名单或配备文件（不少于1名）',
    ],
    [36, '培训记录或学时证明（每人每年不少于60学时）'],
    [41, '公共法律服务三大平台满意率的统计数据及说明（应达到90%以上）'],
    [17, undefined], // “双随机、一公开” names a kind of inspection, not a publication
    [2, undefined],
  ])('proposes a first 佐证材料要求 for item %i from its text', (no, guidance) => {
    expect(item(preview, no).guidance).toBe(guidance);
  });
});

describe('numbered paragraphs with 牵头单位： / 责任单位： lines (昌江 items 1–9 rewritten)', () => {
  const text = fixture('paragraphs-labelled.txt');
  const preview = previewCatalog(text, { directory });

  it('takes the indicator levels from the 一、 and （一） headings', () => {
    expect(preview.draft.indicators).toEqual(officialIndicators(1, 9));
    expect(preview.draft.source.title).toBe('昌江区进一步推进法治政府建设任务清单');
  });

  it.each([1, 3, 8, 9])('reads item %i exactly as the 昌江 table has it', (no) => {
    expect(asCatalogItem(item(preview, no))).toEqual(official(no));
  });

  it('reads every numbering style and both kinds of colon', () => {
    // 1. / 2、 / a bare 3 on its own line / 4． / "5. " / 8 with its labels on the same line
    expect(preview.draft.items.map((entry) => entry.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const no of [2, 4, 5, 6]) {
      const { text: itemText, leadUnits, responsibleUnits, level1, level2 } = item(preview, no);
      const expected = official(no);
      expect({ itemText, leadUnits, responsibleUnits, level1, level2 }).toEqual({
        itemText: expected.text,
        leadUnits: expected.leadUnits,
        responsibleUnits: expected.responsibleUnits,
        level1: expected.level1,
        level2: expected.level2,
      });
    }
  });

  it.each([
    // no, 完成时限, schedule kinds, fixed deadlines, default annual task
    [2, '每年', ['defaultAnnual'], [], true],
    [4, '12月31日前', ['fixedAnnual'], ['d1231'], false],
    [5, '长期坚持', ['openEnded', 'defaultAnnual'], [], true],
    [6, '持续推进', ['openEnded', 'defaultAnnual'], [], true],
  ])('item %i: 完成时限 “%s”', (no, deadline, kinds, keys, defaultAnnual) => {
    const entry = item(preview, no);
    expect(entry.deadline).toBe(deadline);
    expect(entry.schedule.kinds).toEqual(kinds);
    expect(entry.schedule.deadlines.map((fixed) => fixed.key)).toEqual(keys);
    expect(entry.schedule.defaultAnnual).toBe(defaultAnnual);
    expect(entry.schedule.phrase?.text).toBe(deadline);
  });

  it('keeps 配合单位 apart and among the responsible units, and flags the missing lead', () => {
    const entry = item(preview, 7);
    expect(entry.leadUnits).toEqual([]);
    expect(entry.responsibleUnits).toEqual(['各乡（镇）街道', '区发改委']);
    expect(entry.cooperatingUnits).toEqual(['区发改委']);
    expect(entry.resolved).toEqual({ lead: [], responsible: [...TOWNSHIPS_AND_STREETS, 'fgw'] });
  });

  it('says what the admin must decide, naming the item', () => {
    expect(problemTable(preview)).toEqual([
      ['第5项', false, '完成时限“长期坚持”没有具体日期：按本区默认日期，每年12月31日前报送一次落实情况'],
      ['第6项', false, '完成时限“持续推进”没有具体日期：按本区默认日期，每年12月31日前报送一次落实情况'],
      ['第7项', true, '只写了责任单位，没有牵头单位：请指定一个牵头单位（由它审核各单位报送的材料）'],
    ]);
  });

  it('uses the district’s default date in what it says', () => {
    const later = previewCatalog(text, { defaultDueDate: '11-30' });
    expect(later.problems[0].message).toContain('每年11月30日前');
  });

  it('refuses to make a catalog while an item has no lead unit, naming its line', () => {
    const error = importError(() => catalogFromPreview(preview));
    const line = text.split('\n').findIndex((candidate) => candidate.startsWith('7.')) + 1;
    expect(error.line).toBe(line);
    expect(error.message).toBe(
      `第${line}行：第7项只写了责任单位，没有牵头单位：请指定一个牵头单位（由它审核各单位报送的材料）`,
    );
  });
});

describe('the paragraph shape as a .docx', () => {
  const text = fixture('paragraphs-labelled.txt');
  const lines = text.split('\n').filter((line) => line.trim() !== '');

  it('reads a .docx of paragraphs as the text export of the same list', async () => {
    const docx = await Packer.toBuffer(
      new Document({ sections: [{ children: lines.map((line) => new Paragraph(line)) }] }),
    );
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const fromDocx = await previewFromBuffer(docx, { directory });
    const fromText = previewCatalog(text, { directory });
    expect(fromDocx.draft).toEqual(fromText.draft);
    expect(fromDocx.problems.map(({ where, message, blocking }) => ({ where, message, blocking }))).toEqual(
      fromText.problems.map(({ where, message, blocking }) => ({ where, message, blocking })),
    );
    // Lines are paragraphs of the document there: the 7th item is the 31st paragraph.
    expect(fromDocx.problems[2].line).toBe(lines.findIndex((line) => line.startsWith('7.')) + 1);
  });

  it('gives Word’s automatic numbering back to the items', async () => {
    const paragraphs: Paragraph[] = [];
    for (let index = 0; index < lines.length; index += 1) {
      const line = lines[index];
      const numbered = /^\d+[.．、]?\s*(.*)$/.exec(line);
      if (!numbered) {
        paragraphs.push(new Paragraph(line));
        continue;
      }
      // A bare number on its own line: its text is the next paragraph.
      const body = numbered[1] || lines[(index += 1)];
      paragraphs.push(new Paragraph({ text: body, numbering: { reference: 'items', level: 0 } }));
    }
    const docx = await Packer.toBuffer(
      new Document({
        numbering: {
          config: [{ reference: 'items', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.' }] }],
        },
        sections: [{ children: paragraphs }],
      }),
    );
    const preview = await previewFromBuffer(docx, { directory });
    expect(preview.draft.items.map((entry) => entry.text)).toEqual(
      previewCatalog(text).draft.items.map((entry) => entry.text),
    );
    expect(preview.draft.indicators).toEqual(officialIndicators(1, 9));
  });
});

describe('the other shapes as a .docx', () => {
  const paragraphsDocx = (text: string) =>
    Packer.toBuffer(
      new Document({
        sections: [
          {
            children: text
              .split('\n')
              .filter((line) => line.trim() !== '')
              .map((line) => new Paragraph(line)),
          },
        ],
      }),
    );

  it.each([
    ['trailing-bracket.txt', paragraphsDocx],
    ['deadline-column.txt', docxFromTextExport],
    ['responsible-only.txt', docxFromTextExport],
  ])('%s reads the same from a .docx', async (name, toDocx) => {
    const text = fixture(name);
    const fromDocx = await previewFromBuffer(await toDocx(text), { directory });
    const fromText = previewCatalog(text, { directory });
    expect(fromDocx.draft).toEqual(fromText.draft);
    const withoutLines = (preview: CatalogPreview) => preview.problems.map(({ line: _line, ...rest }) => rest);
    expect(withoutLines(fromDocx)).toEqual(withoutLines(fromText));
  });
});

describe('（一） paragraphs with the units in a trailing bracket (昌江 items 14–21 rewritten)', () => {
  const preview = previewCatalog(fixture('trailing-bracket.txt'), { directory });

  it('makes each 一、 heading an indicator with the （一） paragraphs as its items', () => {
    expect(
      preview.draft.indicators.map((level1) => [level1.label, level1.children.map((level2) => level2.items)]),
    ).toEqual([
      ['一、推进行政执法规范化建设', [[1, 2, 3, 4, 5, 6]]],
      ['二、推进行政执法监督体系建设', [[7, 8]]],
    ]);
    expect(preview.draft.indicators[1].children[0]).toEqual({
      no: 2,
      label: '',
      name: '推进行政执法监督体系建设',
      items: [7, 8],
    });
  });

  it('keeps the text without the bracket', () => {
    expect(preview.draft.items.map((entry) => entry.text)).toEqual(
      [14, 15, 16, 17, 18, 19, 20, 21].map((no) => official(no).text),
    );
  });

  it.each([
    // no, lead (as in the draft), responsible (as in the draft)
    [1, ['区司法局'], ['区政府各行政执法部门', '各乡（镇）街道']],
    [2, ['区司法局'], ['区政府各行政执法部门', '各乡（镇）街道']],
    [3, ['区司法局'], ['区政府各行政执法部门', '各乡（镇）街道']],
    [4, ['区司法局', '区市场监管局', '区政务局', '区发改委'], ['区政府各行政执法部门', '各乡（镇）街道']],
    [5, ['区政务局', '区司法局'], ['各乡镇', '区直各部门']],
    [6, ['区司法局'], ['区政府各行政执法部门', '昌江高新区（管委会）']],
    [7, ['区司法局'], ['区委编办', '区政府各行政执法部门', '各乡（镇）街道']],
    [8, ['区司法局'], ['区政府各行政执法部门', '各乡（镇）街道']],
  ])('item %i: lead %j, responsible %j', (no, lead, responsible) => {
    expect(item(preview, no).leadUnits).toEqual(lead);
    expect(item(preview, no).responsibleUnits).toEqual(responsible);
  });

  it('reads a deadline written in the bracket', () => {
    expect(item(preview, 3).schedule.target).toEqual({ date: '2025-06-30', quote: '2025年6月底前完成' });
    expect(item(preview, 3).schedule.measures).toEqual(official(16).schedule.measures);
    const quarterly = item(preview, 8).schedule;
    expect(quarterly.kinds).toEqual(['quarterly', 'counted']);
    expect(quarterly.deadlines.map((fixed) => [fixed.monthDay, fixed.label])).toEqual([
      ['03-31', '第一季度报送'],
      ['06-30', '第二季度报送'],
      ['09-30', '第三季度报送'],
      ['12-31', '第四季度报送'],
    ]);
    expect(quarterly.counts).toEqual(official(21).schedule.counts);
  });

  it('says what it could not resolve, and what it read another way', () => {
    expect(problemTable(preview)).toEqual([
      ['全文', false, '文中各部分的序号重新从1开始，已按全文顺序统一编号（下面说的“第几项”按全文顺序）'],
      ['第2项', false, '责任单位“各乡(镇)街道”按单位名录中的“各乡（镇）街道”处理'],
      ['第4项', false, '牵头单位“区市场监管局（区知识产权局）”按单位名录中的“区市场监管局”处理'],
      ['第5项', true, '责任单位“各乡镇”在单位名录中找不到：请选择它指的是哪些单位（选一次即记住）'],
      ['第5项', true, '责任单位“区直各部门”在单位名录中找不到：请选择它指的是哪些单位（选一次即记住）'],
      ['第6项', false, '牵头单位“司法局”按单位名录中的“区司法局”处理'],
      [
        '第6项',
        false,
        '责任单位“区政府各行政执法部门、昌江高新区（管委会）等”以“等”结尾，可能还有别的单位：请核对是否需要补充',
      ],
      ['第6项', true, '责任单位“昌江高新区（管委会）”在单位名录中找不到：请选择它指的是哪些单位（选一次即记住）'],
      ['第6项', false, '完成时限“持续推进”没有具体日期：按本区默认日期，每年12月31日前报送一次落实情况'],
    ]);
    expect(preview.problems.filter((problem) => problem.blocking).map((problem) => problem.phrase)).toEqual([
      '各乡镇',
      '区直各部门',
      '昌江高新区（管委会）',
    ]);
  });

  it('applies the admin’s choices for unknown phrases before the directory', () => {
    const townships = directory.units.filter((unit) => unit.kind === 'township').map((unit) => unit.id);
    const mapped = previewCatalog(fixture('trailing-bracket.txt'), {
      directory,
      phraseMap: { 各乡镇: townships, 区直各部门: DEPARTMENTS, '昌江高新区（管委会）': ['gxj'] },
    });
    expect(mapped.problems.filter((problem) => problem.blocking)).toEqual([]);
    expect(item(mapped, 5).resolved).toEqual({ lead: ['zwj', 'sfj'], responsible: [...townships, ...DEPARTMENTS] });
    expect(item(mapped, 6).resolved?.responsible).toEqual([...ENFORCEMENT]);
    const unknownId = previewCatalog(fixture('trailing-bracket.txt'), {
      directory,
      phraseMap: { 各乡镇: ['nowhere'] },
    });
    expect(unknownId.problems.find((problem) => problem.phrase === '各乡镇')?.message).toBe(
      '为“各乡镇”选择的单位（编号 nowhere）不在单位名录中：请重新选择',
    );
  });
});

describe('a table with a 完成时限 column and headings in rows of their own (昌江 items 22–32 rewritten)', () => {
  const preview = previewCatalog(fixture('deadline-column.txt'), { directory });

  it('takes the indicators from the heading rows', () => {
    expect(
      preview.draft.indicators.map((level1) => [
        level1.label,
        level1.children.map((level2) => [level2.no, level2.label, level2.items]),
      ]),
    ).toEqual([
      [
        '一、推进行政执法监督体系建设',
        [
          [1, '（一）提升行政复议监督质效', [1, 2]],
          [2, '（二）加强行政应诉工作', [3, 4]],
        ],
      ],
      ['二、推进依法行政基层基础建设', [[3, '', [5, 6, 7, 8, 9, 10, 11]]]],
    ]);
  });

  it('keeps the text and units of the 昌江 items', () => {
    preview.draft.items.forEach((entry, index) => {
      const expected = official(22 + index);
      expect([entry.text, entry.leadUnits, entry.responsibleUnits]).toEqual([
        expected.text,
        expected.leadUnits,
        expected.responsibleUnits,
      ]);
    });
  });

  it.each([
    // no, 完成时限, kinds, fixed deadlines, target, default annual task
    [1, '上半年', ['fixedAnnual'], ['d0630'], null, false],
    [2, '年底前', ['fixedAnnual'], ['d1231'], null, false],
    [3, '每年', ['measured', 'defaultAnnual'], [], null, true],
    [4, '2025年6月底前', ['target', 'event', 'defaultAnnual'], [], '2025-06-30', true],
    [5, '每半年', ['twiceYearly'], ['d0630', 'd1231'], null, false],
    [6, '每季度', ['quarterly'], ['d0331', 'd0630', 'd0930', 'd1231'], null, false],
    [7, '长期坚持', ['openEnded', 'defaultAnnual'], [], null, true],
    [8, '持续推进', ['openEnded', 'defaultAnnual'], [], null, true],
    [9, '12月31日前', ['fixedAnnual', 'target', 'measured'], ['d1231'], '2024-12-31', false],
    [10, '按上级要求', ['defaultAnnual'], [], null, true],
    [11, undefined, ['target', 'measured', 'defaultAnnual'], [], '2025-12-31', true],
  ])('item %i: 完成时限 %j', (no, deadline, kinds, keys, target, defaultAnnual) => {
    const entry = item(preview, no);
    expect(entry.deadline).toBe(deadline);
    expect(entry.schedule.kinds).toEqual(kinds);
    expect(entry.schedule.deadlines.map((fixed) => fixed.key)).toEqual(keys);
    expect(entry.schedule.target?.date ?? null).toBe(target);
    expect(entry.schedule.defaultAnnual).toBe(defaultAnnual);
  });

  it('keeps the event rule of item 25 beside the stated date', () => {
    expect(item(preview, 4).schedule.events).toEqual(official(25).schedule.events);
  });

  it('flags the deadline it cannot read, and says where the default date applies', () => {
    expect(problemTable(preview)).toEqual([
      ['第7项', false, '完成时限“长期坚持”没有具体日期：按本区默认日期，每年12月31日前报送一次落实情况'],
      ['第8项', false, '完成时限“持续推进”没有具体日期：按本区默认日期，每年12月31日前报送一次落实情况'],
      ['第10项', true, '完成时限“按上级要求”无法识别为日期：请设定完成日期'],
    ]);
  });

  it('gives the schedule engine the tasks the deadlines describe', () => {
    const catalog: Catalog = catalogOfDraft(preview.draft);
    const context = { catalog, directory, calendar: createWorkingCalendar(loadHolidays()) };
    const tasks = tasksFor('xijiao', 2025, context);
    const due = (itemNo: number) =>
      tasks.filter((task) => task.itemNo === itemNo).map((task) => [task.dueDate, task.label]);
    expect(due(6)).toEqual([
      ['2025-03-31', '第一季度落实情况'],
      ['2025-06-30', '第二季度落实情况'],
      ['2025-09-30', '第三季度落实情况'],
      ['2025-12-31', '第四季度落实情况'],
    ]);
    expect(due(5)).toEqual([
      ['2025-06-30', '完成（2025年上半年）'],
      ['2025-12-31', '完成（2025年下半年）'],
    ]);
    expect(due(1)).toEqual([['2025-06-30', '完成（2025年上半年）']]);
    expect(due(4).map(([date]) => date)).toEqual(['2025-06-30']);
    expect(due(7)).toEqual([['2025-12-31', '2025年度落实情况']]);
  });
});

describe('a table with only a 责任单位 column, open lists and units written without the district prefix', () => {
  const preview = previewCatalog(fixture('responsible-only.txt'), { directory: directoryWithTaxBureau() });

  it('puts every item under one indicator when the list has no headings, and says so', () => {
    expect(preview.draft.indicators).toEqual([
      {
        no: 1,
        label: '',
        name: '某区法治政府建设任务清单',
        children: [{ no: 1, label: '', name: '某区法治政府建设任务清单', items: [1, 2, 3, 4, 5, 6, 7] }],
      },
    ]);
    expect(preview.problems[0]).toEqual({
      where: '全文',
      message: '文中没有“一、”这样的一级标题，全部任务归入同一类',
      blocking: false,
    });
  });

  it.each([
    [1, ['区政府办公室', '区司法局', '区政府各部门', '各乡（镇）街道']], // 、 ， and , mixed
    [2, ['区司法局', '区财政局']], // 司法局、财政局等
    [3, ['区政府办', '区政府各部门', '各乡（镇）街道']],
    [4, ['区税务局', '区司法局']], // 税务局（市、区）
    [5, []],
    [6, ['区司法局', '区政府各行政执法部门']], // 景德镇市昌江区司法局
    [7, ['区财政局', '各乡（镇）街道']], // one unit a line in the cell
  ])('item %i: responsible %j, no lead', (no, responsible) => {
    expect(item(preview, no).leadUnits).toEqual([]);
    expect(item(preview, no).responsibleUnits).toEqual(responsible);
    expect(item(preview, no).text).toBe(official(32 + no).text);
  });

  it('flags every item for a lead unit, the item with no units at all, and the open list', () => {
    expect(problemTable(preview).slice(1)).toEqual([
      ['第1项', true, '只写了责任单位，没有牵头单位：请指定一个牵头单位（由它审核各单位报送的材料）'],
      ['第2项', false, '责任单位“司法局、财政局等”以“等”结尾，可能还有别的单位：请核对是否需要补充'],
      ['第2项', false, '责任单位“司法局”按单位名录中的“区司法局”处理'],
      ['第2项', false, '责任单位“财政局”按单位名录中的“区财政局”处理'],
      ['第2项', true, '只写了责任单位，没有牵头单位：请指定一个牵头单位（由它审核各单位报送的材料）'],
      ['第3项', true, '只写了责任单位，没有牵头单位：请指定一个牵头单位（由它审核各单位报送的材料）'],
      ['第4项', false, '责任单位“税务局（市、区）”按单位名录中的“区税务局”处理'],
      ['第4项', true, '只写了责任单位，没有牵头单位：请指定一个牵头单位（由它审核各单位报送的材料）'],
      ['第5项', true, '没有写牵头单位和责任单位：请选择由哪些单位承担，并指定牵头单位'],
      ['第6项', false, '责任单位“景德镇市昌江区司法局”按单位名录中的“区司法局”处理'],
      ['第6项', true, '只写了责任单位，没有牵头单位：请指定一个牵头单位（由它审核各单位报送的材料）'],
      ['第7项', true, '只写了责任单位，没有牵头单位：请指定一个牵头单位（由它审核各单位报送的材料）'],
    ]);
  });

  it('resolves 税务局 only where the directory has a 区税务局', () => {
    expect(item(preview, 4).resolved?.responsible).toEqual(['swj-tax', 'sfj']);
    const without = previewCatalog(fixture('responsible-only.txt'), { directory });
    expect(without.problems.find((problem) => problem.itemNo === 4)).toMatchObject({
      blocking: true,
      phrase: '税务局（市、区）',
      message: '责任单位“税务局（市、区）”在单位名录中找不到：请选择它指的是哪些单位（选一次即记住）',
    });
  });

  it('leaves phrases as written without a directory', () => {
    const bare = previewCatalog(fixture('responsible-only.txt'));
    expect(item(bare, 4).responsibleUnits).toEqual(['税务局（市、区）', '区司法局']);
    expect(item(bare, 4).resolved).toBeUndefined();
  });
});

describe('完成时限 phrases', () => {
  it.each([
    ['2025年6月底前', ['once'], '2025-06-30', []],
    ['2025年6月30日前完成', ['once'], '2025-06-30', []],
    ['2025年底前', ['once'], '2025-12-31', []],
    ['2026年上半年', ['once'], '2026-06-30', []],
    ['12月31日前', ['annual'], null, ['12-31']],
    ['6月底前', ['annual'], null, ['06-30']],
    ['年底前', ['annual'], null, ['12-31']],
    ['上半年', ['annual'], null, ['06-30']],
    ['每年6月底前', ['annual'], null, ['06-30']],
    ['每季度', ['repeat'], null, ['03-31', '06-30', '09-30', '12-31']],
    ['每半年', ['repeat'], null, ['06-30', '12-31']],
    ['每年', ['yearly'], null, []],
    ['长期坚持', ['openEnded'], null, []],
    ['持续推进', ['openEnded'], null, []],
    ['2025年6月底前完成，并长期坚持', ['once', 'openEnded'], '2025-06-30', []],
  ])('“%s”', (phrase, kinds, target, monthDays) => {
    const reading = readDeadlinePhrase(phrase);
    expect(reading.understood).toBe(true);
    expect(reading.kinds).toEqual(kinds);
    expect(reading.target?.date ?? null).toBe(target);
    expect(reading.deadlines.map((deadline) => deadline.monthDay)).toEqual(monthDays);
  });

  it('reads nothing into words that name no time', () => {
    expect(readDeadlinePhrase('按上级要求')).toMatchObject({ understood: false, kinds: [] });
  });

  it('reads month deadlines and repeats written in the item text too', () => {
    expect(deriveSchedule('2025年6月底前完成执法案卷评查系统建设。').target?.date).toBe('2025-06-30');
    expect(deriveSchedule('截止2024年底实现司法所规范化建设达成率100%。').target?.date).toBe('2024-12-31');
    const quarterly = deriveSchedule('各执法部门每季度向区司法局报送行政执法数据。');
    expect(quarterly.kinds).toEqual(['quarterly']);
    expect(quarterly.deadlines.map((deadline) => deadline.label)).toEqual([
      '第一季度报送',
      '第二季度报送',
      '第三季度报送',
      '第四季度报送',
    ]);
  });
});

describe('malformed input still fails, with the line', () => {
  it('finds no items in paragraphs without numbers', () => {
    const error = importError(() => previewCatalog('某区任务清单\n一、总体要求\n加强组织领导。\n'));
    expect(error.message).toContain('没有找到任何任务');
  });

  it('names the line where a paragraph number is skipped', () => {
    const text = fixture('paragraphs-labelled.txt').replace(/^4．/m, '5．');
    const error = importError(() => previewCatalog(text));
    expect(error.message).toBe(
      `第${text.split('\n').findIndex((line) => line.startsWith('5．')) + 1}行：序号跳过：应为第4项，实际为第5项`,
    );
  });

  it('names the line of a heading out of order', () => {
    const text = fixture('paragraphs-labelled.txt').replace('二、推进依法行政制度建设', '三、推进依法行政制度建设');
    const error = importError(() => previewCatalog(text));
    expect(error.message).toMatch(/^第\d+行：一级指标序号应为2，实际为“三、推进依法行政制度建设”$/);
  });

  it('names the line of a table row missing a cell', () => {
    const text = fixture('deadline-column.txt').replace(/(\t3\n\t[^\n]+\n)\t区司法局\n/, '$1');
    expect(text).not.toBe(fixture('deadline-column.txt'));
    const error = importError(() => previewCatalog(text));
    const line = text.split('\n').indexOf('\t3') + 1;
    expect(error.line).toBe(line);
    expect(error.message).toBe(`第${line}行：第3项有4列，应为五列（序号、工作任务、牵头单位、责任单位、完成时限）`);
  });

  it('refuses a table export without a header', () => {
    expect(() => previewCatalog('某区\n\n\t1\n\t内容\n\t区司法局\n')).toThrow(CatalogImportError);
  });
});

describe('npm run catalog:import on other shapes', () => {
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  const script = join(ROOT, 'scripts', 'catalog-import.ts');
  const input = join(FIXTURES, 'trailing-bracket.txt');
  const catalogPath = join(ROOT, 'data', 'catalog.json');

  function run(args: string[]) {
    const dir = mkdtempSync(join(tmpdir(), 'catalog-shapes-'));
    const out = join(dir, 'catalog.json');
    writeFileSync(out, 'previous catalog');
    const before = readFileSync(catalogPath);
    const result = spawnSync(tsx, [script, input, '--out', out, ...args], { cwd: ROOT, encoding: 'utf8' });
    return { result, dir, out, catalogUnchanged: readFileSync(catalogPath).equals(before) };
  }

  it('--preview prints the draft and its problems, and writes nothing', () => {
    const { result, dir, out, catalogUnchanged } = run(['--preview']);
    expect(result.status).toBe(0);
    const printed = JSON.parse(result.stdout) as CatalogPreview;
    expect(printed).toEqual(previewCatalog(fixture('trailing-bracket.txt'), { directory }));
    expect(printed.problems.filter((problem) => problem.blocking)).toHaveLength(3);
    expect(readFileSync(out, 'utf8')).toBe('previous catalog');
    expect(readdirSync(dir)).toEqual(['catalog.json']);
    expect(catalogUnchanged).toBe(true);
  });

  it('refuses to write while something blocking is left, and says what', () => {
    const { result, out, catalogUnchanged } = run([]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('导入失败，未写入任何文件。有 3 个问题需要先解决');
    expect(result.stderr).toContain('第5项：责任单位“各乡镇”在单位名录中找不到');
    expect(readFileSync(out, 'utf8')).toBe('previous catalog');
    expect(catalogUnchanged).toBe(true);
  });

  it('writes a catalog the directory resolves once the admin has mapped the unknown phrases', () => {
    const townships = directory.units.filter((unit) => unit.kind === 'township').map((unit) => unit.id);
    const mapPath = join(mkdtempSync(join(tmpdir(), 'phrase-map-')), 'map.json');
    writeFileSync(mapPath, JSON.stringify({ 各乡镇: townships, 区直各部门: ['zfb'], '昌江高新区（管委会）': ['gxj'] }));
    const { result, out, catalogUnchanged } = run(['--phrase-map', mapPath]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('8 项任务');
    const written = JSON.parse(readFileSync(out, 'utf8')) as Catalog;
    expect(unresolvedPhrases(written, directory)).toEqual([]);
    expect(written.items[4].responsibleUnits).toEqual(['鲇鱼山镇', '丽阳镇', '荷塘乡', '吕蒙乡', '区政府办公室']);
    expect(written.items[0]).not.toHaveProperty('guidance');
    expect(catalogUnchanged).toBe(true);
  });
});
