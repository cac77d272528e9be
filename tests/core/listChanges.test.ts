import {
  dropByList,
  listedChanges,
  moveByCalendar,
  restoreByList,
  updateFromList,
  type ListedFields,
} from '../../src/core/listChanges';
import { decideExemption, requestExemption, revokeExemption, type Step } from '../../src/core/workflow';
import { makeTask } from '../contract/storeContract';

const step: Step = {
  at: '2027-01-05T02:00:00.000Z',
  actor: { openid: 'o-admin', name: '钱管理', role: 'admin', unitId: 'sfj' },
};

describe('what a new list or calendar does to a stored task', () => {
  it('keeps a task the new list gives alike; takes other particulars and keeps the work', () => {
    const task = makeTask({ status: 'submitted', evidenceCount: 2, note: '已办', version: 4 });
    const same: ListedFields = {
      level1: 1,
      level2: 1,
      kind: 'annual',
      role: 'responsible',
      label: task.label,
      requirements: [],
      dueDate: task.dueDate,
      estimated: false,
    };
    expect(listedChanges(task, same)).toEqual([]);
    expect(updateFromList(task, step, same, '换清单')).toBeNull();
    const moved = updateFromList(
      task,
      step,
      { ...same, dueDate: '2026-11-30', requirements: ['专项监督不少于1次'] },
      '换清单',
    );
    expect(moved?.after).toMatchObject({
      status: 'submitted',
      evidenceCount: 2,
      note: '已办',
      dueDate: '2026-11-30',
      version: 5,
    });
    expect(moved?.history).toEqual([
      expect.objectContaining({
        action: 'catalog.update',
        fromStatus: 'submitted',
        toStatus: 'submitted',
        detail: '换清单：截止日期由2026-12-31改为2026-11-30；要求改为：专项监督不少于1次',
      }),
    ]);
  });

  it('drops a task out of every total keeping what it had, refuses its revocation, and restores it as it was', () => {
    const asked = requestExemption(makeTask(), step, { reason: '本单位无此职责' }).after;
    const exempt = decideExemption(asked, step, { decision: 'refuse', comment: '涉及' }).after;
    const working = { ...exempt, status: 'returned' as const, evidenceCount: 1, firstSubmittedAt: step.at };
    const dropped = dropByList(working, step, 'list-2', '2026年改用新清单，新清单不再包含这项任务');
    expect(dropped?.after).toMatchObject({
      status: 'exempt',
      exemption: { status: 'approved', catalogDrop: { catalogId: 'list-2', fromStatus: 'returned' } },
    });
    expect(dropped?.history[0].detail).toContain('已有的材料和记录保留');
    expect(dropByList(dropped!.after, step, 'list-3', '再换')).toBeNull();
    expect(() => revokeExemption(dropped!.after, step, { comment: '涉及' })).toThrow('不在本年度的任务清单中');
    const back = restoreByList(dropped!.after, step, '又包含了');
    expect(back?.after).toMatchObject({ status: 'returned', exemption: { status: 'refused', comment: '涉及' } });
    expect(back?.after.exemption?.catalogDrop).toBeUndefined();
    expect(restoreByList(back!.after, step, '又包含了')).toBeNull();
  });

  it('moves a due date to the calendar, and an agreed 延期 stands', () => {
    const task = makeTask({ kind: 'event', dueDate: '2027-01-05', estimated: true, year: 2027 });
    const moved = moveByCalendar(task, step, { date: '2027-01-06', estimated: false }, 2027);
    expect(moved?.after).toMatchObject({ dueDate: '2027-01-06', estimated: false, originalDueDate: null });
    expect(moved?.history[0].detail).toBe('已录入2027年节假日安排：截止日期由2027-01-05（预估）改为2027-01-06');
    expect(moveByCalendar(moved!.after, step, { date: '2027-01-06', estimated: false }, 2027)).toBeNull();
    const extended = makeTask({ dueDate: '2027-02-28', originalDueDate: '2027-01-05', estimated: true });
    expect(moveByCalendar(extended, step, { date: '2027-01-06', estimated: false }, 2027)?.after).toMatchObject({
      dueDate: '2027-02-28',
      originalDueDate: '2027-01-06',
      estimated: false,
    });
    const exact = moveByCalendar(task, step, { date: '2027-01-05', estimated: false }, 2027);
    expect(exact?.history[0].detail).toContain('经核实不变，不再是预估');
  });
});
