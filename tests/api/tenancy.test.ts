import { bootstrapDistrict } from '../../server/bootstrap';
import { API_HANDLERS } from '../../server/handlers';
import { EXPORT_HANDLERS } from '../../server/handlers/exportHandlers';
import { readFileSync } from 'fs';
import { join } from 'path';
import { FILE_TYPES } from '../../src/core/files/uploadPolicy';
import type { Directory } from '../../src/core/units';
import { docxFromParagraphs } from '../support/docx';
import { createHarness, storeSnapshot, type Harness } from '../support/apiHarness';
import { loadCatalog, loadDirectory, loadHolidays, ROOT } from '../support/fixtures';

const PNG = Buffer.from('89504e470d0a1a0a', 'hex');

/**
 * Two districts in one deployment: 昌江区 and 珠山区 (same catalog, its own directory). Everyone
 * of 珠山区, whatever their role, aims every action at 昌江区's records by id and never reads or
 * changes any of them.
 */
describe('tenancy: one district never sees or changes another’s data', () => {
  let h: Harness;
  const A = { staff: 'cj-staff', reviewer: 'cj-reviewer', admin: 'cj-admin' };
  const B = { staff: 'zs-staff', reviewer: 'zs-reviewer', leader: 'zs-leader', admin: 'zs-admin' };
  let aTask: string;
  let aEvidence: string;
  let aFile: string;
  let aList: string;
  /** A list in another shape (items 1–9 as paragraphs; item 7 needs its lead chosen). */
  const LIST = readFileSync(join(ROOT, 'tests', 'fixtures', 'catalogs', 'paragraphs-labelled.txt'), 'utf8');

  beforeAll(async () => {
    h = await createHarness({ handlers: { ...API_HANDLERS, ...EXPORT_HANDLERS } });
    const directory = loadDirectory();
    const zhushan: Directory = {
      ...directory,
      district: { id: 'zhushan', name: '珠山区', fullName: '景德镇市珠山区', defaultDueDate: '12-31' },
    };
    await bootstrapDistrict(h.store, {
      catalog: loadCatalog(),
      directory: zhushan,
      calendar: loadHolidays(),
      at: new Date().toISOString(),
    });
    await h.addUser(A.staff, 'staff', 'xijiao');
    await h.addUser(A.reviewer, 'reviewer', 'sfj');
    await h.addUser(A.admin, 'admin', 'sfj');
    const at = new Date().toISOString();
    for (const [openid, role, unitId] of [
      [B.staff, 'staff', 'xijiao'],
      [B.reviewer, 'reviewer', 'sfj'],
      [B.leader, 'leader', 'zfb'],
      [B.admin, 'admin', 'sfj'],
    ] as const) {
      await h.store.saveUser(
        {
          openid,
          districtId: 'zhushan',
          name: openid,
          role,
          unitId,
          disabled: false,
          createdAt: at,
          updatedAt: at,
          version: 1,
        },
        null,
      );
    }
    const list = await h.ok(A.staff, 'tasks.list', { year: 2026 });
    aTask = list.tasks.find((task: { itemNo: number }) => task.itemNo === 2)!.id;
    aFile = h.files.put('changjiang', PNG);
    aEvidence = (
      await h.ok(A.staff, 'evidence.add', {
        taskId: aTask,
        fileId: aFile,
        name: '照片.png',
        size: 8,
        mime: 'image/png',
      })
    ).evidence.id;
    await h.ok(A.staff, 'report.submit', { taskId: aTask, note: '昌江区的说明', requestId: 'tenancy-req-1' });
    await h.ok(B.staff, 'tasks.list', { year: 2026 });
    // 昌江区's own list for next year, and 佐证材料要求 that 珠山区 must never see.
    await h.ok(A.reviewer, 'guidance.set', { year: 2026, itemNo: 2, text: '昌江区的说明：述法报告' });
    aList = h.files.put('changjiang', await docxFromParagraphs(LIST), FILE_TYPES.docx.mime, 'sfj', A.admin);
    await h.ok(A.admin, 'catalog.publish', { fileId: aList, years: [2027], leads: { '7': ['fgw'] } });
  });

  afterAll(async () => h.close());

  const attempts: Record<string, (h: Harness) => unknown[]> = {
    'session.get': () => [{}],
    'session.bind': () => [],
    'dev.users': () => [{}],
    'tasks.list': () => [{ year: 2026 }, { year: 2026, unitId: 'xijiao' }],
    'tasks.get': () => [{ id: aTask }],
    'events.record': () => [{ itemNo: 25, date: '2026-11-01' }],
    'evidence.add': () => [{ taskId: aTask, fileId: aFile, name: 'x.png', size: 8, mime: 'image/png' }],
    'evidence.link': () => [{ taskId: aTask, evidenceId: aEvidence }],
    'evidence.remove': () => [{ taskId: aTask, evidenceId: aEvidence }],
    'report.submit': () => [{ taskId: aTask, note: '越权', requestId: 'tenancy-req-2' }],
    'report.withdraw': () => [{ taskId: aTask, requestId: 'tenancy-req-3' }],
    'extension.request': () => [{ taskId: aTask, dueDate: '2027-01-31', reason: '越权' }],
    'extension.decide': () => [{ taskId: aTask, decision: 'approve' }],
    'exemption.request': () => [{ taskId: aTask, reason: '越权' }],
    'exemption.decide': () => [{ taskId: aTask, decision: 'approve' }],
    'exemption.revoke': () => [{ taskId: aTask, comment: '越权' }],
    'instruction.add': () => [
      { taskId: aTask, text: '越权批示' },
      { unitId: 'xijiao', text: '越权批示' },
    ],
    'review.queue': () => [{ year: 2026 }, { year: 2026, unitId: 'xijiao', kind: 'report' }],
    'report.review': () => [{ taskId: aTask, decision: 'approve' }],
    'summary.district': () => [{ year: 2026 }],
    'summary.unit': () => [{ unitId: 'xijiao', year: 2026 }],
    'urge.send': () => [{ unitId: 'xijiao', taskId: aTask }],
    'reminders.list': () => [{}],
    'reminders.read': () => [{}],
    'reminders.subscribe': () => [],
    'admin.invite.create': () => [{ unitId: 'xijiao', role: 'staff' }],
    'admin.users.list': () => [{}],
    'admin.user.update': () => [
      { openid: A.staff, disabled: true },
      { openid: A.admin, role: 'staff' },
    ],
    'admin.units.list': () => [{}],
    'admin.units.upsert': () => [{ unit: { id: 'xijiao', name: '改名街道', kind: 'street' } }],
    'export.xlsx': () => [{ year: 2026 }],
    'report.annual': () => [{ unitId: 'xijiao', year: 2026 }],
    'catalog.preview': () => [{ fileId: aList }, { text: LIST }],
    'catalog.publish': () => [
      { fileId: aList, years: [2027], leads: { '7': ['fgw'] } },
      { text: LIST, years: [2027], leads: { '7': ['fgw'] } },
    ],
    'catalog.get': () => [{ year: 2026 }, { year: 2027 }],
    'guidance.set': () => [{ year: 2026, itemNo: 2, text: '越权的要求' }],
    // The holiday calendar is national: one deployment, one calendar, every district follows it.
    'calendar.set': () => [],
    'calendar.get': () => [{}],
  };

  it('covers every action', () => {
    expect(Object.keys(attempts).sort()).toEqual(Object.keys({ ...API_HANDLERS, ...EXPORT_HANDLERS }).sort());
  });

  it('changes nothing of 昌江区, whoever of 珠山区 tries whatever', async () => {
    const aBefore = JSON.stringify([
      await h.store.getTask('changjiang', aTask),
      await h.store.listHistory('changjiang', aTask),
      await h.store.listCounters('changjiang', 2026),
      await h.store.listUsers('changjiang'),
      await h.store.listUnits('changjiang'),
      await h.store.listEvidenceForTask('changjiang', aTask),
      await h.store.listInstructions('changjiang', { unitId: 'xijiao', limit: 100 }),
      await h.store.listCatalogs('changjiang'),
      await h.store.listGuidance('changjiang', 'base'),
    ]);
    for (const [action, payloads] of Object.entries(attempts)) {
      for (const payload of payloads(h)) {
        for (const openid of Object.values(B)) {
          const reply = await h.call(openid, action, payload);
          const text = JSON.stringify(reply);
          expect([
            action,
            openid,
            text.includes('昌江区的说明') || text.includes(A.staff) || text.includes(aEvidence),
          ]).toEqual([action, openid, false]);
        }
      }
    }
    const aAfter = JSON.stringify([
      await h.store.getTask('changjiang', aTask),
      await h.store.listHistory('changjiang', aTask),
      await h.store.listCounters('changjiang', 2026),
      await h.store.listUsers('changjiang'),
      await h.store.listUnits('changjiang'),
      await h.store.listEvidenceForTask('changjiang', aTask),
      await h.store.listInstructions('changjiang', { unitId: 'xijiao', limit: 100 }),
      await h.store.listCatalogs('changjiang'),
      await h.store.listGuidance('changjiang', 'base'),
    ]);
    expect(aAfter).toBe(aBefore);
  });

  it('answers 珠山区 with 珠山区’s own data only', async () => {
    const summary = await h.ok(B.leader, 'summary.district', { year: 2026 });
    expect(summary.totals.submitted).toBe(0);
    const queue = await h.ok(B.reviewer, 'review.queue', { year: 2026 });
    expect(queue.tasks).toEqual([]);
    const people = await h.ok(B.admin, 'admin.users.list', {});
    expect(people.users.map((user: { openid: string }) => user.openid).sort()).toEqual(Object.values(B).sort());
    // Task ids are made of unit, year, item and key, so 珠山区 has a task of the same id: its own.
    const own = await h.ok(B.leader, 'tasks.get', { id: aTask });
    expect(own.task.note).not.toBe('昌江区的说明');
    expect(own.evidence).toEqual([]);
    const actors = new Set(own.history.map((entry: { actorName: string }) => entry.actorName));
    expect([...actors].every((name) => name === '系统' || Object.values(B).includes(name as string))).toBe(true);
  });

  it('refuses evidence files of another district', async () => {
    const before = storeSnapshot(h.sqlite);
    const bTask = (await h.ok(B.staff, 'tasks.list', { year: 2026 })).tasks[0].id;
    const reply = await h.call(B.staff, 'evidence.add', {
      taskId: bTask,
      fileId: aFile,
      name: 'a.png',
      size: 8,
      mime: 'image/png',
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(storeSnapshot(h.sqlite)).toBe(before);
  });
});
