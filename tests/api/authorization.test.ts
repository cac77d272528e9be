import { API_HANDLERS } from '../../server/handlers';
import { EXPORT_HANDLERS } from '../../server/handlers/exportHandlers';
import { readFileSync } from 'fs';
import { join } from 'path';
import { createHarness, storeSnapshot, type Harness } from '../support/apiHarness';
import { ROOT } from '../support/fixtures';

/** A list in another shape (昌江's items 1–9 as paragraphs; item 7 needs a lead chosen). */
const LIST_TEXT = readFileSync(join(ROOT, 'tests', 'fixtures', 'catalogs', 'paragraphs-labelled.txt'), 'utf8');

/** The api function's actions and the export function's (served together by the local cloud). */
const handlers = { ...API_HANDLERS, ...EXPORT_HANDLERS };

/**
 * Every action × every role × own unit / other unit / lead unit: each denial is FORBIDDEN (or
 * UNAUTHENTICATED) and changes nothing; each allowance works. Callers:
 *   staff of 西郊街道 (own), staff of 荷塘乡 (other township), staff of 区司法局 (the lead unit),
 *   the reviewer of 区司法局 (leads item 2), the reviewer of 区财政局 (leads only item 39),
 *   a leader, an admin.
 */
const CALLERS = {
  ownStaff: { openid: 'm-staff-xijiao', role: 'staff', unitId: 'xijiao' },
  otherStaff: { openid: 'm-staff-hetang', role: 'staff', unitId: 'hetang' },
  leadStaff: { openid: 'm-staff-sfj', role: 'staff', unitId: 'sfj' },
  leadReviewer: { openid: 'm-reviewer-sfj', role: 'reviewer', unitId: 'sfj' },
  otherReviewer: { openid: 'm-reviewer-czj', role: 'reviewer', unitId: 'czj' },
  leader: { openid: 'm-leader', role: 'leader', unitId: 'zfb' },
  admin: { openid: 'm-admin', role: 'admin', unitId: 'sfj' },
} as const;
type Caller = keyof typeof CALLERS;

const SUBMITTED = 'xijiao-2026-2-annual';
const PENDING = 'xijiao-2026-3-annual';
/** With a 延期 request open, a 不涉及 request open, and a 不涉及 approved (all items 区司法局 leads). */
const EXTENSION_ASKED = 'xijiao-2026-8-annual';
const EXEMPTION_ASKED = 'xijiao-2026-5-annual';
const EXEMPTED = 'xijiao-2026-4-annual';

type Outcome = 'ok' | 'FORBIDDEN';
type Scenario = { action: string; payload: (h: Harness) => unknown; expect: Record<Caller, Outcome> };

const everyone = (outcome: Outcome): Record<Caller, Outcome> =>
  Object.fromEntries(Object.keys(CALLERS).map((caller) => [caller, outcome])) as Record<Caller, Outcome>;
const only = (...callers: Caller[]) =>
  Object.fromEntries(
    Object.keys(CALLERS).map((caller) => [caller, callers.includes(caller as Caller) ? 'ok' : 'FORBIDDEN']),
  ) as Record<Caller, Outcome>;

