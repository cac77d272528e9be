import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { API_HANDLERS } from '../../server/handlers';
import { EXPORT_HANDLERS } from '../../server/handlers/exportHandlers';
import { daysBetween } from '../../src/core/dates';
import type { TaskRecord } from '../../src/core/model';
import { ratesOf } from '../../src/core/rates';
import { isOverdue } from '../../src/core/status';
import { createHarness, storeSnapshot, type Harness } from '../support/apiHarness';
import { makePdf, makePng } from '../support/sampleFiles';

const NOW = '2026-11-28T02:00:00.000Z';
const AS_OF = '2026-11-28';
const STAFF = 'x-staff-xijiao';
const OTHER_STAFF = 'x-staff-hetang';
const REVIEWER = 'x-reviewer-sfj';
const LEADER = 'x-leader';
const ADMIN = 'x-admin';

const NOTES = {
  approved: '已将述法工作纳入年度考核，主要负责人在全委会上述法。',
  returned: '主要负责人专题研究法治政府建设三次。',
  submitted: '将法治政府建设情况纳入法治督察，开展督察一次。',
};

/** The headers of each sheet, in order. */
const HEADERS: Record<string, string[]> = {
  总览: ['项目', '数值'],
  按单位: [
    '排名',
    '单位',
    '类别',
    '任务数',
    '已到期',
    '已完成',
    '待审核',
    '已退回',
    '逾期',
    '完成率',
    '报送率',
    '按时率',
    '待报送',
    '不涉及',
  ],
  按指标: [
    '层级',
    '指标',
    '任务数',
    '已到期',
    '已完成',
    '待审核',
    '已退回',
    '逾期',
    '完成率',
    '报送率',
    '按时率',
    '待报送',
    '不涉及',
  ],
  逾期清单: ['单位', '序号', '任务', '事项', '截止日期', '逾期天数'],
  明细: [
    '单位',
    '序号',
    '任务',
    '事项',
    '截止日期',
    '状态',
    '首次报送日期',
    '审核日期',
    '审核意见',
    '材料数',
    '原定截止日期',
    '说明',
  ],
  不涉及清单: ['单位', '序号', '任务', '事项', '不涉及理由', '同意日期', '同意人'],
};

const utcDate = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const rowValues = (row: ExcelJS.Row) => (row.values as unknown[]).slice(1);
const dataRows = (sheet: ExcelJS.Worksheet) => sheet.getRows(2, Math.max(0, sheet.rowCount - 1)) ?? [];

async function openWorkbook(h: Harness, fileId: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(h.files.bytes(fileId) as never);
  return workbook;
}

