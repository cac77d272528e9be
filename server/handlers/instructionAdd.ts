import { INSTRUCTION_MAX_CHARS } from '../../src/contract/limits';
import { z } from 'zod';
import { authorize } from '../../src/core/authorization';
import { DomainError } from '../../src/core/errors';
import type { InstructionRecord, ReminderRecord } from '../../src/core/model';
import { instruct } from '../../src/core/workflow';
import { itemOf, loadDistrictContext } from '../districtContext';
import { memberHandler } from '../handler';
import { stepOf } from '../history';
import { composeReminder } from '../reminders/compose';
import { raiseReminders, unitRecipients } from '../reminders/raise';
import { instructionView } from '../instructions';
import { requireTask, todayOf } from '../tasks';
import { id, requiredText } from '../validation';

const schema = z
  .object({ text: requiredText(INSTRUCTION_MAX_CHARS, '批示内容'), taskId: id.optional(), unitId: id.optional() })
  .strict();

/**
 * 领导批示: a leader's instruction on a task (recorded in its history too) or on a unit. The unit's
 * people see it first, on the task or above their task list, and are reminded of it.
 */
export default memberHandler('instruction.add', schema, async (input, call) => {
  const { api, actor, user } = call;
  if ((input.taskId === undefined) === (input.unitId === undefined)) {
    throw new DomainError('INVALID_ARGUMENT', '参数不正确：请指定批示的任务或单位（二选一）');
  }
  authorize(actor, { kind: 'instruction.add' });
  const context = await loadDistrictContext(api.store, actor.districtId);
  const step = stepOf(call);
  const { at } = step;
  const date = todayOf(api);
  const record = (unitId: string, taskId: string | null): InstructionRecord => ({
    id: `in-${api.newId()}`,
    districtId: actor.districtId,
    unitId,
    taskId,
    text: input.text,
    authorOpenid: actor.openid,
    authorName: user.name,
    createdAt: at,
  });

  let instruction: InstructionRecord;
  let reminders: (openid: string) => ReminderRecord;
  if (input.taskId !== undefined) {
    const task = await requireTask(api, context, input.taskId);
    instruction = record(task.unitId, task.id);
    const { after, history } = instruct(task, step, input.text);
    await api.store.commitTaskChange({ before: task, after, history, instruction });
    const item = itemOf(context, task.year, task.itemNo);
    reminders = (openid) =>
      composeReminder({
        kind: 'instruction',
        task: after,
        item,
        recipientOpenid: openid,
        date,
        at,
        occasion: instruction.id,
        extra: input.text,
      });
  } else {
    const unit = context.unitsById.get(input.unitId ?? '');
    if (!unit) throw new DomainError('NOT_FOUND', '找不到该单位');
    instruction = record(unit.id, null);
    await api.store.addInstruction(instruction);
    reminders = (openid) => ({
      id: ['instruction', unit.id, instruction.id, openid].join('|'),
      districtId: actor.districtId,
      recipientOpenid: openid,
      unitId: unit.id,
      taskId: null,
      kind: 'instruction',
      title: `领导批示（${unit.name}）`,
      message: `领导批示：${input.text}`,
      dueDate: null,
      date,
      createdAt: at,
      readAt: null,
    });
  }
  const recipients = await unitRecipients(api, { districtId: actor.districtId, unitId: instruction.unitId });
  await raiseReminders(
    api,
    recipients.map((person) => reminders(person.openid)),
  );
  return { instruction: instructionView(instruction, context) };
});
