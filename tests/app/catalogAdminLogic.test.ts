import type { DirectoryUnit } from '../../src/contract/replies';
import type { CatalogProblem } from '../../src/core/catalog/preview';
import {
  canPublish,
  choicePayload,
  fixesOf,
  listYearsWords,
  namesOf,
  NO_CHOICES,
  shortList,
  unitGroups,
  yearOptions,
} from '../../src/packages/admin/pages/catalog/catalogLogic';
import { canSave, firstYear, rangeWords, readNotice } from '../../src/packages/admin/pages/holidays/holidaysLogic';
import { loadDirectory } from '../support/fixtures';

const units: DirectoryUnit[] = loadDirectory().units.map((unit) => ({ ...unit, disabled: unit.disabled ?? false }));

describe('管理 → 任务清单', () => {
  it('offers one fix per phrase, a lead for an item without one, a date for a deadline it could not read', () => {
    const problems: CatalogProblem[] = [
      { where: '第3项', message: '责任单位“各乡镇”在单位名录中找不到：…', blocking: true, itemNo: 3, phrase: '各乡镇' },
      { where: '第5项', message: '责任单位“各乡镇”在单位名录中找不到：…', blocking: true, itemNo: 5, phrase: '各乡镇' },
      { where: '第7项', message: '只写了责任单位，没有牵头单位：…', blocking: true, itemNo: 7 },
      { where: '第10项', message: '完成时限“按上级要求”无法识别为日期：请设定完成日期', blocking: true, itemNo: 10 },
      { where: '第6项', message: '完成时限“持续推进”没有具体日期', blocking: false, itemNo: 6 },
    ];
    expect(fixesOf(problems).map((fix) => fix.kind)).toEqual(['phrase', 'lead', 'date']);
  });

  it('sends only the choices made, and publishes only with nothing blocking and a year chosen', () => {
    expect(choicePayload(NO_CHOICES)).toEqual({});
    expect(choicePayload({ ...NO_CHOICES, leads: { '7': ['fgw'] } })).toEqual({ leads: { '7': ['fgw'] } });
    const preview = {
      draft: { source: { title: '', docNo: '', issuedDate: null }, indicators: [], items: [] },
      problems: [],
      blocking: 0,
    };
    expect(canPublish(preview, [2027])).toBe(true);
    expect(canPublish(preview, [])).toBe(false);
    expect(canPublish({ ...preview, blocking: 1 }, [2027])).toBe(false);
    expect(yearOptions('2026-12-02')).toEqual([2026, 2027, 2028]);
  });

  it('has ready-made groups of units, and names them briefly', () => {
    const groups = unitGroups(units);
    expect(groups.find((group) => group.label === '全部乡镇')?.ids).toEqual([
      'nianyushan',
      'liyang',
      'hetang',
      'lvmeng',
    ]);
    expect(groups.find((group) => group.label === '全部乡镇和街道')?.ids).toHaveLength(6);
    expect(shortList(namesOf(['hetang', 'xijiao'], units))).toBe('西郊街道、荷塘乡');
    expect(shortList(namesOf(groups[2].ids, units))).toBe('西郊街道、新枫街道、鲇鱼山镇、丽阳镇等6个单位');
  });
});

describe('管理 → 节假日', () => {
  it('reads a pasted notice as the server will, and saves only what adds up', () => {
    expect(readNotice(2027, '  ')).toBeNull();
    const good = readNotice(2027, '一、元旦：1月1日（周五）至3日（周日）放假，共3天。');
    expect(canSave(good)).toBe(true);
    expect(canSave(readNotice(2027, '一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。'))).toBe(false);
    expect(rangeWords({ from: '2027-02-05', to: '2027-02-12', days: 8 })).toBe('2月5日至2月12日（8天）');
    expect(firstYear('2026-12-02', [2024, 2025, 2026])).toBe(2027);
    expect(firstYear('2026-12-02', [2024, 2025, 2027])).toBe(2026);
  });
});

describe('the years a list applies to, in words', () => {
  it('says which years each list the district keeps applies to', () => {
    expect(listYearsWords({ years: null, andLater: true })).toBe('各年');
    expect(listYearsWords({ years: null, andLater: false })).toBe('此前各年（早于已发布的清单）');
    expect(listYearsWords({ years: [2027], andLater: true })).toBe('2027年及以后');
    expect(listYearsWords({ years: [2026], andLater: false })).toBe('2026年');
    expect(listYearsWords({ years: [], andLater: false })).toBe('已被后来的清单取代');
  });
});
