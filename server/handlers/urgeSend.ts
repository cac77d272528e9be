import { z } from 'zod';
import { allowed, authorize } from '../../src/core/authorization';
import { shanghaiDate, yearOf } from '../../src/core/dates';
import { DomainError } from '../../src/core/errors';
import type { TaskRecord } from '../../src/core/model';
import { isOverdue } from '../../src/core/status';
import { urge } from '../../src/core/workflow';
import { itemOf, loadDistrictContext } from '../districtContext';
import { memberHandler, type MemberCall } from '../handler';
import { stepOf } from '../history';
import { composeReminder } from '../reminders/compose';
import { raiseReminders, unitRecipients } from '../reminders/raise';
import { listYearTasks, requireTask, targetOf, taskYearRange, todayOf } from '../tasks';
import { id } from '../validation';

async function urgedToday(call: MemberCall, task: TaskRecord, today: string): Promise<boolean> {
  const history = await call.api.store.listHistory(task.districtId, task.id);
  return history.some((entry) => entry.action === 'urge' && shanghaiDate(new Date(entry.at)) === today);
}

/**
 * 催办: a leader, or a reviewer of the lead unit, urges a unit about one overdue task or all of
 * them. Every person of the unit is reminded; each task records the urge; once a day per task.
 */
export default memberHandler(
  'urge.send',
  z.object({ unitId: id, taskId: id.optional() }).strict(),
  async (input, call) => {
    const { api, actor } = call;
    authorize(actor, { kind: 'urge', unitId: input.unitId });
    const context = await loadDistrictContext(api.store, actor.districtId);
    const unit = context.unitsById.get(input.unitId);
    if (!unit) throw new DomainError('NOT_FOUND', '找不到该单位');
    const today = todayOf(api);

    let tasks: TaskRecord[];
    if (input.taskId) {
      const task = await requireTask(api, context, input.taskId);
      if (task.unitId !== unit.id) throw new DomainError('INVALID_ARGUMENT', '这项任务不属于该单位');
      authorize(actor, { kind: 'urge', unitId: unit.id, task: targetOf(task, context) });
      if (!isOverdue(task, today)) throw new DomainError('FAILED_PRECONDITION', '只能催办已逾期、还没有报送的任务');
      if (await urgedToday(call, task, today)) {
        throw new DomainError('FAILED_PRECONDITION', '这项任务今天已经催办过了，每项任务每天只催办一次');
      }
      tasks = [task];
    } else {
      const { first } = taskYearRange(context, today);
      const years = [yearOf(today) - 1, yearOf(today)].filter((one) => one >= first);
      const overdue = (
        await Promise.all(
          years.map((one) =>
            listYearTasks(api, context, {
              year: one,
              unitId: unit.id,
              statuses: ['pending', 'returned'],
              dueBefore: today,
            }),
          ),
        )
      ).flat();
      tasks = [];
      for (const task of overdue) {
        if (!allowed(actor, { kind: 'urge', unitId: unit.id, task: targetOf(task, context) })) continue;
        if (!(await urgedToday(call, task, today))) tasks.push(task);
      }
      if (tasks.length === 0) {
        throw new DomainError('FAILED_PRECONDITION', '该单位没有需要催办的逾期任务（今天催办过的不再重复）');
      }
    }

    const step = stepOf(call);
    const { at } = step;
    for (const task of tasks) {
      const { after, history } = urge(task, step, unit.name);
      await api.store.commitTaskChange({ before: task, after, history });
    }
    const recipients = await unitRecipients(api, { districtId: actor.districtId, unitId: unit.id });
    const [first] = tasks;
    const urger = `${call.user.name}`;
    const reminders = recipients.map((person) => {
      const reminder = composeReminder({
        kind: 'urge',
        task: first,
        item: itemOf(context, first.year, first.itemNo),
        recipientOpenid: person.openid,
        date: today,
        at,
        occasion: `${today}|${tasks.map((task) => task.id).join(',')}`.slice(0, 400),
        extra: urger,
      });
      return tasks.length > 1
        ? {
            ...reminder,
            title: `${unit.name}有${tasks.length}项任务已逾期`,
            message: `${urger}催办：本单位有${tasks.length}项任务已逾期，请尽快报送`,
          }
        : reminder;
    });
    await raiseReminders(api, reminders);
    return { notified: recipients.length, tasks: tasks.length };
  },
);
