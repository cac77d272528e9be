import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import type { Page } from 'playwright-core';
import { withScreenshot } from './browser';
import { setUpLocalCloud } from './localCloud';

/** The files a leader and a clerk take away: the district workbook and the unit's annual report draft. */
describe('exports from the app', () => {
  const app = setUpLocalCloud();

  /** Taps the button and fetches the file the app opens (a new tab in H5). */
  async function fileFrom(page: Page, label: string | RegExp): Promise<Buffer> {
    const [request] = await Promise.all([
      page
        .context()
        .waitForEvent('request', { predicate: (candidate) => candidate.url().includes('/files/'), timeout: 60_000 }),
      page.getByText(label).click(),
    ]);
    const url = request.url();
    expect(url).toMatch(/\/files\/local-[0-9a-f]{24}\?e=\d+&s=[0-9a-f]{64}$/);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  }

  /** A sheet's header row, as text. */
  const headers = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as unknown[]).slice(1).map(String);

  it('区领导 exports the district workbook from 全区进展, with the 不涉及 agreed listed apart', async () => {
    // 西郊街道 asks for 不涉及 on a task of 区司法局's item, and 区司法局 agrees.
    const { tasks } = await app.api('demo-staff-xijiao', 'tasks.list', {});
    let exempted: any = null;
    for (const task of tasks.filter((candidate: any) => candidate.status === 'pending')) {
      const detail = await app.api('demo-staff-xijiao', 'tasks.get', { id: task.id });
      if (!detail.task.reviewerUnits.includes('区司法局') || !detail.can.requestExemption) continue;
      exempted = task;
      break;
    }
    expect(exempted).not.toBeNull();
    const reason = '本街道没有这项职能';
    await app.api('demo-staff-xijiao', 'exemption.request', { taskId: exempted.id, reason });
    await app.api('demo-reviewer-sfj', 'exemption.decide', { taskId: exempted.id, decision: 'approve' });

    const page = await app.phoneAs('demo-leader');
    await withScreenshot(page, 'export-xlsx', async () => {
      await page.goto(`${app.url}/#/packages/leader/pages/dashboard/index`);
      const bytes = await fileFrom(page, '导出 Excel');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
        '总览',
        '按单位',
        '按指标',
        '逾期清单',
        '明细',
        '不涉及清单',
      ]);
      const units = workbook.getWorksheet('按单位')!;
      expect(units.rowCount).toBeGreaterThan(20);
      expect(headers(units)).toEqual(expect.arrayContaining(['待报送', '不涉及']));
      expect(headers(workbook.getWorksheet('明细')!)).toContain('原定截止日期');
      const exemptions = workbook.getWorksheet('不涉及清单')!;
      expect(headers(exemptions)).toEqual(['单位', '序号', '任务', '事项', '不涉及理由', '同意日期', '同意人']);
      const rows = exemptions.getSheetValues().slice(2) as unknown[][];
      expect(rows.map((row) => [row[1], row[2], row[5]])).toContainEqual(['西郊街道', exempted.itemNo, reason]);
    });
  }, 120_000);

  it('a clerk makes the unit’s annual report draft from 本单位进展', async () => {
    const page = await app.phoneAs('demo-staff-xijiao');
    await withScreenshot(page, 'export-docx', async () => {
      await page.goto(`${app.url}/#/packages/leader/pages/unit/index?unitId=xijiao`);
      const bytes = await fileFrom(page, /年度报告（草稿）/);
      const { value: text } = await mammoth.extractRawText({ buffer: bytes });
      expect(text).toContain('西郊街道');
      expect(text).toContain('法治政府建设情况报告');
    });
  }, 120_000);
});