const SCENARIOS: Scenario[] = [
  { action: 'session.get', payload: () => ({}), expect: everyone('ok') },
  { action: 'tasks.list', payload: () => ({ year: 2026 }), expect: everyone('ok') },
  {
    action: 'tasks.list',
    payload: () => ({ year: 2026, unitId: 'xijiao' }),
    expect: only('ownStaff', 'leadReviewer', 'otherReviewer', 'leader', 'admin'),
  },
  {
    action: 'tasks.list',
    payload: () => ({ year: 2026, unitId: 'sfj' }),
    expect: only('leadStaff', 'leadReviewer', 'leader', 'admin'),
  },
  {
    action: 'tasks.get',
    payload: () => ({ id: SUBMITTED }),
    expect: only('ownStaff', 'leadReviewer', 'leader', 'admin'),
  },
  {
    action: 'evidence.add',
    payload: (h) => ({
      taskId: PENDING,
      fileId: h.files.put('changjiang', Buffer.from('x')),
      name: 'a.png',
      size: 1,
      mime: 'image/png',
    }),
    expect: only('ownStaff'),
  },
  {
    action: 'report.submit',
    payload: () => ({ taskId: PENDING, note: '已完成', requestId: 'matrix-req-1' }),
    expect: only('ownStaff'),
  },
  {
    action: 'report.review',
    payload: () => ({ taskId: SUBMITTED, decision: 'approve' }),
    expect: only('leadReviewer'),
  },
  {
    action: 'report.review',
    payload: () => ({ taskId: SUBMITTED, decision: 'return', comment: '补充材料' }),
    expect: only('leadReviewer'),
  },
  { action: 'review.queue', payload: () => ({}), expect: only('leadReviewer', 'otherReviewer', 'leader') },
  {
    action: 'review.queue',
    payload: () => ({ kind: 'extension', unitId: 'xijiao', itemNo: 8 }),
    expect: only('leadReviewer', 'otherReviewer', 'leader'),
  },
  {
    action: 'report.withdraw',
    payload: () => ({ taskId: SUBMITTED, requestId: 'matrix-withdraw-1' }),
    expect: only('ownStaff'),
  },
  {
    action: 'extension.request',
    payload: () => ({ taskId: PENDING, dueDate: '2027-01-31', reason: '人手不足' }),
    expect: only('ownStaff'),
  },
  {
    action: 'extension.decide',
    payload: () => ({ taskId: EXTENSION_ASKED, decision: 'approve' }),
    expect: only('leadReviewer', 'leader'),
  },
  {
    action: 'extension.decide',
    payload: () => ({ taskId: EXTENSION_ASKED, decision: 'refuse', comment: '须按期完成' }),
    expect: only('leadReviewer', 'leader'),
  },
  {
    action: 'exemption.request',
    payload: () => ({ taskId: PENDING, reason: '不涉及' }),
    expect: only('ownStaff'),
  },
  {
    action: 'exemption.decide',
    payload: () => ({ taskId: EXEMPTION_ASKED, decision: 'approve' }),
    expect: only('leadReviewer', 'leader'),
  },
  {
    action: 'exemption.revoke',
    payload: () => ({ taskId: EXEMPTED, comment: '经核实涉及' }),
    expect: only('leadReviewer', 'leader'),
  },
  { action: 'instruction.add', payload: () => ({ taskId: PENDING, text: '请抓紧' }), expect: only('leader') },
  { action: 'instruction.add', payload: () => ({ unitId: 'xijiao', text: '请抓紧' }), expect: only('leader') },
  {
    action: 'events.record',
    payload: () => ({ itemNo: 25, date: '2026-11-20' }),
    expect: only('ownStaff', 'otherStaff', 'leadStaff', 'leadReviewer', 'otherReviewer'),
  },
  {
    action: 'summary.district',
    payload: () => ({ year: 2026 }),
    expect: only('leadReviewer', 'otherReviewer', 'leader', 'admin'),
  },
  {
    action: 'summary.unit',
    payload: () => ({ unitId: 'xijiao', year: 2026 }),
    expect: only('ownStaff', 'leadReviewer', 'otherReviewer', 'leader', 'admin'),
  },
  { action: 'admin.invite.create', payload: () => ({ unitId: 'xijiao', role: 'staff' }), expect: only('admin') },
  { action: 'admin.users.list', payload: () => ({}), expect: only('admin') },
  { action: 'admin.units.list', payload: () => ({}), expect: only('admin') },
  {
    action: 'admin.user.update',
    payload: () => ({ openid: 'm-staff-hetang', role: 'reviewer' }),
    expect: only('admin'),
  },
  {
    action: 'admin.units.upsert',
    payload: () => ({ unit: { name: '区数据局', kind: 'department', tags: [] } }),
    expect: only('admin'),
  },
  {
    action: 'urge.send',
    payload: () => ({ unitId: 'xijiao', taskId: 'xijiao-2026-1-d0301' }),
    expect: only('leadReviewer', 'leader'),
  },
  { action: 'reminders.list', payload: () => ({}), expect: everyone('ok') },
  { action: 'dev.users', payload: () => ({}), expect: everyone('FORBIDDEN') },
  { action: 'export.xlsx', payload: () => ({ year: 2026 }), expect: only('leader', 'admin') },
  {
    action: 'report.annual',
    payload: () => ({ unitId: 'xijiao', year: 2026 }),
    expect: only('ownStaff', 'leader', 'admin'),
  },
  {
    action: 'report.annual',
    payload: () => ({ unitId: 'sfj', year: 2026 }),
    expect: only('leadStaff', 'leadReviewer', 'leader', 'admin'),
  },
  { action: 'catalog.get', payload: () => ({ year: 2026 }), expect: everyone('ok') },
  {
    // Item 2 is led by 区司法局: its reviewers write the 佐证材料要求, and the admin.
    action: 'guidance.set',
    payload: () => ({ year: 2026, itemNo: 2, text: '述法报告' }),
    expect: only('leadReviewer', 'admin'),
  },
  {
    action: 'guidance.set',
    payload: () => ({ year: 2026, itemNo: 39, text: '预算公开截图' }),
    expect: only('otherReviewer', 'admin'),
  },
  { action: 'catalog.preview', payload: () => ({ text: LIST_TEXT }), expect: only('admin') },
  {
    action: 'catalog.publish',
    payload: () => ({ text: LIST_TEXT, years: [2027], leads: { '7': ['fgw'] } }),
    expect: only('admin'),
  },
  {
    action: 'calendar.set',
    payload: () => ({ year: 2027, holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: [] }),
    expect: only('admin'),
  },
  { action: 'calendar.get', payload: () => ({}), expect: only('admin') },
];

