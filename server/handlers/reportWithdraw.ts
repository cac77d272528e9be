import { z } from 'zod';
import { withdraw } from '../../src/core/workflow';
import { memberHandler } from '../handler';
import { stepOf } from '../history';
import { changeOnce } from '../requestOnce';
import { taskDetail, taskToWork, todayOf } from '../tasks';
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
    const { api } = call;
    const { context, task } = await taskToWork(call, input.taskId);
    const { after, history } = withdraw(task, stepOf(call));
    return { change: { before: task, after, history }, result: { task: taskDetail(after, context, todayOf(api)) } };
  }),
);
