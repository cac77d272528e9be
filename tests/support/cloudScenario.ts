import { performance } from 'perf_hooks';
import { counterDrift } from '../../server/counterDrift';
import { CloudDbStore } from '../../server/wechat/store/CloudDbStore';
import type { Role, UserRecord } from '../../src/core/model';
import { buildOnce, invoker, loadFunction } from './bundledFunctions';
import { loadDirectory } from './fixtures';
import { startRealCloud, type RealCloud } from './realCloud';

/**
 * What a district's people cost the WeChat cloud, in requests (deterministic, unlike times): the
 * bundled functions with the real wx-server-sdk over the emulator, on a fresh environment, each
 * action measured on a new function instance (cold, the worst case). The request budgets test and
 * `npm run bench` both run it.
 */

export interface Measured {
  requests: number;
  /** Wall time with the emulator's latency on every request: what the requests cost. */
  ms: number;
}

export interface CloudScenarioResult {
  latencyMs: number;
  actions: Record<string, Measured>;
  concurrentSubmits: { sent: number; ok: number; conflicts: number; counterDrift: number; ms: number };
  remind: Measured & { raised: number; people: number };
}

const YEAR = 2026;
const AT = '2026-11-20T01:00:00.000Z';
const STAFF_UNITS = 20;

function user(openid: string, role: Role, unitId: string): UserRecord {
  return {
    openid,
    districtId: 'changjiang',
    name: openid,
    role,
    unitId,
    disabled: false,
    createdAt: AT,
    updatedAt: AT,
    version: 1,
  };
}

async function measure<T>(real: RealCloud, run: () => Promise<T>): Promise<{ result: T } & Measured> {
  real.emulator.resetRequests();
  const started = performance.now();
  const result = await run();
  return { result, requests: real.emulator.requestCount(), ms: Math.round(performance.now() - started) };
}

export async function runCloudScenario(latencyMs: number): Promise<CloudScenarioResult> {
  await buildOnce();
  const real = await startRealCloud({ latencyMs });
  const previousInvite = process.env.ADMIN_INVITE_CODE;
  process.env.ADMIN_INVITE_CODE = 'CJADMIN2026';
  try {
    const actions: Record<string, Measured> = {};
    const cold = () => invoker(real, loadFunction('api'));
    const record = async (name: string, run: () => Promise<unknown>) => {
      const { requests, ms } = await measure(real, run);
      actions[name] = { requests, ms };
    };

    await record('setup (first call on a fresh environment)', () =>
      cold().ok('o-admin', 'session.bind', { inviteCode: 'CJADMIN2026', name: '钱管理' }),
    );
    delete process.env.ADMIN_INVITE_CODE;
    const directory = loadDirectory();
    const units = directory.units.filter((unit) => !unit.disabled);
    const staffUnits = units.slice(0, STAFF_UNITS);
    // Every unit has its people: three staff each (the reminders go to all of them).
    real.emulator.seed('users', [
      { _id: 'o-reviewer', ...user('o-reviewer', 'reviewer', 'sfj') },
      { _id: 'o-leader', ...user('o-leader', 'leader', 'zfb') },
      ...units.flatMap((unit) =>
        ['', '-2', '-3'].map((suffix) => {
          const openid = `o-staff-${unit.id}${suffix}`;
          return { _id: openid, ...user(openid, 'staff', unit.id) };
        }),
      ),
    ]);
    const staff = `o-staff-${staffUnits[0].id}`;

    let taskId = '';
    await record('tasks.list (a unit’s first of the year)', async () => {
      const list = await cold().ok(staff, 'tasks.list', { year: YEAR });
      taskId = list.tasks.find((task: { itemNo: number }) => task.itemNo === 2).id;
    });
    await record('tasks.get', () => cold().ok(staff, 'tasks.get', { id: taskId }));
    await record('report.submit', () =>
      cold().ok(staff, 'report.submit', { taskId, note: '已纳入述法', requestId: 'scenario-submit-1' }),
    );
    await record('review.queue', () => cold().ok('o-reviewer', 'review.queue', { year: YEAR }));
    await record('report.review', () =>
      cold().ok('o-reviewer', 'report.review', { taskId, decision: 'return', comment: '请补充材料' }),
    );
    await record('summary.district (cold)', () => cold().ok('o-leader', 'summary.district', { year: YEAR }));
    await record('summary.unit', () => cold().ok('o-leader', 'summary.unit', { unitId: staffUnits[0].id, year: YEAR }));
    await record('reminders.list', () => cold().ok(staff, 'reminders.list'));

    // 20 people of 20 units submit tasks that share a due date, at the same moment.
    const warm = cold();
    const targets = await Promise.all(
      staffUnits.map(async (unit) => {
        const list = await warm.ok(`o-staff-${unit.id}`, 'tasks.list', { year: YEAR });
        const due = list.tasks.find((task: { dueDate: string }) => task.dueDate === `${YEAR}-12-31`);
        return { openid: `o-staff-${unit.id}`, id: due.id };
      }),
    );
    const burst = await measure(real, () =>
      Promise.all(
        targets.map((target, index) =>
          warm.call(target.openid, 'report.submit', {
            taskId: target.id,
            note: '已开展',
            requestId: `burst-${index}-0001`,
          }),
        ),
      ),
    );
    const drift = await counterDrift(new CloudDbStore(real.database({ throwOnNotFound: false })), 'changjiang', YEAR);

    // The daily reminders of the whole district, a busy day: the year's annual tasks due in 3 days.
    real.callAs('');
    const remindRun = await measure(real, () => loadFunction('remind')({ date: `${YEAR}-12-28` }));
    return {
      latencyMs,
      actions,
      concurrentSubmits: {
        sent: targets.length,
        ok: burst.result.filter((reply) => reply.ok).length,
        conflicts: burst.result.filter((reply) => !reply.ok && reply.error?.code === 'CONFLICT').length,
        counterDrift: drift.length,
        ms: burst.ms,
      },
      remind: {
        requests: remindRun.requests,
        ms: remindRun.ms,
        raised: remindRun.result.raised,
        people: units.length * 3,
      },
    };
  } finally {
    if (previousInvite === undefined) delete process.env.ADMIN_INVITE_CODE;
    else process.env.ADMIN_INVITE_CODE = previousInvite;
    await real.stop();
  }
}
