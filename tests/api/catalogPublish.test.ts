import { readFileSync } from 'fs';
import { join } from 'path';
import { API_HANDLERS } from '../../server/handlers';
import { EXPORT_HANDLERS } from '../../server/handlers/exportHandlers';
import { FILE_TYPES } from '../../src/core/files/uploadPolicy';
import type { TaskRecord } from '../../src/core/model';
import { createHarness, STORE_ADAPTERS, type Harness } from '../support/apiHarness';
import { docxFromParagraphs } from '../support/docx';
import { ROOT } from '../support/fixtures';

const handlers = { ...API_HANDLERS, ...EXPORT_HANDLERS };
const ADMIN = 'p-admin';
const STAFF = 'p-staff-xijiao';
const TOWN_STAFF = 'p-staff-hetang';
const REVIEWER = 'p-reviewer-sfj';

/** 昌江's items 1–9 written as numbered paragraphs with 牵头单位： lines (item 7 names no lead). */
const PARAGRAPHS = readFileSync(join(ROOT, 'tests', 'fixtures', 'catalogs', 'paragraphs-labelled.txt'), 'utf8');
/** The same list where item 3 names its towns as 各乡镇, a phrase the directory does not know. */
const WITH_PHRASE = PARAGRAPHS.replace(
  /(3\n各级政府[\s\S]*?责任单位：)区政府各部门，各乡（镇）街道/,
  '$1区政府各部门，各乡镇',
);
const TOWNSHIPS = ['nianyushan', 'liyang', 'hetang', 'lvmeng'];
const CHOICES = { phraseMap: { 各乡镇: TOWNSHIPS }, leads: { '7': ['fgw'] } };

/** The corrected list: item 2's text changed, item 9 left out (it is the last one). */
const CORRECTED = WITH_PHRASE.replace('完善全链条述法机制', '完善全链条述法考评机制').replace(/\n9\.[\s\S]*$/, '\n');

/** Everything the store holds about a year's tasks: the tasks, their history and evidence, the counters. */
async function yearState(h: Harness, year: number): Promise<string> {
  const tasks = await h.store.listTasks('changjiang', { year });
  const details = await Promise.all(
    tasks.map(async (task) => ({
      task,
      history: await h.store.listHistory('changjiang', task.id),
      evidence: await h.store.listEvidenceForTask('changjiang', task.id),
    })),
  );
  return JSON.stringify({ details, counters: await h.store.listCounters('changjiang', year) });
}

async function withEvidence(h: Harness, openid: string, unitId: string, taskId: string, name = '材料.pdf') {
  const fileId = h.files.put('changjiang', Buffer.from(`%PDF-${name}`), 'application/pdf', unitId, openid);
  return h.ok(openid, 'evidence.add', { taskId, fileId, name, size: 10, mime: 'application/pdf' });
}

