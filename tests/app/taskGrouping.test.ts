import { dueText, requestMark } from '../../src/components/TaskRow/rowText';
import {
  countByLight,
  filterTasks,
  groupOf,
  groupTasks,
  matchesQuery,
  yearRange,
} from '../../src/pages/tasks/grouping';
import { excerpt } from '../../src/utils/format';
import type { TaskSummary } from '../../src/contract/replies';

const TODAY = '2026-11-28';

function task(fields: Partial<TaskSummary> & Pick<TaskSummary, 'id'>): TaskSummary {
  return {
    unitId: 'xijiao',
    unitName: '西郊街道',
    itemNo: 1,
    title: '全面推进政务诚信建设',
    label: '2026年度落实情况',
    indicator: '深入推进依法行政 / 全面推进政务诚信建设',
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
    ...fields,
  };
}

describe('我的任务: sections', () => {
  it('puts each task in one section, in the order a clerk works through them', () => {
    const tasks = [
      task({ id: 'later', light: 'grey' }),
      task({ id: 'done', status: 'approved', light: 'green' }),
      task({ id: 'waiting', status: 'submitted', light: 'blue' }),
      task({ id: 'returned', status: 'returned', light: 'yellow', reviewComment: '请补充签到表' }),
      task({ id: 'soon', light: 'yellow', dueDate: '2026-12-02' }),
      task({ id: 'late', light: 'red', dueDate: '2026-03-01' }),
    ];
    const groups = groupTasks(tasks);
    expect(groups.map((group) => [group.title, group.tasks.map((t) => t.id)])).toEqual([
      ['逾期', ['late']],
      ['7日内到期', ['soon']],
      ['已退回', ['returned']],
      ['待审核', ['waiting']],
      ['已完成', ['done']],
      ['未到期', ['later']],
    ]);
  });

  it('puts exempt tasks (不涉及) in their own grey group at the end, counted under no light', () => {
    const tasks = [
      task({ id: 'exempt', status: 'exempt', light: 'grey' }),
      task({ id: 'later', light: 'grey' }),
      task({ id: 'late', light: 'red', dueDate: '2026-03-01' }),
    ];
    expect(groupTasks(tasks).map((group) => [group.key, group.tasks.map((t) => t.id)])).toEqual([
      ['overdue', ['late']],
      ['later', ['later']],
      ['exempt', ['exempt']],
    ]);
    expect(countByLight(tasks)).toEqual({ red: 1, yellow: 0, blue: 0, green: 0, grey: 1 });
    expect(filterTasks(tasks, '', 'grey').map((t) => t.id)).toEqual(['later']);
    expect(dueText(tasks[0], TODAY)).toBe('无需报送');
  });

  it('marks a task with a request waiting for the lead unit, and one whose date a 延期 moved', () => {
    expect(requestMark(task({ id: 'a', openRequest: 'extension' }))).toBe('延期申请中');
    expect(requestMark(task({ id: 'b', openRequest: 'exemption' }))).toBe('不涉及申请中');
    expect(requestMark(task({ id: 'c', originalDueDate: '2026-12-31', dueDate: '2027-01-15' }))).toBe('已延期');
    expect(requestMark(task({ id: 'd' }))).toBeNull();
  });

  it('counts a returned task past its due date as overdue: it is the most urgent', () => {
    expect(groupOf({ status: 'returned', light: 'red' })).toBe('overdue');
    expect(groupOf({ status: 'returned', light: 'yellow' })).toBe('returned');
  });

  it('leaves out empty sections and sorts by due date, then item number', () => {
    const groups = groupTasks([
      task({ id: 'b', itemNo: 9, light: 'red', dueDate: '2026-07-31' }),
      task({ id: 'c', itemNo: 1, light: 'red', dueDate: '2026-07-31' }),
      task({ id: 'a', itemNo: 20, light: 'red', dueDate: '2026-03-01' }),
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0].tasks.map((t) => t.id)).toEqual(['a', 'c', 'b']);
  });

  it('counts tasks by light for the header', () => {
    const counts = countByLight([{ light: 'red' }, { light: 'red' }, { light: 'blue' }, { light: 'grey' }]);
    expect(counts).toEqual({ red: 2, yellow: 0, blue: 1, green: 0, grey: 1 });
  });
});

describe('我的任务: search', () => {
  const tasks = [
    task({ id: 't13', itemNo: 13, title: '推进政府部门权责清单标准化建设' }),
    task({ id: 't31', itemNo: 31, title: '坚持和发展新时代“枫桥经验”' }),
    task({ id: 't1', itemNo: 1, title: '各乡（镇）街道报告…', label: '报告（2025年度）' }),
  ];

  it('finds an item by its number, also written 第13项', () => {
    for (const query of ['13', ' 13 ', '第13项', '13项']) {
      expect(filterTasks(tasks, query, null).map((t) => t.id)).toEqual(['t13']);
    }
  });

  it('finds tasks by a word of the title, the label or the indicator', () => {
    expect(filterTasks(tasks, '枫桥', null).map((t) => t.id)).toEqual(['t31']);
    expect(filterTasks(tasks, '2025年度', null).map((t) => t.id)).toEqual(['t1']);
    expect(filterTasks(tasks, '政务诚信', null)).toHaveLength(3);
    expect(matchesQuery(tasks[0], '没有这个词')).toBe(false);
    expect(filterTasks(tasks, '', null)).toHaveLength(3);
  });

  it('narrows to one light when a count in the header is tapped', () => {
    const mixed = [task({ id: 'r', light: 'red' }), task({ id: 'g', light: 'grey' })];
    expect(filterTasks(mixed, '', 'red').map((t) => t.id)).toEqual(['r']);
  });
});

describe('我的任务: row texts', () => {
  it('says how far off the due date is while the task is open, and 预估 when estimated', () => {
    expect(dueText(task({ id: 'x', dueDate: '2026-11-30' }), TODAY)).toBe('2天后到期');
    expect(dueText(task({ id: 'x', dueDate: '2026-03-01', light: 'red' }), TODAY)).toBe('逾期272天');
    expect(dueText(task({ id: 'x', dueDate: '2026-12-03', estimated: true }), TODAY)).toBe('5天后到期（预估）');
  });

  it('does not call a report that is in 逾期: it shows the plain due date', () => {
    expect(dueText(task({ id: 'x', dueDate: '2026-03-01', status: 'approved', light: 'green' }), TODAY)).toBe(
      '3月1日截止',
    );
    expect(dueText(task({ id: 'x', dueDate: '2026-03-01', status: 'submitted', light: 'blue' }), TODAY)).toBe(
      '3月1日截止',
    );
  });

  it('shortens a long reviewer comment', () => {
    expect(excerpt('说明过于简单')).toBe('说明过于简单');
    expect(excerpt('一'.repeat(50), 10)).toBe(`${'一'.repeat(10)}…`);
    expect(excerpt(null)).toBe('');
  });

  it('lets the year go between the years the server offers (none before the district began)', () => {
    expect(yearRange(2026, [2026, 2027])).toEqual({ min: 2026, max: 2027 });
    expect(yearRange(2026, [2025, 2026, 2027])).toEqual({ min: 2025, max: 2027 });
    expect(yearRange(2026)).toEqual({ min: 2026, max: 2027 });
  });
});
