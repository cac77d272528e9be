/** Prints dates the schedule computes, so a test can compare runs under different TZ settings. */
import { shanghaiDate } from '../../src/core/dates';
import { taskForEvent, tasksFor } from '../../src/core/schedule/tasks';
import { scheduleContext, unitByName } from './fixtures';

const context = scheduleContext();
const township = unitByName(context.directory, '荷塘乡');
process.stdout.write(
  JSON.stringify({
    today: shanghaiDate(new Date('2026-11-27T23:30:00Z')),
    item13: taskForEvent(township, 13, '2026-09-30', context).dueDate,
    item25: taskForEvent(township, 25, '2026-11-20', context).dueDate,
    tasks2027: tasksFor(township, 2027, context).map((spec) => `${spec.itemNo}:${spec.key}:${spec.dueDate}`),
  }),
);
