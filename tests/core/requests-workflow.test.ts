import { changesSinceReturn } from '../../server/history';
import { counterDeltas, countersFromTasks } from '../../src/core/counters';
import { DomainError } from '../../src/core/errors';
import type { HistoryEntry } from '../../src/core/model';
import { ratesOf } from '../../src/core/rates';
import { needsReport, scheduledReminder } from '../../src/core/reminders';
import { isOverdue, lightOf } from '../../src/core/status';
import {
  decideExemption,
  decideExtension,
  evidenceFrozenReason,
  requestExemption,
  requestExtension,
  revokeExemption,
  submit,
  withdraw,
  type Step,
} from '../../src/core/workflow';
import { makeTask } from '../contract/storeContract';

const step = (at = '2026-11-28T02:00:00.000Z', role: Step['actor']['role'] = 'staff'): Step => ({
  at,
  actor: { openid: `o-${role}`, name: role, role, unitId: role === 'staff' ? 'xijiao' : 'sfj' },
});

function expectRefused(run: () => unknown, code: string, message?: string) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(code);
    if (message) expect((error as DomainError).message).toContain(message);
    return;
  }
  throw new Error('expected a refusal');
}

describe('the workflow’s new transitions, as pure functions', () => {
  it('withdraws to the status submitted from; a task stored before withdrawals infers it', () => {
    const task = makeTask({ note: '说明' });
    const sent = submit(task, step(), {}).after;
    expect(sent).toMatchObject({ status: 'submitted', statusBeforeSubmit: 'pending', version: 2 });
    const back = withdraw(sent, step('2026-11-28T03:00:00.000Z'));
    expect(back.after).toMatchObject({ status: 'pending', version: 3, firstSubmittedOn: null, submittedAt: null });
    expect(back.history.map((entry) => [entry.action, entry.fromStatus, entry.toStatus])).toEqual([
      ['withdraw', 'submitted', 'pending'],
    ]);
    const legacy = { ...sent, statusBeforeSubmit: null, reviewedAt: '2026-11-01T00:00:00.000Z' };
    expect(withdraw(legacy, step()).after.status).toBe('returned');
    expectRefused(() => withdraw(task, step()), 'FAILED_PRECONDITION');
  });

  it('tells a derived task’s story from its creation (version 0 is never stored)', () => {
    const derived = makeTask({ version: 0 });
    const { after, history } = requestExemption(derived, step(), { reason: '不涉及' });
    expect(after.version).toBe(1);
    expect(history.map((entry) => entry.action)).toEqual(['create', 'exemption.request']);
  });

  it('moves the due date only on approval, keeps the first one, and the counters follow', () => {
    const task = makeTask({ dueDate: '2026-11-30' });
    const asked = requestExtension(task, step(), { dueDate: '2026-12-20', reason: '理由' }).after;
    expect([asked.dueDate, asked.extension?.status, asked.extension?.late]).toEqual(['2026-11-30', 'pending', false]);
    expect(counterDeltas(task, asked)).toEqual([]);
    const moved = decideExtension(asked, step(undefined, 'reviewer'), { decision: 'approve' }).after;
    expect([moved.dueDate, moved.originalDueDate]).toEqual(['2026-12-20', '2026-11-30']);
    const again = requestExtension(moved, step(), { dueDate: '2027-01-10', reason: '再延' }).after;
    const twice = decideExtension(again, step(undefined, 'reviewer'), { decision: 'approve' }).after;
    expect([twice.dueDate, twice.originalDueDate]).toEqual(['2027-01-10', '2026-11-30']);
    const moves = counterDeltas(asked, moved).filter((delta) => delta.scope === 'district');
    expect(moves.map((delta) => [delta.dueDate, delta.change])).toEqual([
      ['2026-11-30', { pending: -1 }],
      ['2026-12-20', { pending: 1 }],
    ]);
    expectRefused(
      () => decideExtension(asked, step(undefined, 'reviewer'), { decision: 'refuse', comment: ' ' }),
      'INVALID_ARGUMENT',
    );
    const late = requestExtension(makeTask({ dueDate: '2026-03-01' }), step(), {
      dueDate: '2026-12-01',
      reason: '晚了',
    });
    expect(late.after.extension?.late).toBe(true);
    expect(late.history[0].detail).toContain('已逾期后申请');
  });

  it('an exempt task is grey, never overdue, reminded of nothing, in no total or rate', () => {
    const task = makeTask({ dueDate: '2026-03-01' });
    const asked = requestExemption(task, step(), { reason: '不涉及' }).after;
    expectRefused(() => requestExtension(asked, step(), { dueDate: '2026-12-01', reason: 'x' }), 'FAILED_PRECONDITION');
    const exempt = decideExemption(asked, step(undefined, 'reviewer'), { decision: 'approve' }).after;
    expect(exempt.status).toBe('exempt');
    expect(lightOf(exempt, '2026-11-28')).toBe('grey');
    expect(isOverdue(exempt, '2026-11-28')).toBe(false);
    expect(needsReport(exempt.status)).toBe(false);
    expect(scheduledReminder(exempt, '2026-03-02')).toBeNull();
    expect(evidenceFrozenReason(exempt)).toContain('不涉及');
    const rates = ratesOf([exempt, makeTask({ status: 'approved' })], '2026-11-28');
    expect(rates).toMatchObject({ total: 1, approved: 1, exempt: 1, completionRate: 1, due: 0 });
    const [district] = countersFromTasks([exempt]).filter((counter) => counter.scope === 'district');
    expect(district).toMatchObject({ pending: 0, exempt: 1, onTime: 0 });
    const revoked = revokeExemption(exempt, step(undefined, 'reviewer'), { comment: '涉及' }).after;
    expect([revoked.status, revoked.exemption?.status]).toEqual(['pending', 'revoked']);
  });
});

describe('what changed since a report was returned', () => {
  const entry = (action: HistoryEntry['action'], extra: Partial<HistoryEntry> = {}): HistoryEntry => ({
    districtId: 'changjiang',
    taskId: 't',
    at: '2026-11-28T02:00:00.000Z',
    actorOpenid: 'o',
    actorName: '王',
    actorRole: 'staff',
    actorUnitId: 'xijiao',
    action,
    fromStatus: 'pending',
    toStatus: 'pending',
    comment: null,
    detail: null,
    ...extra,
  });

  it('nets evidence added and removed, and compares the notes', () => {
    const history = [
      entry('create'),
      entry('evidence.add', { detail: '旧.png' }),
      entry('submit', { comment: '说明' }),
      entry('return', { comment: '补充', at: '2026-11-29T00:00:00.000Z' }),
      entry('evidence.remove', { detail: '旧.png' }),
      entry('evidence.add', { detail: '新.png' }),
      entry('evidence.link', { detail: '临时.pdf' }),
      entry('evidence.remove', { detail: '临时.pdf' }),
      entry('submit', { comment: '说明' }),
    ];
    expect(changesSinceReturn(history)).toEqual({
      returnedAt: '2026-11-29T00:00:00.000Z',
      returnComment: '补充',
      added: ['新.png'],
      removed: ['旧.png'],
      noteChanged: false,
    });
    expect(changesSinceReturn([...history, entry('return'), entry('submit', { comment: '新说明' })])).toMatchObject({
      added: [],
      removed: [],
      noteChanged: true,
    });
    expect(changesSinceReturn(history.slice(0, 3))).toBeNull();
  });
});
