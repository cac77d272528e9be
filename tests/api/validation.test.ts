import { API_HANDLERS } from '../../server/handlers';
import { EXPORT_HANDLERS } from '../../server/handlers/exportHandlers';
import { createHarness, storeSnapshot, type Harness } from '../support/apiHarness';

const HUGE = 'x'.repeat(70_000);
const PROTO = JSON.parse('{"__proto__": {"polluted": true}}');
const CONSTRUCTOR = JSON.parse('{"constructor": {"prototype": {"polluted": true}}}');

/** Payloads every action must refuse, whatever it expects. */
const COMMON_BAD: unknown[] = [
  'not an object',
  42,
  [1, 2],
  true,
  { unknownField: 1 },
  PROTO,
  CONSTRUCTOR,
  { huge: HUGE },
];

/** Payloads each action must refuse: missing fields, wrong types, oversized values. */
const ACTION_BAD: Record<string, unknown[]> = {
  'session.get': [],
  'session.bind': [
    {},
    { inviteCode: 'ABCD2345' },
    { inviteCode: 12345678, name: '张三' },
    { inviteCode: '../../x', name: '张三' },
    { inviteCode: 'ABCD2345', name: '' },
    { inviteCode: 'ABCD2345', name: HUGE },
  ],
  'dev.users': [],
  'tasks.list': [
    { year: '2026' },
    { year: 2026.5 },
    { year: -1 },
    { year: Number.NaN },
    { unitId: 42 },
    { unitId: '../etc' },
  ],
  'tasks.get': [{}, { id: 42 }, { id: '' }, { id: 'a/../../b' }],
  'events.record': [
    {},
    { itemNo: 13 },
    { itemNo: '13', date: '2026-09-30' },
    { itemNo: 13, date: '2026-02-30' },
    { itemNo: -1, date: '2026-09-30' },
    { itemNo: 13, date: '2026-09-30', note: HUGE },
  ],
  'evidence.add': [
    {},
    { taskId: 't', fileId: 'f', name: 'a.png', size: -1, mime: 'image/png' },
    { taskId: 't', fileId: 'f', name: 'a.png', size: '1', mime: 'image/png' },
    { taskId: 't', fileId: 'f', name: '', size: 1, mime: 'image/png' },
  ],
  'evidence.link': [{}, { taskId: 't' }, { taskId: 't', evidenceId: 7 }],
  'evidence.remove': [{}, { evidenceId: 'e' }, { evidenceId: null, taskId: 't' }],
  'report.submit': [
    {},
    { taskId: 't' },
    { taskId: 't', requestId: 'short' },
    { taskId: 't', requestId: 'req-ok-0001', note: HUGE },
    { taskId: 't', requestId: 'req/../0001' },
  ],
  'report.review': [
    {},
    { taskId: 't', decision: 'maybe' },
    { taskId: 't', decision: 'approve', comment: 5 },
    { taskId: 't', decision: 'return', comment: HUGE },
  ],
  'report.withdraw': [
    {},
    { taskId: 't' },
    { requestId: 'req-ok-0001' },
    { taskId: 't', requestId: 'short' },
    { taskId: '../t', requestId: 'req-ok-0001' },
    { taskId: 't', requestId: 'req-ok-0001', note: '多余' },
  ],
  'extension.request': [
    {},
    { taskId: 't', reason: '人手不足' },
    { taskId: 't', dueDate: '2026-12-31' },
    { taskId: 't', dueDate: '2026-02-30', reason: '人手不足' },
    { taskId: 't', dueDate: 20261231, reason: '人手不足' },
    { taskId: 't', dueDate: '2026-12-31', reason: '   ' },
    { taskId: 't', dueDate: '2026-12-31', reason: HUGE },
  ],
  'extension.decide': [
    {},
    { taskId: 't' },
    { taskId: 't', decision: 'return' },
    { taskId: 't', decision: 'approve', comment: 5 },
    { taskId: 't', decision: 'refuse', comment: HUGE },
  ],
  'exemption.request': [
    {},
    { taskId: 't' },
    { taskId: 't', reason: '' },
    { taskId: 't', reason: HUGE },
    { reason: '不涉及' },
  ],
  'exemption.decide': [
    {},
    { taskId: 't', decision: 'maybe' },
    { taskId: 't', decision: 'approve', comment: ['x'] },
    { taskId: 't', decision: 'refuse', comment: HUGE },
  ],
  'exemption.revoke': [{}, { taskId: 't' }, { taskId: 't', comment: ' ' }, { taskId: 't', comment: HUGE }],
  'instruction.add': [
    {},
    { text: '请抓紧落实' },
    { text: '请抓紧落实', taskId: 't', unitId: 'xijiao' },
    { text: '', unitId: 'xijiao' },
    { text: HUGE, unitId: 'xijiao' },
    { text: '请抓紧落实', unitId: '../xijiao' },
    { text: 42, taskId: 't' },
  ],
  'review.queue': [{ year: 'this year' }, { kind: 'everything' }, { itemNo: 0 }, { itemNo: '3' }, { unitId: '../sfj' }],
  'summary.district': [{ year: '2026' }, { year: 2026, asOf: '2026-13-01' }, { asOf: 20261128 }],
  'summary.unit': [{}, { unitId: 'xijiao', year: 'x' }, { unitId: 'xijiao', asOf: 'yesterday' }],
  'admin.invite.create': [
    {},
    { unitId: 'xijiao', role: 'king' },
    { unitId: 'xijiao', role: 'staff', maxUses: 0 },
    { unitId: 'xijiao', role: 'staff', maxUses: 1e6 },
    { unitId: 'xijiao', role: 'staff', expiresAt: 'soon' },
  ],
  'admin.users.list': [{ unitId: 5 }],
  'admin.units.list': [],
  'admin.user.update': [{}, { openid: 'o' }, { openid: 'o', role: 'boss' }, { openid: 'o', disabled: 'yes' }],
  'urge.send': [{}, { unitId: 5 }, { unitId: 'xijiao', taskId: 7 }, { unitId: 'xijiao', extra: true }],
  'reminders.list': [],
  'reminders.read': [{ ids: 'all' }, { ids: [1] }, { ids: ['x'.repeat(900)] }],
  'reminders.subscribe': [{}, { templateIds: [] }, { templateIds: 'T1' }, { templateIds: ['a', 'b', 'c', 'd'] }],
  'admin.units.upsert': [
    {},
    { unit: {} },
    { unit: { name: '新局', kind: 'ministry' } },
    { unit: { name: '新局', kind: 'department', tags: 'a' } },
    { unit: { name: '新局', kind: 'department', extra: 1 } },
  ],
  'export.xlsx': [{}, { year: '2026' }, { year: 2026, asOf: '2026-02-30' }, { asOf: '2026-11-28' }, { year: 2026.5 }],
  'catalog.preview': [
    {},
    { text: '' },
    { text: '   ' },
    { fileId: 'f', text: '1.任务' },
    { fileId: '' },
    { fileId: 'x'.repeat(600) },
    { text: 42 },
    { text: HUGE },
    { text: '1.任务', years: [] },
    { text: '1.任务', years: ['2027'] },
    { text: '1.任务', years: [2027, 2028, 2029, 2030, 2031, 2032] },
    { text: '1.任务', phraseMap: { 各乡镇: 'hetang' } },
    { text: '1.任务', phraseMap: { 各乡镇: ['../x'] } },
    { text: '1.任务', phraseMap: JSON.parse('{"__proto__": ["hetang"]}') },
    { text: '1.任务', phraseMap: { ['x'.repeat(61)]: ['hetang'] } },
    { text: '1.任务', leads: { seven: ['fgw'] } },
    { text: '1.任务', leads: { '7': [] } },
    { text: '1.任务', dates: { '3': 'soon' } },
    { text: '1.任务', confirmDrop: true },
  ],
  'catalog.publish': [
    {},
    { text: '1.任务' },
    { text: '1.任务', years: [] },
    { text: '1.任务', years: [1999] },
    { years: [2027] },
    { fileId: 'f', text: '1.任务', years: [2027] },
    { text: '1.任务', years: [2027], confirmDrop: 'yes' },
    { text: '1.任务', years: [2027], leads: { '0': ['fgw'] } },
    { text: '1.任务', years: [2027], dates: { '3': '2027/06/30' } },
    { text: HUGE, years: [2027] },
  ],
  'catalog.get': [{}, { year: '2026' }, { year: 2026.5 }, { year: 2026, itemNo: 1 }],
  'guidance.set': [
    {},
    { year: 2026, itemNo: 1 },
    { year: 2026, text: '报告' },
    { year: 2026, itemNo: '1', text: '报告' },
    { year: 2026, itemNo: 0, text: '报告' },
    { year: 2026, itemNo: 1, text: HUGE },
    { year: 2026, itemNo: 1, text: 'x'.repeat(501) },
    { year: 2026, itemNo: 1, text: '报告\u202e' },
  ],
  'calendar.set': [
    {},
    { year: 2027 },
    { noticeText: '一、元旦：1月1日放假' },
    { year: 2027, noticeText: 42 },
    { year: 2027, noticeText: HUGE },
    { year: 2027, holidays: ['2027-02-30'] },
    { year: 2027, holidays: '2027-01-01' },
    { year: 2027, holidays: ['2027-01-01'], noticeText: '一、元旦：1月1日放假' },
    { year: 2027, workdays: [20270101] },
  ],
  'calendar.get': [],
  'report.annual': [
    {},
    { unitId: 'xijiao' },
    { year: 2026 },
    { unitId: '../xijiao', year: 2026 },
    { unitId: 'xijiao', year: 1e9 },
    { unitId: 'xijiao', year: 2026, asOf: '2026-11-28' },
  ],
};