describe('the authorization matrix', () => {
  let template: Harness;

  beforeAll(async () => {
    template = await createHarness({ handlers, now: '2026-11-28T02:00:00.000Z' });
    for (const caller of Object.values(CALLERS)) await template.addUser(caller.openid, caller.role, caller.unitId);
    await template.ok(CALLERS.ownStaff.openid, 'tasks.list', { year: 2026 });
    await template.ok(CALLERS.ownStaff.openid, 'report.submit', {
      taskId: SUBMITTED,
      note: '述法已纳入',
      requestId: 'setup-req-1',
    });
    const own = CALLERS.ownStaff.openid;
    await template.ok(own, 'extension.request', { taskId: EXTENSION_ASKED, dueDate: '2027-01-31', reason: '理由' });
    await template.ok(own, 'exemption.request', { taskId: EXEMPTION_ASKED, reason: '不涉及' });
    await template.ok(own, 'exemption.request', { taskId: EXEMPTED, reason: '不涉及' });
    await template.ok(CALLERS.leadReviewer.openid, 'exemption.decide', { taskId: EXEMPTED, decision: 'approve' });
  }, 60_000);

  afterAll(async () => template.close());

  for (const scenario of SCENARIOS) {
    const label = `${scenario.action} ${JSON.stringify(scenario.payload({ files: { put: () => 'f' } } as unknown as Harness))}`;
    describe(label, () => {
      for (const [caller, outcome] of Object.entries(scenario.expect) as Array<[Caller, Outcome]>) {
        it(`${caller}: ${outcome}`, async () => {
          const h =
            outcome === 'ok'
              ? await createHarness({ handlers, now: '2026-11-28T02:00:00.000Z', copyOf: template.sqlite })
              : template;
          try {
            const before = storeSnapshot(h.sqlite);
            const reply = await h.call(CALLERS[caller].openid, scenario.action, scenario.payload(h));
            if (outcome === 'ok') {
              expect(reply).toMatchObject({ ok: true });
            } else {
              expect(reply).toMatchObject({ ok: false, error: { code: outcome } });
              expect(storeSnapshot(h.sqlite)).toBe(before);
            }
          } finally {
            if (h !== template) await h.close();
          }
        });
      }
    });
  }

  it('refuses every member action to an unbound caller and to a caller without identity', async () => {
    const before = storeSnapshot(template.sqlite);
    for (const scenario of SCENARIOS.filter((candidate) => !['session.get', 'dev.users'].includes(candidate.action))) {
      for (const openid of ['o-never-bound', null]) {
        const reply = await template.call(openid, scenario.action, scenario.payload(template));
        expect([scenario.action, reply]).toMatchObject([
          scenario.action,
          { ok: false, error: { code: 'UNAUTHENTICATED' } },
        ]);
      }
    }
    expect(storeSnapshot(template.sqlite)).toBe(before);
  });

  it('refuses a disabled person everything but seeing who they are', async () => {
    const h = await createHarness({ handlers, now: '2026-11-28T02:00:00.000Z', copyOf: template.sqlite });
    try {
      await h.ok(CALLERS.admin.openid, 'admin.user.update', { openid: CALLERS.ownStaff.openid, disabled: true });
      const before = storeSnapshot(h.sqlite);
      const reply = await h.call(CALLERS.ownStaff.openid, 'report.submit', {
        taskId: PENDING,
        note: 'x',
        requestId: 'disabled-req',
      });
      expect(reply).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: expect.stringContaining('停用') },
      });
      expect(storeSnapshot(h.sqlite)).toBe(before);
      expect(await h.ok(CALLERS.ownStaff.openid, 'session.get', {})).toMatchObject({ user: { disabled: true } });
    } finally {
      await h.close();
    }
  });

  it('lets a reviewer of another lead unit see only the items it leads', async () => {
    const list = await template.ok(CALLERS.otherReviewer.openid, 'tasks.list', { year: 2026, unitId: 'xijiao' });
    expect([...new Set(list.tasks.map((task: { itemNo: number }) => task.itemNo))]).toEqual([39]);
  });
});
