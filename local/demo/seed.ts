import { createHash } from 'crypto';
import { reviewerCanReview } from '../../src/core/authorization';
import type { HolidayCalendarData } from '../../src/core/calendar';
import type { Catalog } from '../../src/core/catalog/types';
import { addDays, shanghaiDate, yearOf } from '../../src/core/dates';
import type { TaskRecord, UserRecord } from '../../src/core/model';
import type { Directory } from '../../src/core/units';
import { bootstrapDistrict } from '../../server/bootstrap';
import type { ApiContext } from '../../server/context';
import { loadDistrictContext } from '../../server/districtContext';
import { API_HANDLERS } from '../../server/handlers';
import { requireTask } from '../../server/tasks';
import { handleCall } from '../../server/router';
import type { LocalFileStorage } from '../files/LocalFileStorage';
import type { SqliteStore } from '../store/SqliteStore';
import { demoPdf, demoPhoto } from './demoFiles';
import { demoUsers, type DemoUser } from './demoUsers';

export interface SeedInput {
  store: SqliteStore;
  files: LocalFileStorage;
  catalog: Catalog;
  directory: Directory;
  calendar: HolidayCalendarData;
  now: Date;
}

const NOTES = [
  '已按要求组织落实，会议记录和照片见附件。',
  '已召开专题会议研究部署，相关制度已印发。',
  '已完成年度自查，形成书面报告。',
  '已组织集中学习，参加人员签到表见附件。',
];
const RETURN_COMMENTS = [
  '照片看不清，请补充会议签到表',
  '请上传盖章的正式文件',
  '说明过于简单，请写明开展的次数、时间和参加人员',
];
const DAY_MS = 86_400_000;

/** A stable number in [0, 100) per task, so the demo looks the same on every machine. */
function dice(text: string): number {
  return createHash('sha256').update(text).digest().readUInt16BE(0) % 100;
}

/** 10:00 Beijing on a date, as an instant. */
function morningOf(date: string): Date {
  return new Date(`${date}T10:00:00+08:00`);
}

type Fate = 'approved' | 'submitted' | 'returned' | 'untouched';

function fateOf(task: TaskRecord, today: string): { fate: Fate; late: boolean } {
  const roll = dice(task.id);
  if (task.dueDate < today) {
    if (roll < 52) return { fate: 'approved', late: false };
    if (roll < 62) return { fate: 'approved', late: true };
    if (roll < 72) return { fate: 'submitted', late: roll >= 68 };
    if (roll < 80) return { fate: 'returned', late: false };
    return { fate: 'untouched', late: false };
  }
  if (roll < 22) return { fate: 'approved', late: false };
  if (roll < 34) return { fate: 'submitted', late: false };
  if (roll < 39) return { fate: 'returned', late: false };
  return { fate: 'untouched', late: false };
}

/**
 * Seeds a district with the real catalog and directory, demo identities of every role, and the
 * current year in progress: reports approved, waiting, returned and overdue, with photos and
 * documents, all made through the same handlers the app calls.
 */
export async function seedDemo(input: SeedInput): Promise<DemoUser[]> {
  const { store, files, now } = input;
  let clock = now;
  const api: ApiContext = {
    store,
    files,
    now: () => clock,
    newId: () => createHash('sha256').update(`${clock.toISOString()}${Math.random()}`).digest('hex').slice(0, 16),
    demoMode: true,
  };
  const at = now.toISOString();
  await bootstrapDistrict(store, { catalog: input.catalog, directory: input.directory, calendar: input.calendar, at });
  const districtId = input.directory.district.id;
  const context = await loadDistrictContext(store, districtId);
  const leadUnitIds = [...new Set([...context.base.leadsByItem.values()].flat())];
  const users = demoUsers(input.directory, leadUnitIds);
  for (const user of users) {
    const record: UserRecord = { ...user, districtId, disabled: false, createdAt: at, updatedAt: at, version: 1 };
    if (!(await store.getUser(user.openid))) await store.saveUser(record, null);
  }

  const call = async (openid: string, action: string, payload: unknown) => {
    const reply = await handleCall({ openid, action, payload }, api, API_HANDLERS);
    if (!reply.ok) throw new Error(`seed: ${action} by ${openid} refused: ${reply.error.message}`);
    return reply.data as Record<string, unknown>;
  };

  const today = shanghaiDate(now);
  const year = yearOf(today);
  const staff = users.filter((user) => user.role === 'staff');
  const reviewers = users.filter((user) => user.role === 'reviewer' || user.role === 'leader');
  let submissions = 0;

  for (const person of staff) {
    const { tasks } = (await call(person.openid, 'tasks.list', { year })) as { tasks: Array<{ id: string }> };
    const uploads = [];
    for (const [index, bytes] of [
      demoPhoto([196, 40, 45]),
      demoPhoto([40, 110, 190]),
      demoPdf('Meeting record'),
    ].entries()) {
      const name = index < 2 ? `工作照片${index + 1}.png` : '会议纪要.pdf';
      uploads.push(await files.acceptUpload({ bytes, name, openid: person.openid, districtId, unitId: person.unitId }));
    }
    for (const { id } of tasks) {
      const task = await requireTask(api, context, id);
      const { fate, late } = fateOf(task, today);
      if (fate === 'untouched') continue;
      const roll = dice(`${task.id}:when`);
      const submitDay =
        task.dueDate < today
          ? addDays(task.dueDate, late ? 1 + (roll % 20) : -(1 + (roll % 10)))
          : addDays(today, -(1 + (roll % 20)));
      clock = new Date(Math.min(morningOf(submitDay).getTime(), now.getTime() - DAY_MS));
      const upload = uploads[roll % uploads.length];
      await call(person.openid, 'evidence.add', {
        taskId: task.id,
        fileId: upload.fileId,
        name: upload.name,
        size: upload.size,
        mime: upload.mime,
      });
      await call(person.openid, 'report.submit', {
        taskId: task.id,
        note: NOTES[roll % NOTES.length],
        requestId: `seed-${task.id}`.slice(0, 64).replace(/[^A-Za-z0-9_-]/g, '_'),
      });
      submissions += 1;
      if (fate === 'submitted') continue;
      const target = {
        unitId: task.unitId,
        leadUnitIds: context.forYear(task.year).leadsByItem.get(task.itemNo) ?? [],
      };
      const reviewer = reviewers.find((candidate) => reviewerCanReview({ ...candidate, districtId }, target));
      if (!reviewer) continue;
      clock = new Date(Math.min(clock.getTime() + (1 + (roll % 3)) * DAY_MS, now.getTime() - 3_600_000));
      const decision =
        fate === 'approved'
          ? { decision: 'approve' }
          : { decision: 'return', comment: RETURN_COMMENTS[roll % RETURN_COMMENTS.length] };
      await call(reviewer.openid, 'report.review', { taskId: task.id, ...decision });
    }
  }

  clock = now;
  const township = staff.find((user) => context.unitsById.get(user.unitId)?.kind === 'township');
  const department =
    staff.find((user) => user.unitId === 'cgj') ??
    staff.find((user) => context.unitsById.get(user.unitId)?.kind === 'department');
  if (department)
    await call(department.openid, 'events.record', {
      itemNo: 25,
      date: addDays(today, -10),
      note: '收到区法院行政判决书',
    });
  if (township)
    await call(township.openid, 'events.record', {
      itemNo: 13,
      date: addDays(today, -3),
      note: '调整了下放的执法事项',
    });
  api.log?.(`seeded ${submissions} reports`);
  return users;
}
