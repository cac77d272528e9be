import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { API_HANDLERS } from '../../server/handlers';
import { EXPORT_HANDLERS } from '../../server/handlers/exportHandlers';
import { createHarness, type Harness } from '../support/apiHarness';

const STAFF = 'e-staff-xijiao';
const REVIEWER = 'e-reviewer-sfj';
const LEADER = 'e-leader';

const EXEMPT = 'xijiao-2026-15-annual';
const EXTENDED = 'xijiao-2026-2-annual';
const ASKED = 'xijiao-2026-3-annual';

const dataRows = (sheet: ExcelJS.Worksheet) => sheet.getRows(2, Math.max(0, sheet.rowCount - 1)) ?? [];

/** The exports say what was agreed: 不涉及 with its reason, 延期 with the original date, 领导批示. */
describe('exports with 不涉及, 延期 and 领导批示', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness({ now: '2026-11-28T02:00:00.000Z', handlers: { ...API_HANDLERS, ...EXPORT_HANDLERS } });
    await h.addUser(STAFF, 'staff', 'xijiao', '王经办');
    await h.addUser(REVIEWER, 'reviewer', 'sfj', '李审核');
    await h.addUser(LEADER, 'leader', 'zfb', '赵区长');
    await h.ok(STAFF, 'exemption.request', { taskId: EXEMPT, reason: '本街道不承担该系统执法职能' });
    await h.ok(REVIEWER, 'exemption.decide', { taskId: EXEMPT, decision: 'approve' });
    await h.ok(STAFF, 'extension.request', { taskId: EXTENDED, dueDate: '2027-01-31', reason: '述法会议安排在一月' });
    await h.ok(REVIEWER, 'extension.decide', { taskId: EXTENDED, decision: 'approve' });
    await h.ok(STAFF, 'exemption.request', { taskId: ASKED, reason: '待定' });
    await h.ok(LEADER, 'instruction.add', { unitId: 'xijiao', text: '年底前务必全部报送' });
    await h.ok(LEADER, 'instruction.add', { taskId: EXTENDED, text: '延期后请按新日期完成' });
  }, 60_000);

  afterAll(async () => h.close());

  it('the workbook lists the exemption with its reason, counts it apart, and shows the moved date', async () => {
    const reply = await h.ok(LEADER, 'export.xlsx', { year: 2026 });
    const summary = await h.ok(LEADER, 'summary.district', { year: 2026 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(h.files.bytes(reply.fileId) as never);

    const exemptions = dataRows(workbook.getWorksheet('不涉及清单') as ExcelJS.Worksheet);
    expect(exemptions.map((row) => [row.getCell(1).value, row.getCell(2).value, row.getCell(5).value])).toEqual([
      ['西郊街道', 15, '本街道不承担该系统执法职能'],
    ]);
    expect(exemptions[0].getCell(7).value).toBe('李审核');

    const overview = dataRows(workbook.getWorksheet('总览') as ExcelJS.Worksheet);
    const byLabel = new Map(overview.map((row) => [row.getCell(1).value, row.getCell(2).value]));
    expect(byLabel.get('不涉及（不计入任务总数）')).toBe(1);
    expect(byLabel.get('任务总数')).toBe(summary.totals.total);
    expect(summary.totals.exempt).toBe(1);

    const detail = dataRows(workbook.getWorksheet('明细') as ExcelJS.Worksheet);
    const of = (itemNo: number) =>
      detail.find((row) => row.getCell(1).value === '西郊街道' && row.getCell(2).value === itemNo) as ExcelJS.Row;
    expect(of(15).getCell(6).value).toBe('不涉及');
    expect(of(15).getCell(12).value).toContain('本街道不承担该系统执法职能');
    expect(of(2).getCell(5).value).toEqual(new Date('2027-01-31T00:00:00.000Z'));
    expect(of(2).getCell(11).value).toEqual(new Date('2026-12-31T00:00:00.000Z'));
    expect(of(2).getCell(12).value).toContain('经同意延期');
    expect(of(3).getCell(12).value).toContain('不涉及申请待牵头单位审批');
  });

  it('the annual report leaves the exemption out of its counts, lists it with its reason, and has the instructions', async () => {
    const reply = await h.ok(STAFF, 'report.annual', { unitId: 'xijiao', year: 2026 });
    const text = (await mammoth.extractRawText({ buffer: h.files.bytes(reply.fileId) as Buffer })).value;
    expect(text).toContain('另有1个事项经牵头单位同意不涉及');
    expect(text).toMatch(/经同意不涉及的事项\s+第15项 .*不涉及。理由：本街道不承担该系统执法职能/);
    expect(text).toContain('经同意延期，截止日期由2026-12-31调整为2027-01-31');
    expect(text).toMatch(/领导批示及落实\s+2026-11-28，赵区长批示：年底前务必全部报送/);
    expect(text).toContain('赵区长就第2项（2026年度落实情况）批示：延期后请按新日期完成');
    // The exempt task is in no section of its indicator: only in the list of exemptions.
    expect(text.split('第15项').length - 1).toBe(1);
  });
});
