import fc from 'fast-check';
import { counterDrift } from '../../server/counterDrift';
import { API_HANDLERS } from '../../server/handlers';
import { EXPORT_HANDLERS } from '../../server/handlers/exportHandlers';

const ALL_HANDLERS = { ...API_HANDLERS, ...EXPORT_HANDLERS };
import { createHarness, type Harness } from '../support/apiHarness';

const KEYS = [
  'taskId',
  'id',
  'fileId',
  'name',
  'size',
  'mime',
  'evidenceId',
  'note',
  'requestId',
  'decision',
  'comment',
  'year',
  'asOf',
  'unitId',
  'itemNo',
  'date',
  'inviteCode',
  'role',
  'expiresAt',
  'maxUses',
  'openid',
  'disabled',
  'unit',
  'ids',
  'templateIds',
  'kind',
  'tags',
  'aliases',
  'reason',
  'dueDate',
  'text',
  'years',
  'phraseMap',
  'leads',
  'dates',
  'confirmDrop',
  'noticeText',
  'holidays',
  'workdays',
];
const NASTY_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', ''];

/** Values a careless or hostile client might send. */
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string(),
  fc.fullUnicodeString({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -1, -0, 0, 2026, 1e21, Number.MAX_SAFE_INTEGER + 2),
  fc.constantFrom(
    '../../etc/passwd',
    '..\\..\\windows\\win.ini',
    '/etc/shadow',
    'a/../../b',
    '%2e%2e%2f',
    'cloud://x/../y',
  ),
  fc.constantFrom(
    'x'.repeat(70_000),
    '坚'.repeat(5_000),
    '\u0000\u202e\ud800',
    '<script>alert(1)</script>',
    '{"$ne":null}',
  ),
  fc.constantFrom('2026-02-30', '2026-13-01', '9999-12-31', 'staff', 'admin', 'approve', 'return', 'xijiao', 'sfj'),
  fc.constantFrom('refuse', 'report', 'extension', 'exemption', '2027-01-31', 'xijiao-2026-2-annual'),
  // Control and bidi characters, and dates outside the district's years.
  fc.stringOf(
    fc.constantFrom('会', '议', 'a', '\u0000', '\u0007', '\u000b', '\u001f', '\u202e', '\u2066', '\n', '\t'),
    {
      maxLength: 12,
    },
  ),
  fc.constantFrom('0100-03-01', '2000-01-01', '1999-12-31', '2100-12-31', '会议照片\u202egpj.exe', '\u2066名称\u2069'),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 5 }),
  fc.dictionary(fc.constantFrom(...NASTY_KEYS, 'name', 'kind'), fc.string(), { maxKeys: 3 }),
);

const payload: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.dictionary(fc.constantFrom(...KEYS, ...NASTY_KEYS), nastyValue, { maxKeys: 6 }),
  fc.constantFrom(...NASTY_KEYS).map((key) => JSON.parse(`{"${key}": {"polluted": true}}`)),
);

const STACK = /\n\s+at |\.tsx?:\d+|\.js:\d+|node_modules/;

/** A string holding at least one character typed text never needs (a control, or a bidi override). */
const unsafeText = fc
  .tuple(
    fc.string({ maxLength: 8 }),
    fc.constantFrom('\u0000', '\u0007', '\u000b', '\u001b', '\u007f', '\u202a', '\u202e', '\u2066', '\u2069'),
    fc.string({ maxLength: 8 }),
  )
  .map(([before, bad, after]) => `${before}${bad}${after}`);

