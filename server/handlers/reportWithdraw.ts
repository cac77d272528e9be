import { z } from 'zod';
import { authorize } from '../../src/core/authorization';
import { withdraw } from '../../src/core/workflow';
import { loadDistrictContext } from '../districtContext';
import { memberHandler } from '../handler';
import { stepOf } from '../history';
import { changeOnce } from '../requestOnce';
import { requireTask, targetOf, taskDetail, todayOf } from '../tasks';
import { id, requestId } from '../validation';

const schema = z
  .object({
    taskId: id,
    requestId,
  })
  .strict();

/** 撤回: the unit takes back a report before review. The same request id twice makes one withdrawal. */
export default memberHandler('report.withdraw', schema, async (input, call) =>
  changeOnce(call, 'report.withdraw', input.requestId, async () => {
    const { api, actor } = call;
    const context = await loadDistrictContext(api.store, actor.districtId);
    const task = await requireTask(api, context, input.taskId);
    authorize(actor, { kind: 'task.work', task: targetOf(task, context) });
    const { after, history } = withdraw(task, stepOf(call));
    return { change: { before: task, after, history }, result: { task: taskDetail(after, context, todayOf(api)) } };
  }),
);
