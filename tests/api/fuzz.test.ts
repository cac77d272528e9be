import fc from 'fast-check';
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
