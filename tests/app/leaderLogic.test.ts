import { groupTasksByStatus, overdueByUnit, yearChoices, yearFromQuery } from '../../src/packages/leader/logic';
import type { OverdueTask, TaskSummary } from '../../src/contract/replies';

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
  it('offers this year and the one before, never before the list began (2024)', () => {
    expect(yearChoices(2026)).toEqual([2026, 2025]);
    expect(yearChoices(2025)).toEqual([2025, 2024]);
    expect(yearChoices(2024)).toEqual([2024]);
  });

  it('reads a year from the page query, falling back when it is missing or not a year', () => {
    expect(yearFromQuery('2025', 2026)).toBe(2025);
    expect(yearFromQuery(undefined, 2026)).toBe(2026);
    expect(yearFromQuery('abc', 2026)).toBe(2026);
    expect(yearFromQuery('20.5', 2026)).toBe(2026);
  });
});