describe('typed text with control or bidi characters', () => {
  let h: Harness;
  const changes = () => (h.sqlite.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

  beforeAll(async () => {
    h = await createHarness();
    await h.addUser('t-staff', 'staff', 'xijiao');
    await h.addUser('t-leader', 'leader', 'zfb');
  });
  afterAll(async () => h.close());

  it('is refused wherever a person types it, and changes nothing', async () => {
    const task = (await h.ok('t-staff', 'tasks.list', { year: 2026 })).tasks[0];
    let n = 0;
    const attempts: Array<(text: string) => [string, string, Record<string, unknown>]> = [
      (text) => ['t-staff', 'report.submit', { taskId: task.id, note: text, requestId: `unsafe-${(n += 1)}-xx` }],
      (text) => ['t-staff', 'extension.request', { taskId: task.id, dueDate: '2027-01-31', reason: text }],
      (text) => ['t-staff', 'exemption.request', { taskId: task.id, reason: text }],
      (text) => ['t-leader', 'instruction.add', { taskId: task.id, text }],
      (text) => ['t-staff', 'events.record', { itemNo: 25, date: '2026-11-20', note: text }],
      (text) => ['t-new', 'session.bind', { inviteCode: 'ABCDEFGH', name: text }],
    ];
    await fc.assert(
      fc.asyncProperty(unsafeText, fc.constantFrom(...attempts), async (text, attempt) => {
        const [openid, action, input] = attempt(text);
        const before = changes();
        const reply = await h.call(openid, action, input);
        expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
        expect(changes()).toBe(before);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

describe('fuzzing every action with 1,000 generated payloads', () => {
  let h: Harness;
  const callers = ['f-admin', 'f-staff', 'f-leader', 'f-reviewer', 'f-unbound', null];
  const changes = () => (h.sqlite.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

  beforeAll(async () => {
    h = await createHarness({ handlers: ALL_HANDLERS });
    await h.addUser('f-admin', 'admin', 'sfj');
    await h.addUser('f-staff', 'staff', 'xijiao');
    await h.addUser('f-leader', 'leader', 'zfb');
    await h.addUser('f-reviewer', 'reviewer', 'sfj');
    await h.ok('f-staff', 'tasks.list', { year: 2026 });
  });

  afterAll(async () => h.close());

  for (const action of Object.keys(ALL_HANDLERS)) {
    it(`${action}: never INTERNAL, never a stack trace, nothing changed when refused`, async () => {
      await fc.assert(
        fc.asyncProperty(payload, fc.constantFrom(...callers), async (input, caller) => {
          const before = changes();
          const reply = await h.call(caller, action, input);
          const text = JSON.stringify(reply);
          expect(STACK.test(text)).toBe(false);
          if (!reply.ok) {
            expect(reply.error.code).not.toBe('INTERNAL');
            expect(typeof reply.error.message).toBe('string');
            expect(changes()).toBe(before);
          }
        }),
        { numRuns: 1000 },
      );
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }, 120_000);
  }
});

/**
 * The workflow's steps in generated orders, by generated people: submit, withdraw, review, the
 * 延期 and 不涉及 requests and their decisions, revocations, instructions. Whatever the order, no
 * call is INTERNAL, a refused one changes nothing, a task never has two open requests, and the
 * counters stay exactly what the tasks say.
 */
describe('generated sequences of withdrawals, requests and decisions', () => {
  const TASKS = ['xijiao-2026-2-annual', 'xijiao-2026-1-d0301', 'sfj-2026-3-annual', 'hetang-2026-9-d0731'];
  const PEOPLE = ['g-staff-xijiao', 'g-staff-sfj', 'g-staff-hetang', 'g-reviewer-sfj', 'g-reviewer-zfb', 'g-leader'];
  const text = fc.constantFrom('理由', '', '  ', '请补充', '经核实涉及');
  const decision = fc.constantFrom('approve', 'refuse', 'return');
  const taskId = fc.constantFrom(...TASKS);
  type Step = [string, Record<string, unknown>];
  const as =
    (action: string) =>
    (payload: Record<string, unknown>): Step => [action, payload];
  const dueDate = fc.constantFrom('2026-11-27', '2026-12-31', '2027-01-31', '2028-01-01');
  const comment = fc.option(text, { nil: undefined });
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({ taskId, note: text, requestId: fc.constant('') }).map(as('report.submit')),
    fc.record({ taskId, requestId: fc.constant('') }).map(as('report.withdraw')),
    fc.record({ taskId, decision, comment: text }).map(as('report.review')),
    fc.record({ taskId, dueDate, reason: text }).map(as('extension.request')),
    fc.record({ taskId, decision, comment }).map(as('extension.decide')),
    fc.record({ taskId, reason: text }).map(as('exemption.request')),
    fc.record({ taskId, decision, comment }).map(as('exemption.decide')),
    fc.record({ taskId, comment: text }).map(as('exemption.revoke')),
    fc.record({ taskId, text }).map(as('instruction.add')),
  );

  it('keeps every invariant, on SQLite', async () => {
    const h = await createHarness({ now: '2026-11-28T02:00:00.000Z' });
    try {
      for (const openid of PEOPLE) {
        const [, role, unitId] = openid.split('-');
        await h.addUser(openid, role as 'staff' | 'reviewer' | 'leader', role === 'leader' ? 'zfb' : unitId);
      }
      const changes = () => (h.sqlite.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
      let counter = 0;
      const succeeded = new Map<string, number>();
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(step, fc.constantFrom(...PEOPLE)), { minLength: 5, maxLength: 25 }),
          async (steps) => {
            for (const [[action, payload], openid] of steps) {
              counter += 1;
              const input = 'requestId' in payload ? { ...payload, requestId: `gen-${counter}-request` } : payload;
              const before = changes();
              const reply = await h.call(openid, action, input);
              if (reply.ok) succeeded.set(action, (succeeded.get(action) ?? 0) + 1);
              else {
                expect([action, reply.error.code]).not.toEqual([action, 'INTERNAL']);
                expect(changes()).toBe(before);
              }
            }
            for (const id of TASKS) {
              const task = await h.store.getTask('changjiang', id);
              if (!task) continue;
              const open = [task.extension?.status, task.exemption?.status].filter((status) => status === 'pending');
              expect(open.length).toBeLessThanOrEqual(1);
              expect(task.status === 'exempt').toBe(task.exemption?.status === 'approved');
              if (task.originalDueDate) expect(task.dueDate > task.originalDueDate).toBe(true);
            }
            expect(await counterDrift(h.store, 'changjiang', 2026)).toEqual([]);
          },
        ),
        // A fixed seed: the same sequences every run, and they reach every step (checked below).
        { numRuns: 250, seed: 1 },
      );
      // The sequences reached every step, not only its refusals.
      expect([...succeeded.keys()].sort()).toEqual(
        [
          'report.submit',
          'report.withdraw',
          'report.review',
          'extension.request',
          'extension.decide',
          'exemption.request',
          'exemption.decide',
          'exemption.revoke',
          'instruction.add',
        ].sort(),
      );
    } finally {
      await h.close();
    }
  }, 120_000);
});
