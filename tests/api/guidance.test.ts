import { readFileSync } from 'fs';
import { join } from 'path';
import { API_HANDLERS } from '../../server/handlers';
import { EXPORT_HANDLERS } from '../../server/handlers/exportHandlers';
import { createHarness, storeSnapshot, type Harness } from '../support/apiHarness';
import { ROOT } from '../support/fixtures';

const handlers = { ...API_HANDLERS, ...EXPORT_HANDLERS };
const ADMIN = 'g-admin';
const STAFF = 'g-staff-xijiao';
const LEAD_REVIEWER = 'g-reviewer-sfj';
const OTHER_REVIEWER = 'g-reviewer-czj';
const LEADER = 'g-leader';
const PARAGRAPHS = readFileSync(join(ROOT, 'tests', 'fixtures', 'catalogs', 'paragraphs-labelled.txt'), 'utf8');

describe('佐证材料要求 (guidance.set, catalog.get, tasks.get)', () => {
  let h: Harness;

  beforeEach(async () => {
    h = await createHarness({ handlers, now: '2026-11-28T02:00:00.000Z' });
    await h.addUser(ADMIN, 'admin', 'sfj', '管理员');
    await h.addUser(STAFF, 'staff', 'xijiao', '西郊经办人');
    await h.addUser(LEAD_REVIEWER, 'reviewer', 'sfj', '司法局审核人');
    await h.addUser(OTHER_REVIEWER, 'reviewer', 'czj', '财政局审核人');
    await h.addUser(LEADER, 'leader', 'zfb', '区领导');
  });

  afterEach(async () => h.close());

  it('shows the importer’s proposal first: the year’s list with each item’s guidance', async () => {
    const year = await h.ok(STAFF, 'catalog.get', { year: 2026 });
    expect(year.list).toMatchObject({ id: 'base', years: null, itemCount: 41, docNo: '昌府办字〔2024〕45号' });
    expect(year.items).toHaveLength(41);
    expect(year.items[0].guidance).toEqual({
      text: '报告正文（加盖公章）；向社会公开的网页截图或链接',
      proposed: true,
      updatedAt: null,
      updatedByName: null,
    });
    expect(year.items[0].scheduleWords[0]).toBe('每年3月1日前：报告（上一年度）');
    expect(year.items.every((item) => item.canEditGuidance === false)).toBe(true);
    const task = await h.ok(STAFF, 'tasks.get', { id: 'xijiao-2026-1-d0301' });
    expect(task.item.guidance?.text).toBe('报告正文（加盖公章）；向社会公开的网页截图或链接');
  });

  it('lets a reviewer of the lead unit and the admin write it, never another reviewer, staff or a leader', async () => {
    const before = storeSnapshot(h.sqlite);
    for (const openid of [OTHER_REVIEWER, STAFF, LEADER]) {
      const reply = await h.call(openid, 'guidance.set', { year: 2026, itemNo: 1, text: '报告正文（盖章）' });
      expect([openid, reply]).toMatchObject([openid, { ok: false, error: { code: 'FORBIDDEN' } }]);
    }
    expect(storeSnapshot(h.sqlite)).toBe(before);
    // 区财政局 leads item 39 only: its reviewer may write that one.
    expect((await h.ok(OTHER_REVIEWER, 'catalog.get', { year: 2026 })).items.filter((i) => i.canEditGuidance)).toEqual([
      expect.objectContaining({ no: 39 }),
    ]);
    await h.ok(OTHER_REVIEWER, 'guidance.set', { year: 2026, itemNo: 39, text: '预算公开网页截图' });

    const set = await h.ok(LEAD_REVIEWER, 'guidance.set', {
      year: 2026,
      itemNo: 1,
      text: '报告正文（盖章）＋公开网页截图',
    });
    expect(set.item.guidance).toMatchObject({ text: '报告正文（盖章）＋公开网页截图', proposed: false });
    expect(set.item.guidance?.updatedByName).toBe('司法局审核人');
    // Staff see it on top of the task, every task of the item.
    for (const id of ['xijiao-2026-1-d0301', 'xijiao-2026-1-d0401']) {
      expect((await h.ok(STAFF, 'tasks.get', { id })).item.guidance).toMatchObject({
        text: '报告正文（盖章）＋公开网页截图',
        proposed: false,
      });
    }
    await h.ok(ADMIN, 'guidance.set', { year: 2026, itemNo: 2, text: '述法报告' });
    // An empty text means none: the proposal no longer shows.
    await h.ok(ADMIN, 'guidance.set', { year: 2026, itemNo: 1, text: '' });
    expect((await h.ok(STAFF, 'tasks.get', { id: 'xijiao-2026-1-d0301' })).item.guidance).toBeNull();
    expect(await h.call(ADMIN, 'guidance.set', { year: 2026, itemNo: 99, text: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('belongs to the list of its year: a list published for next year carries it over to unchanged items', async () => {
    await h.ok(LEAD_REVIEWER, 'guidance.set', { year: 2026, itemNo: 1, text: '报告正文（盖章）' });
    await h.ok(LEAD_REVIEWER, 'guidance.set', { year: 2026, itemNo: 2, text: '述法材料' });
    const changed = PARAGRAPHS.replace('完善全链条述法机制', '完善述法机制');
    await h.ok(ADMIN, 'catalog.publish', { text: changed, years: [2027], leads: { '7': ['fgw'] } });
    const next = await h.ok(STAFF, 'catalog.get', { year: 2027 });
    expect(next.items[0].guidance).toMatchObject({ text: '报告正文（盖章）', proposed: false });
    expect(next.items[1].guidance?.proposed ?? true).toBe(true);
    await h.ok(LEAD_REVIEWER, 'guidance.set', { year: 2027, itemNo: 1, text: '2027年的要求' });
    expect((await h.ok(STAFF, 'tasks.get', { id: 'xijiao-2026-1-d0301' })).item.guidance?.text).toBe(
      '报告正文（盖章）',
    );
    expect((await h.ok(STAFF, 'tasks.get', { id: 'xijiao-2027-1-d0301' })).item.guidance?.text).toBe('2027年的要求');
  });
});
