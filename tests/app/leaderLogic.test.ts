import {
  groupTasksByStatus,
  overdueByUnit,
  rankingOrder,
  ringsOf,
  totalsOf,
  unitRowNote,
  yearChoices,
  yearFromQuery,
  yearToShow,
} from '../../src/packages/leader/logic';
import type { OverdueTask, RatesView, TaskSummary } from '../../src/contract/replies';

function task(overrides: Partial<TaskSummary> & Pick<TaskSummary, 'id'>): TaskSummary {
  return {
    unitId: 'xijiao',
    unitName: '西郊街道',
    itemNo: 1,
    title: '标题',
    label: '年度落实情况',
    indicator: '一 / 二',
    role: 'responsible',
    kind: 'annual',
    dueDate: '2026-12-31',
    estimated: false,
    status: 'pending',
    light: 'grey',
    evidenceCount: 0,
    reviewComment: null,
    version: 1,
    originalDueDate: null,
    openRequest: null,
    ...overrides,
  };
}

describe('a unit’s tasks grouped by status', () => {
  it('puts overdue work first, returned next, then waiting, not yet reported, done; empty groups are left out', () => {
    const groups = groupTasksByStatus([
      task({ id: 'done', status: 'approved', light: 'green' }),
      task({ id: 'later', status: 'pending', light: 'grey' }),
      task({ id: 'late', status: 'pending', light: 'red', dueDate: '2026-03-01' }),
      task({ id: 'late-returned', status: 'returned', light: 'red', dueDate: '2026-01-31' }),
      task({ id: 'fix', status: 'returned', light: 'yellow' }),
      task({ id: 'waiting', status: 'submitted', light: 'blue' }),
    ]);
    expect(groups.map((group) => [group.key, group.tasks.map((t) => t.id)])).toEqual([
      ['overdue', ['late-returned', 'late']],
      ['returned', ['fix']],
      ['submitted', ['waiting']],
      ['pending', ['later']],
      ['approved', ['done']],
    ]);
    expect(groups[0].title).toBe('已逾期');
  });

  it('orders each group by due date, then item number', () => {
    const [group] = groupTasksByStatus([
      task({ id: 'b', itemNo: 9, dueDate: '2026-07-31' }),
      task({ id: 'c', itemNo: 2, dueDate: '2026-12-31' }),
      task({ id: 'a', itemNo: 30, dueDate: '2026-07-31' }),
      task({ id: 'first', itemNo: 40, dueDate: '2026-06-30' }),
    ]);
    expect(group.tasks.map((t) => t.id)).toEqual(['first', 'b', 'a', 'c']);
  });

  it('gives no groups for no tasks', () => {
    expect(groupTasksByStatus([])).toEqual([]);
  });
});

describe('the overdue list by unit', () => {
  const overdue = (id: string, unitId: string, unitName: string, daysOverdue: number): OverdueTask => ({
    ...task({ id, unitId, unitName, light: 'red' }),
    daysOverdue,
  });

  it('lists the units with most overdue first, and each unit’s longest-overdue task first', () => {
    const units = overdueByUnit([
      overdue('t1', 'cgj', '区城管局', 10),
      overdue('t2', 'xijiao', '西郊街道', 5),
      overdue('t3', 'cgj', '区城管局', 300),
      overdue('t4', 'hetang', '荷塘乡', 120),
    ]);
    expect(units.map((unit) => [unit.unitId, unit.maxDays, unit.tasks.map((t) => t.id)])).toEqual([
      ['cgj', 300, ['t3', 't1']],
      ['hetang', 120, ['t4']],
      ['xijiao', 5, ['t2']],
    ]);
  });
});

describe('the year switch', () => {
  it('offers only the years the server gives (none before the district began), oldest first', () => {
    expect(yearChoices([2027, 2026], 2026)).toEqual([2026, 2027]);
    expect(yearChoices([], 2026)).toEqual([2026]);
    expect(yearToShow([2026, 2027], 2026)).toBe(2026);
    expect(yearToShow([2026, 2027], 2025)).toBe(2026);
    expect(yearToShow([], 2025)).toBe(2025);
  });

  it('reads a year from the page query, falling back when it is missing or not a year', () => {
    expect(yearFromQuery('2025', 2026)).toBe(2025);
    expect(yearFromQuery(undefined, 2026)).toBe(2026);
    expect(yearFromQuery('abc', 2026)).toBe(2026);
    expect(yearFromQuery('20.5', 2026)).toBe(2026);
  });
});

describe('rates with their counts', () => {
  const rates: RatesView = {
    total: 10,
    due: 6,
    pending: 4,
    submitted: 2,
    approved: 3,
    returned: 1,
    reported: 5,
    overdue: 2,
    onTime: 4,
    exempt: 1,
    completionRate: 0.3,
    reportRate: 0.5,
    onTimeRate: 4 / 6,
  };

  it('gives each ring its counts and what it counts', () => {
    expect(ringsOf(rates).map((ring) => [ring.label, ring.counts.part, ring.counts.whole, ring.caption])).toEqual([
      ['完成率', 3, 10, '已通过/全部'],
      ['报送率', 5, 10, '已报送（待审核+已通过）/全部'],
      ['按时报送率', 4, 6, '按时报送/已到期'],
    ]);
  });

  it('gives totals that add up, with 不涉及 apart', () => {
    const { sum, parts, apart } = totalsOf(rates);
    expect(parts.reduce((total, part) => total + Number(part.value), 0)).toBe(sum.value);
    expect(parts.map((part) => part.label)).toEqual(['待报送', '已退回', '待审核', '已通过']);
    expect(apart.map((stat) => [stat.key, stat.value])).toEqual([
      ['due', 6],
      ['overdue', 2],
      ['exempt', 1],
    ]);
  });

  it('ranks units with enough due tasks first, the others after with counts and the reason', () => {
    const units = [
      { id: 'few', ranked: false, rank: null },
      { id: 'second', ranked: true, rank: 2 },
      { id: 'first', ranked: true, rank: 1 },
    ];
    expect(rankingOrder(units).map((unit) => unit.id)).toEqual(['first', 'second', 'few']);
    const few = { approved: 1, total: 2, completionRate: 0.5, overdue: 0, ranked: false };
    expect(unitRowNote(few, 3, true)).toBe('1/2 · 50% · 到期任务不足3项，暂不排名');
    expect(unitRowNote({ ...few, ranked: true, overdue: 1 }, 3, true)).toBe('1/2 · 50% · 逾期1');
    expect(unitRowNote(few, 3, false)).toBe('1/2 · 50%');
  });
});