/** The api function's actions and the export function's, as the local cloud serves them together. */
const ALL_HANDLERS = { ...API_HANDLERS, ...EXPORT_HANDLERS };

describe('every action validates its payload', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness({ handlers: ALL_HANDLERS });
    await h.addUser('v-admin', 'admin', 'sfj');
    await h.ok('v-admin', 'tasks.list', { year: 2026 });
  });

  afterAll(async () => h.close());

  it('has bad payloads listed for every action', () => {
    expect(Object.keys(ACTION_BAD).sort()).toEqual(Object.keys(ALL_HANDLERS).sort());
  });

  for (const action of Object.keys(ACTION_BAD)) {
    it(`${action}: INVALID_ARGUMENT and nothing changed`, async () => {
      const before = storeSnapshot(h.sqlite);
      const caller = action === 'session.bind' ? 'v-unbound' : 'v-admin';
      for (const payload of [...COMMON_BAD, ...ACTION_BAD[action]]) {
        const reply = await h.call(caller, action, payload);
        expect([payload, reply]).toMatchObject([payload, { ok: false, error: { code: 'INVALID_ARGUMENT' } }]);
        if (!reply.ok) expect(reply.error.message).toMatch(/^参数|^请求/);
      }
      expect(storeSnapshot(h.sqlite)).toBe(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it('refuses an unknown action', async () => {
    expect(await h.call('v-admin', 'tasks.delete', {})).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    expect(await h.call('v-admin', '__proto__', {})).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await h.call('v-admin', 42 as unknown as string, {})).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
  });

  it('names the field in a message a user can read', async () => {
    const reply = await h.call('v-admin', 'tasks.list', { year: '2026' });
    expect(reply).toEqual({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '参数不正确：年份的类型不正确' } });
  });
});