describe.each(STORE_ADAPTERS)('catalog.preview and catalog.publish (%s)', (adapter) => {
  let h: Harness;

  beforeEach(async () => {
    h = await createHarness({ handlers, now: '2026-11-28T02:00:00.000Z', adapter });
    await h.addUser(ADMIN, 'admin', 'sfj', '司法局管理员');
    await h.addUser(STAFF, 'staff', 'xijiao', '西郊经办人');
    await h.addUser(TOWN_STAFF, 'staff', 'hetang', '荷塘经办人');
    await h.addUser(REVIEWER, 'reviewer', 'sfj', '司法局审核人');
  });

  afterEach(async () => h.close());

  it('previews a pasted list: items by indicator, units resolved, the schedule in words, what to fix', async () => {
    const preview = await h.ok(ADMIN, 'catalog.preview', { text: WITH_PHRASE });
    expect(preview.draft.items).toHaveLength(9);
    expect(preview.draft.indicators.map((level1) => level1.name)).toEqual([
      '坚持党对法治政府建设的领导',
      '推进依法行政制度建设',
    ]);
    const first = preview.draft.items[0];
    expect(first.resolved?.lead).toEqual(['sfj']);
    expect(first.resolved?.responsible).toContain('xijiao');
    expect(first.scheduleWords).toEqual(['每年3月1日前：报告（上一年度）', '每年4月1日前：公开（上一年度）']);
    expect(first.guidance).toContain('报告正文');
    const blocking = preview.problems.filter((problem) => problem.blocking);
    expect(blocking.map((problem) => [problem.where, problem.phrase ?? null])).toEqual([
      ['第3项', '各乡镇'],
      ['第7项', null],
    ]);
    expect(preview.blocking).toBe(2);
    expect(preview.impact).toBeUndefined();

    const fixed = await h.ok(ADMIN, 'catalog.preview', { text: WITH_PHRASE, ...CHOICES, years: [2027] });
    expect(fixed.blocking).toBe(0);
    expect(fixed.draft.items[2].resolved?.responsible).toEqual(expect.arrayContaining(TOWNSHIPS));
    expect(fixed.draft.items[6].leadUnits).toEqual(['区发改委']);
    // The list goes on to the year after, which no list names: its tasks change too, and say so.
    expect(fixed.impact?.map((year) => year.year)).toEqual([2027, 2028]);
    // Next year has nothing stored: the tasks of the district's own items 10–41 simply go.
    const impact = fixed.impact?.[0];
    expect(impact).toMatchObject({ year: 2027, current: { id: 'base' }, stored: 0, droppedWithWork: [] });
    expect(impact?.items.filter((item) => item.change === 'dropped').map((item) => item.itemNo)).toEqual(
      Array.from({ length: 32 }, (_, index) => index + 10),
    );
    expect(impact?.items.find((item) => item.itemNo === 3)).toMatchObject({ change: 'changed' });
  });

  it('writes nothing when previewing, from a .docx or from text, with or without years and choices', async () => {
    await h.ok(STAFF, 'tasks.list', { year: 2026 });
    const docx = await docxFromParagraphs(WITH_PHRASE);
    const fileId = h.files.put('changjiang', docx, FILE_TYPES.docx.mime, 'sfj', ADMIN);
    const before = h.snapshot();
    const fromDocx = await h.ok(ADMIN, 'catalog.preview', { fileId });
    const fromText = await h.ok(ADMIN, 'catalog.preview', { text: WITH_PHRASE });
    expect(fromDocx.draft.items.map((item) => item.text)).toEqual(fromText.draft.items.map((item) => item.text));
    await h.ok(ADMIN, 'catalog.preview', { fileId, ...CHOICES, years: [2026, 2027] });
    expect(await h.call(ADMIN, 'catalog.preview', { text: '这不是任务清单' })).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION' },
    });
    expect(h.snapshot()).toBe(before);
  });

  it('reads only Word’s .docx, by content', async () => {
    const pdf = h.files.put('changjiang', Buffer.from('%PDF-1.4'), 'application/pdf', 'sfj', ADMIN);
    expect(await h.call(ADMIN, 'catalog.preview', { fileId: pdf })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('.docx') },
    });
    const elsewhere = h.files.put('zhushan', await docxFromParagraphs(PARAGRAPHS), FILE_TYPES.docx.mime, 'x', 'o');
    expect(await h.call(ADMIN, 'catalog.preview', { fileId: elsewhere })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('refuses to publish while anything blocking is left, and changes nothing', async () => {
    const before = h.snapshot();
    const reply = await h.call(ADMIN, 'catalog.publish', { text: WITH_PHRASE, years: [2027], leads: { '7': ['fgw'] } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
    expect(!reply.ok && reply.error.message).toContain('各乡镇');
    expect(await h.call(ADMIN, 'catalog.publish', { text: WITH_PHRASE, years: [2031], ...CHOICES })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    expect(h.snapshot()).toBe(before);
  });

  it('publishes for next year: this year’s tasks, evidence and history stay byte-identical, next year’s follow the new list', async () => {
    // This year has work in it: a submitted report with evidence, an approval, an urge.
    await withEvidence(h, STAFF, 'xijiao', 'xijiao-2026-2-annual');
    await h.ok(STAFF, 'report.submit', { taskId: 'xijiao-2026-2-annual', note: '已述法', requestId: 'p-req-0001' });
    await h.ok(REVIEWER, 'report.review', { taskId: 'xijiao-2026-2-annual', decision: 'approve' });
    await withEvidence(h, STAFF, 'xijiao', 'xijiao-2026-30-annual');
    const thisYear = await yearState(h, 2026);
    expect(JSON.parse(thisYear).details).toHaveLength(2);
    const listBefore = await h.ok(STAFF, 'tasks.list', { year: 2026 });

    const published = await h.ok(ADMIN, 'catalog.publish', { text: WITH_PHRASE, years: [2027], ...CHOICES });
    expect(published.catalog).toMatchObject({ years: [2027], itemCount: 9, publishedByName: '司法局管理员' });
    expect(published.aliases).toEqual([{ phrase: '各乡镇', unitNames: ['鲇鱼山镇', '丽阳镇', '荷塘乡', '吕蒙乡'] }]);

    expect(await yearState(h, 2026)).toBe(thisYear);
    expect(await h.ok(STAFF, 'tasks.list', { year: 2026 })).toEqual(listBefore);

    const next = await h.ok(TOWN_STAFF, 'tasks.list', { year: 2027 });
    expect([...new Set(next.tasks.map((task) => task.itemNo))].sort((a, b) => a - b)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
    const third = next.tasks.find((task) => task.itemNo === 3);
    expect(third?.title.startsWith('各级政府及其部门主要负责人')).toBe(true);
    // Item 3 reached the townships through the phrase the admin mapped; a street only by its own lines.
    const street = await h.ok(STAFF, 'tasks.list', { year: 2027 });
    expect(street.tasks.some((task) => task.itemNo === 3)).toBe(false);
    expect((await h.ok(STAFF, 'catalog.get', { year: 2027 })).list.id).toBe(published.catalog.id);
    expect((await h.ok(STAFF, 'catalog.get', { year: 2026 })).list).toMatchObject({ id: 'base', andLater: false });
    // It goes on applying to the years after, until another list is published for them.
    expect((await h.ok(STAFF, 'catalog.get', { year: 2028 })).list).toMatchObject({
      id: published.catalog.id,
      years: [2027],
      andLater: true,
    });
    // A corrected list for this year alone changes this year only.
    const thisYearOnly = await h.ok(ADMIN, 'catalog.preview', { text: WITH_PHRASE, ...CHOICES, years: [2026] });
    expect(thisYearOnly.impact?.map((year) => year.year)).toEqual([2026]);
    expect(thisYearOnly.impact?.[0].droppedWithWork.map((task) => task.id)).toEqual(['xijiao-2026-30-annual']);

    // The phrase is remembered as an alias of the townships: the next import resolves it.
    const units = await h.ok(ADMIN, 'admin.units.list', {});
    expect(units.units.find((unit) => unit.id === 'hetang')?.aliases).toContain('各乡镇');
    const again = await h.ok(ADMIN, 'catalog.preview', { text: WITH_PHRASE, leads: { '7': ['fgw'] } });
    expect(again.blocking).toBe(0);
    // A shared alias does not stop the admin editing a township; a unit named like it is refused.
    await h.ok(ADMIN, 'admin.units.upsert', {
      unit: { id: 'hetang', name: '荷塘乡', kind: 'township', aliases: ['各乡镇', '荷塘'] },
    });
    expect(await h.call(ADMIN, 'admin.units.upsert', { unit: { name: '各乡镇', kind: 'township' } })).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION' },
    });
  });

  it('republishes a corrected list for a year with tasks: unchanged tasks keep their evidence, a dropped one with work only when confirmed', async () => {
    const first = await h.ok(ADMIN, 'catalog.publish', { text: WITH_PHRASE, years: [2027], ...CHOICES });
    // Work on next year's tasks under the first list: evidence on item 1 (unchanged) and item 9 (to be dropped).
    const kept = 'hetang-2027-1-d0301';
    await withEvidence(h, TOWN_STAFF, 'hetang', kept, '报告.pdf');
    await withEvidence(h, TOWN_STAFF, 'hetang', 'hetang-2027-9-d0131', '目录.pdf');
    await h.ok(TOWN_STAFF, 'report.submit', { taskId: 'hetang-2027-9-d0131', note: '已报送', requestId: 'p-req-0002' });
    const keptBefore = await h.store.getTask('changjiang', kept);
    const keptHistory = await h.store.listHistory('changjiang', kept);

    const preview = await h.ok(ADMIN, 'catalog.preview', { text: CORRECTED, ...CHOICES, years: [2027] });
    const impact = preview.impact?.[0];
    expect(impact?.current.id).toBe(first.catalog.id);
    expect(impact?.items.map((item) => [item.itemNo, item.change])).toEqual([
      [2, 'changed'],
      [9, 'dropped'],
    ]);
    expect(impact?.droppedWithWork).toEqual([
      expect.objectContaining({ id: 'hetang-2027-9-d0131', unitName: '荷塘乡', status: 'submitted', evidenceCount: 1 }),
    ]);
    expect(impact?.dropped).toBeGreaterThan(0);

    const before = h.snapshot();
    const refused = await h.call(ADMIN, 'catalog.publish', { text: CORRECTED, ...CHOICES, years: [2027] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
    expect(!refused.ok && refused.error.message).toContain('荷塘乡第9项');
    expect(h.snapshot()).toBe(before);

    const second = await h.ok(ADMIN, 'catalog.publish', {
      text: CORRECTED,
      ...CHOICES,
      years: [2027],
      confirmDrop: true,
    });
    expect(second.catalog.itemCount).toBe(8);
    // The unchanged task is as it was, its evidence still there.
    expect(await h.store.getTask('changjiang', kept)).toEqual(keptBefore);
    expect(await h.store.listHistory('changjiang', kept)).toEqual(keptHistory);
    expect((await h.ok(TOWN_STAFF, 'tasks.get', { id: kept })).evidence.map((piece) => piece.name)).toEqual([
      '报告.pdf',
    ]);
    // The dropped one is kept with its evidence and history, out of every total.
    const dropped = (await h.store.getTask('changjiang', 'hetang-2027-9-d0131')) as TaskRecord;
    expect(dropped).toMatchObject({ status: 'exempt', exemption: { status: 'approved' } });
    expect(dropped.exemption?.catalogDrop).toMatchObject({ catalogId: second.catalog.id, fromStatus: 'submitted' });
    const detail = await h.ok(TOWN_STAFF, 'tasks.get', { id: 'hetang-2027-9-d0131' });
    expect(detail.evidence).toHaveLength(1);
    expect(detail.item.no).toBe(9);
    expect(detail.history.map((entry) => entry.action)).toContain('catalog.drop');
    expect(detail.can.revokeExemption).toBe(false);
    const summary = await h.ok(ADMIN, 'summary.unit', { unitId: 'hetang', year: 2027 });
    expect(summary.totals.submitted).toBe(0);
    // The first list's item 9 is no task of 2027 any more; the year's list says so.
    const year = await h.ok(TOWN_STAFF, 'catalog.get', { year: 2027 });
    expect(year.items.map((item) => item.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(year.lists.map((list) => [list.id, list.years])).toEqual([
      ['base', null],
      [first.catalog.id, []],
      [second.catalog.id, [2027]],
    ]);

    // Publishing the first list again brings the task back as it was.
    await h.ok(ADMIN, 'catalog.publish', { text: WITH_PHRASE, ...CHOICES, years: [2027] });
    expect(await h.store.getTask('changjiang', 'hetang-2027-9-d0131')).toMatchObject({
      status: 'submitted',
      exemption: null,
    });
  });

  it('takes a changed item’s new particulars on stored tasks, keeping their work and saying so', async () => {
    await h.ok(ADMIN, 'catalog.publish', { text: WITH_PHRASE, years: [2027], ...CHOICES });
    const taskId = 'hetang-2027-4-d1231';
    await withEvidence(h, TOWN_STAFF, 'hetang', taskId);
    const later = WITH_PHRASE.replace('完成时限：12月31日前', '完成时限：11月30日前');
    const preview = await h.ok(ADMIN, 'catalog.preview', { text: later, ...CHOICES, years: [2027] });
    expect(preview.impact?.[0].items).toEqual([expect.objectContaining({ itemNo: 4, change: 'changed', withWork: 1 })]);
    // A deadline moved within the year makes another task (d1231 → d1130): the one with work would go.
    expect(preview.impact?.[0].droppedWithWork.map((task) => task.id)).toEqual([taskId]);

    const retitled = WITH_PHRASE.replace('开展年度法治政府建设督察工作', '开展年度法治政府建设专项督察工作');
    const changed = await h.ok(ADMIN, 'catalog.publish', { text: retitled, ...CHOICES, years: [2027] });
    expect(changed.impact[0].items).toEqual([expect.objectContaining({ itemNo: 4, change: 'changed', withWork: 1 })]);
    const task = await h.ok(TOWN_STAFF, 'tasks.get', { id: taskId });
    expect(task.evidence).toHaveLength(1);
    expect(task.item.text).toContain('专项督察');
    expect(task.history.at(-1)).toMatchObject({ action: 'catalog.update', actionLabel: '任务清单调整' });
  });
});