describe('exports: the district workbook and the annual report draft', () => {
  let h: Harness;
  let tasks: Record<'approved' | 'returned' | 'submitted', string>;
  let unitNames: Map<string, string>;

  beforeAll(async () => {
    h = await createHarness({ now: NOW, handlers: { ...API_HANDLERS, ...EXPORT_HANDLERS } });
    await h.addUser(STAFF, 'staff', 'xijiao');
    await h.addUser(OTHER_STAFF, 'staff', 'hetang');
    await h.addUser(REVIEWER, 'reviewer', 'sfj');
    await h.addUser(LEADER, 'leader', 'zfb');
    await h.addUser(ADMIN, 'admin', 'sfj');
    const list = await h.ok(STAFF, 'tasks.list', { year: 2026 });
    const idOf = (itemNo: number) => list.tasks.find((task: { itemNo: number }) => task.itemNo === itemNo)!.id;
    tasks = { approved: idOf(2), returned: idOf(3), submitted: idOf(4) };
    const addEvidence = (taskId: string, bytes: Buffer, name: string, mime: string) =>
      h.ok(STAFF, 'evidence.add', {
        taskId,
        fileId: h.files.put('changjiang', bytes, mime),
        name,
        size: bytes.length,
        mime,
      });
    await addEvidence(tasks.approved, makePng(40, 30, 7), '述法会现场.png', 'image/png');
    await addEvidence(tasks.approved, makePdf(), '述法工作方案.pdf', 'application/pdf');
    await addEvidence(tasks.returned, Buffer.from('not really a png'), '损坏的照片.png', 'image/png');
    for (const [status, taskId] of Object.entries(tasks)) {
      await h.ok(STAFF, 'report.submit', {
        taskId,
        note: NOTES[status as keyof typeof NOTES],
        requestId: `export-req-${status}`,
      });
    }
    await h.ok(REVIEWER, 'report.review', { taskId: tasks.approved, decision: 'approve' });
    await h.ok(REVIEWER, 'report.review', { taskId: tasks.returned, decision: 'return', comment: '请补充会议纪要' });
    const other = await h.ok(OTHER_STAFF, 'tasks.list', { year: 2026 });
    await h.ok(OTHER_STAFF, 'report.submit', {
      taskId: other.tasks[5].id,
      note: '荷塘乡已完成',
      requestId: 'export-req-hetang',
    });
    unitNames = new Map((await h.store.listUnits('changjiang')).map((unit) => [unit.id, unit.name]));
  }, 60_000);

  afterAll(async () => h.close());

  const yearTasks = () => h.yearTasks({ year: 2026 });

  describe('export.xlsx', () => {
    let workbook: ExcelJS.Workbook;
    let summary: any;
    let reply: any;

    beforeAll(async () => {
      reply = await h.ok(LEADER, 'export.xlsx', { year: 2026 });
      summary = await h.ok(LEADER, 'summary.district', { year: 2026 });
      workbook = await openWorkbook(h, reply.fileId);
    }, 60_000);

    it('answers with the file, a link and a name that says what and when', () => {
      expect(reply).toEqual({
        fileId: expect.any(String),
        url: `memory://${reply.fileId}`,
        name: '昌江区法治政府建设任务进展_2026年_截至2026-11-28.xlsx',
      });
      expect(h.files.saved.get(reply.fileId)).toBe(reply.name);
    });

    it('has its sheets in order, each with its Chinese headers in a frozen first row', () => {
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(Object.keys(HEADERS));
      for (const sheet of workbook.worksheets) {
        expect([sheet.name, rowValues(sheet.getRow(1))]).toEqual([sheet.name, HEADERS[sheet.name]]);
        expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
        const widths = HEADERS[sheet.name].map((_, index) => sheet.getColumn(index + 1).width ?? 0);
        expect(Math.min(...widths)).toBeGreaterThanOrEqual(6);
        expect(Math.max(...widths)).toBeGreaterThanOrEqual(24);
      }
    });

    it('states the district, year, date and rates of 总览 as summary.district does', () => {
      const sheet = workbook.getWorksheet('总览') as ExcelJS.Worksheet;
      const byLabel = new Map(dataRows(sheet).map((row) => [row.getCell(1).value, row.getCell(2)]));
      expect(byLabel.get('区')?.value).toBe('昌江区');
      expect(byLabel.get('年度')?.value).toBe(2026);
      expect(byLabel.get('统计截至')?.value).toEqual(utcDate(AS_OF));
      expect(byLabel.get('统计截至')?.numFmt).toBe('yyyy-mm-dd');
      const { totals } = summary;
      const expected: Record<string, number> = {
        任务总数: totals.total,
        已到期: totals.due,
        已完成: totals.approved,
        待审核: totals.submitted,
        已退回: totals.returned,
        未报送: totals.pending,
        逾期: totals.overdue,
        完成率: totals.completionRate,
        报送率: totals.reportRate,
        按时报送率: totals.onTimeRate,
      };
      for (const [label, value] of Object.entries(expected)) {
        expect([label, byLabel.get(label)?.value]).toEqual([label, value]);
      }
      for (const label of ['完成率', '报送率', '按时报送率']) expect(byLabel.get(label)?.numFmt).toBe('0.0%');
      expect(totals.approved).toBe(1);
      expect(totals.submitted).toBe(2);
      expect(totals.returned).toBe(1);
    });

    it('ranks every unit as the dashboard does, with the counts of the store', async () => {
      const sheet = workbook.getWorksheet('按单位') as ExcelJS.Worksheet;
      const rows = dataRows(sheet);
      expect(rows.map((row) => row.getCell(2).value)).toEqual(summary.units.map((unit: any) => unit.name));
      const byUnit = new Map<string, TaskRecord[]>();
      for (const task of await yearTasks()) byUnit.set(task.unitId, [...(byUnit.get(task.unitId) ?? []), task]);
      expect(rows).toHaveLength(byUnit.size);
      for (const [index, row] of rows.entries()) {
        const unit = summary.units[index];
        const rates = ratesOf(byUnit.get(unit.unitId) ?? [], AS_OF);
        const { total, due, approved, submitted, returned, overdue } = rates;
        expect([unit.name, rowValues(row).slice(3, 9)]).toEqual([
          unit.name,
          [total, due, approved, submitted, returned, overdue],
        ]);
        // Ranked as the dashboard ranks (1, 2 …); too few tasks due: 不排名, after the ranked.
        expect(row.getCell(1).value).toBe(unit.ranked ? index + 1 : '不排名');
        expect(row.getCell(10).value).toBeCloseTo(rates.completionRate, 4);
        expect(row.getCell(12).value).toBeCloseTo(rates.onTimeRate, 4);
        for (const column of [10, 11, 12]) expect(row.getCell(column).numFmt).toBe('0.0%');
      }
      const xijiao = rows.find((row) => row.getCell(2).value === '西郊街道') as ExcelJS.Row;
      expect(rowValues(xijiao).slice(2, 9)).toEqual(['街道', 43, expect.any(Number), 1, 1, 1, expect.any(Number)]);
    });

    it('lists the six 一级 and 24 二级指标, 二级 set in under their 一级', () => {
      const sheet = workbook.getWorksheet('按指标') as ExcelJS.Worksheet;
      const rows = dataRows(sheet);
      expect(rows.filter((row) => row.getCell(1).value === '一级')).toHaveLength(6);
      expect(rows.filter((row) => row.getCell(1).value === '二级')).toHaveLength(24);
      expect(rows[0].getCell(2).value).toBe('一、坚持党对法治政府建设的领导');
      expect(rows[1].getCell(2).value).toBe('（一）认真落实党委统一领导法治政府建设');
      expect(rows[1].getCell(2).alignment?.indent).toBeGreaterThan(0);
      expect(rowValues(rows[0]).slice(2, 8)).toEqual([
        summary.indicators[0].total,
        summary.indicators[0].due,
        summary.indicators[0].approved,
        summary.indicators[0].submitted,
        summary.indicators[0].returned,
        summary.indicators[0].overdue,
      ]);
      expect(rows[0].getCell(9).numFmt).toBe('0.0%');
    });

    it('lists every overdue task, most overdue first, as many as summary.district counts', async () => {
      const sheet = workbook.getWorksheet('逾期清单') as ExcelJS.Worksheet;
      const rows = dataRows(sheet);
      expect(rows).toHaveLength(summary.overdueCount);
      const overdue = (await yearTasks()).filter((task) => isOverdue(task, AS_OF));
      expect(overdue.length).toBe(summary.overdueCount);
      expect(overdue.length).toBeGreaterThan(0);
      const listed = new Set(
        rows.map((row) =>
          [
            row.getCell(1).value,
            row.getCell(2).value,
            row.getCell(4).value,
            (row.getCell(5).value as Date).toISOString(),
          ].join('|'),
        ),
      );
      for (const task of overdue) {
        const key = [unitNames.get(task.unitId), task.itemNo, task.label, utcDate(task.dueDate).toISOString()].join(
          '|',
        );
        expect(listed.has(key)).toBe(true);
      }
      const days = rows.map((row) => row.getCell(6).value as number);
      expect(days).toEqual([...days].sort((a, b) => b - a));
      const first = overdue.find((task) => daysBetween(task.dueDate, AS_OF) === days[0]);
      expect(first).toBeDefined();
      expect(rows[0].getCell(5).numFmt).toBe('yyyy-mm-dd');
    });

    it('has a row in 明细 for every task of the year, its status in Chinese and its review', async () => {
      const sheet = workbook.getWorksheet('明细') as ExcelJS.Worksheet;
      const rows = dataRows(sheet);
      expect(rows).toHaveLength((await yearTasks()).length);
      expect(new Set(rows.map((row) => row.getCell(6).value))).toEqual(
        new Set(['待报送', '待审核', '已通过', '已退回']),
      );
      const ofXijiao = (itemNo: number) =>
        rows.find((row) => row.getCell(1).value === '西郊街道' && row.getCell(2).value === itemNo) as ExcelJS.Row;
      const approved = ofXijiao(2);
      expect(approved.getCell(6).value).toBe('已通过');
      expect(approved.getCell(7).value).toEqual(utcDate(AS_OF));
      expect(approved.getCell(8).value).toEqual(utcDate(AS_OF));
      expect(approved.getCell(7).numFmt).toBe('yyyy-mm-dd');
      expect(approved.getCell(10).value).toBe(2);
      expect(ofXijiao(3).getCell(9).value).toBe('请补充会议纪要');
      expect(ofXijiao(4).getCell(6).value).toBe('待审核');
    });

    it('is open to the admin too', async () => {
      const data = await h.ok(ADMIN, 'export.xlsx', { year: 2026, asOf: '2026-06-30' });
      expect(data.name).toBe('昌江区法治政府建设任务进展_2026年_截至2026-06-30.xlsx');
      const sheet = (await openWorkbook(h, data.fileId)).getWorksheet('总览') as ExcelJS.Worksheet;
      expect(sheet.getRow(4).getCell(2).value).toEqual(utcDate('2026-06-30'));
    });
  });

  describe('report.annual', () => {
    let reply: any;
    let docx: Buffer;
    let text: string;

    beforeAll(async () => {
      reply = await h.ok(STAFF, 'report.annual', { unitId: 'xijiao', year: 2026 });
      docx = h.files.bytes(reply.fileId) as Buffer;
      text = (await mammoth.extractRawText({ buffer: docx })).value;
    }, 60_000);

    it('is named after the unit and the year', () => {
      expect(reply).toEqual({
        fileId: expect.any(String),
        url: expect.stringMatching(/^memory:\/\//),
        name: '西郊街道_2026年度法治政府建设情况报告（草稿）.docx',
      });
      expect(text).toContain('西郊街道2026年度法治政府建设情况报告（草稿）');
    });

    it('has a heading per 一级指标 and for what is overdue, with the unit’s tasks, notes and evidence', async () => {
      const { value: html } = await mammoth.convertToHtml({ buffer: docx });
      const headings = [...html.matchAll(/<h1>(.*?)<\/h1>/g)].map((match) => match[1]);
      const catalog = (await h.store.getDistrict('changjiang'))?.catalog;
      const own = (await yearTasks()).filter((task) => task.unitId === 'xijiao');
      const level1s = catalog?.indicators.filter((level1) => own.some((task) => task.level1 === level1.no)) ?? [];
      expect(
        headings.slice(0, level1s.length).map((heading) => heading.replace(/^[一二三四五六七八九十]+、/, '')),
      ).toEqual(level1s.map((level1) => level1.name));
      expect(headings).toContain(`${'一二三四五六七八九十'[level1s.length]}、未按期完成的事项`);
      for (const note of Object.values(NOTES)) expect(text).toContain(note);
      expect(text).toMatch(/第2项 .*：已通过/);
      expect(text).toMatch(/第3项 .*：已退回/);
      expect(text).toContain('请补充会议纪要');
      for (const name of ['述法会现场.png', '述法工作方案.pdf', '损坏的照片.png']) expect(text).toContain(name);
    });

    it('states each overdue item plainly', async () => {
      const overdue = (await yearTasks()).filter((task) => task.unitId === 'xijiao' && isOverdue(task, AS_OF));
      expect(overdue.length).toBeGreaterThan(0);
      for (const task of overdue) {
        expect(text).toContain(
          `（${task.label}）：截止日期${task.dueDate}，已逾期${daysBetween(task.dueDate, AS_OF)}天`,
        );
      }
    });

    it('embeds the photo as a thumbnail and leaves out what is not a picture', async () => {
      const zip = await JSZip.loadAsync(docx);
      const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/'));
      expect(media).toHaveLength(1);
      const documentXml = await zip.file('word/document.xml')?.async('string');
      expect(documentXml).toContain('<wp:extent cx="1524000" cy="1143000"/>'); // 160 × 120 px
    });

    it('carries on when a photo cannot be read', async () => {
      const read = jest.spyOn(h.files, 'read').mockRejectedValue(new Error('gone'));
      try {
        const data = await h.ok(STAFF, 'report.annual', { unitId: 'xijiao', year: 2026 });
        const zip = await JSZip.loadAsync(h.files.bytes(data.fileId) as Buffer);
        expect(Object.keys(zip.files).some((name) => name.startsWith('word/media/'))).toBe(false);
        expect((await mammoth.extractRawText({ buffer: h.files.bytes(data.fileId) as Buffer })).value).toContain(
          '述法会现场.png',
        );
      } finally {
        read.mockRestore();
      }
    });

    it('says 无 when nothing is overdue', async () => {
      const data = await h.ok(LEADER, 'report.annual', { unitId: 'xijiao', year: 2027 });
      const raw = (await mammoth.extractRawText({ buffer: h.files.bytes(data.fileId) as Buffer })).value;
      expect(raw).toMatch(/未按期完成的事项\s+无。/);
    });

    it('is open to leaders, the admin and the unit’s own people', async () => {
      for (const openid of [LEADER, ADMIN, STAFF]) {
        expect(await h.call(openid, 'report.annual', { unitId: 'xijiao', year: 2026 })).toMatchObject({ ok: true });
      }
    });
  });

  describe('refusals change nothing', () => {
    const refused: Array<[string, string, unknown]> = [
      ['staff', 'export.xlsx', { year: 2026 }],
      ['reviewer', 'export.xlsx', { year: 2026 }],
      ['staff of another unit', 'report.annual', { unitId: 'xijiao', year: 2026 }],
      ['reviewer of another unit', 'report.annual', { unitId: 'xijiao', year: 2026 }],
    ];
    const callers: Record<string, string> = {
      staff: STAFF,
      reviewer: REVIEWER,
      'staff of another unit': OTHER_STAFF,
      'reviewer of another unit': REVIEWER,
    };
    for (const [who, action, payload] of refused) {
      it(`${who}: ${action} is FORBIDDEN`, async () => {
        const before = storeSnapshot(h.sqlite);
        const saved = h.files.saved.size;
        const reply = await h.call(callers[who], action, payload);
        expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } });
        expect(storeSnapshot(h.sqlite)).toBe(before);
        expect(h.files.saved.size).toBe(saved);
      });
    }

    it('answers NOT_FOUND for a unit that does not exist', async () => {
      expect(await h.call(LEADER, 'report.annual', { unitId: 'nowhere', year: 2026 })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    });
  });
});
