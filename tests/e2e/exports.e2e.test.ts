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

  it('区领导 exports the district workbook from 全区进展', async () => {
    const page = await app.phoneAs('demo-leader');
    await withScreenshot(page, 'export-xlsx', async () => {
      await page.goto(`${app.url}/#/packages/leader/pages/dashboard/index`);
      const bytes = await fileFrom(page, '导出 Excel');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['总览', '按单位', '按指标', '逾期清单', '明细']);
      expect(workbook.getWorksheet('按单位')!.rowCount).toBeGreaterThan(20);
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
