import { EVENT_NOTE_MAX_CHARS } from '../../src/contract/limits';
import { z } from 'zod';
import { authorize } from '../../src/core/authorization';
import { yearOf } from '../../src/core/dates';
import { DomainError } from '../../src/core/errors';
import { taskForEvent } from '../../src/core/schedule/tasks';
import { recordEvent } from '../../src/core/workflow';
import { loadDistrictContext } from '../districtContext';
import { memberHandler } from '../handler';
import { stepOf } from '../history';
import { taskDetail, taskIdOf, taskRecordFrom, taskYearRange, todayOf } from '../tasks';
import { isoDate, itemNo, text } from '../validation';

const schema = z.object({ itemNo, date: isoDate, note: text(EVENT_NOTE_MAX_CHARS).optional() }).strict();

/** Item 13 after a 权责清单 adjustment, item 25 after a judgment: the event starts its own deadline. */
export default memberHandler('events.record', schema, async (input, call) => {
  const { api, actor } = call;
  authorize(actor, { kind: 'event.record' });
  const today = todayOf(api);
  if (input.date > today) throw new DomainError('INVALID_ARGUMENT', '事件日期不能晚于今天');
  const context = await loadDistrictContext(api.store, actor.districtId);
  const { first } = taskYearRange(context, today);
  if (yearOf(input.date) < first) {
    throw new DomainError('INVALID_ARGUMENT', `事件日期应在${first}年1月1日以后（本区从${first}年起使用本系统）`);
  }
  // The event's year's list decides the deadline (the task may fall due in the next year).
  const view = context.forYear(yearOf(input.date));
  const spec = taskForEvent(actor.unitId, input.itemNo, input.date, view.schedule);
  const baseId = taskIdOf(spec);
  let taskId = baseId;
  for (let n = 2; await api.store.getTask(actor.districtId, taskId); n += 1) {
    if (n > 50) throw new DomainError('FAILED_PRECONDITION', '同一天登记的事件太多，请核对');
    taskId = `${baseId}-${n}`;
  }
  const step = stepOf(call);
  const { after: task, history } = recordEvent(
    taskRecordFrom(spec, context, step.at, taskId, view),
    step,
    input.note ?? null,
  );
  await api.store.commitTaskChange({ before: null, after: task, history });
  return { task: taskDetail(task, context, today) };
});
