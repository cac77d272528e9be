import { bucketsFromTasks, ratesFromBuckets, ratesOf, type RatedTask } from '../../src/core/rates';
import { lightOf } from '../../src/core/status';

describe('lights', () => {
  const today = '2026-11-28';
  it.each([
    ['approved long ago', { status: 'approved', dueDate: '2026-03-01' }, 'green'],
    ['approved, not yet due', { status: 'approved', dueDate: '2026-12-31' }, 'green'],
    ['submitted, awaiting review', { status: 'submitted', dueDate: '2026-11-01' }, 'blue'],
    ['pending, due in 7 days', { status: 'pending', dueDate: '2026-12-05' }, 'yellow'],
    ['pending, due today', { status: 'pending', dueDate: '2026-11-28' }, 'yellow'],
    ['pending, due in 8 days', { status: 'pending', dueDate: '2026-12-06' }, 'grey'],
    ['pending, due yesterday', { status: 'pending', dueDate: '2026-11-27' }, 'red'],
    ['returned, not yet due', { status: 'returned', dueDate: '2026-12-31' }, 'yellow'],
    ['returned and past due', { status: 'returned', dueDate: '2026-11-01' }, 'red'],
  ] as const)('%s is %s', (_name, task, light) => {
    expect(lightOf(task, today)).toBe(light);
  });
});

describe('rates', () => {
  const tasks: RatedTask[] = [
    { dueDate: '2026-03-01', status: 'approved', firstSubmittedOn: '2026-02-20' },
    { dueDate: '2026-03-01', status: 'approved', firstSubmittedOn: '2026-03-05' },
    { dueDate: '2026-07-31', status: 'submitted', firstSubmittedOn: '2026-07-31' },
    { dueDate: '2026-07-31', status: 'returned', firstSubmittedOn: '2026-07-30' },
    { dueDate: '2026-07-31', status: 'pending' },
    { dueDate: '2026-12-31', status: 'pending' },
    { dueDate: '2026-12-31', status: 'approved', firstSubmittedOn: '2026-10-01' },
    { dueDate: '2026-12-31', status: 'pending' },
  ];

  it('counts and rates as of a date', () => {
    expect(ratesOf(tasks, '2026-11-28')).toEqual({
      total: 8,
      due: 5,
      pending: 3,
      submitted: 1,
      approved: 3,
      returned: 1,
      reported: 4,
      overdue: 2,
      onTime: 3,
      exempt: 0,
      completionRate: 3 / 8,
      reportRate: 4 / 8,
      onTimeRate: 3 / 5,
    });
  });

  it('a task due today is due but not yet overdue', () => {
    const rates = ratesOf([{ dueDate: '2026-11-28', status: 'pending' }], '2026-11-28');
    expect([rates.due, rates.overdue, rates.onTimeRate]).toEqual([1, 0, 0]);
    expect(ratesOf([{ dueDate: '2026-11-28', status: 'pending' }], '2026-11-29').overdue).toBe(1);
  });

  it('on-time rate is 1 when nothing is due, completion 0 with no tasks', () => {
    expect(ratesOf(tasks, '2026-01-01')).toMatchObject({ due: 0, overdue: 0, onTimeRate: 1 });
    expect(ratesOf([], '2026-11-28')).toMatchObject({ total: 0, completionRate: 0, reportRate: 0, onTimeRate: 1 });
  });

  it('gives the same figures from buckets as from the tasks, for any date', () => {
    const buckets = bucketsFromTasks(tasks);
    expect(buckets.map((bucket) => bucket.dueDate)).toEqual(['2026-03-01', '2026-07-31', '2026-12-31']);
    for (const asOf of ['2026-01-01', '2026-03-01', '2026-08-01', '2027-01-01']) {
      expect(ratesFromBuckets(buckets, asOf)).toEqual(ratesOf(tasks, asOf));
    }
  });
});
