import ExcelJS from 'exceljs';
import type { IsoDate } from '../../src/core/dates';
import type { Rates } from '../../src/core/rates';
import { STATUS_LABEL, type TaskStatus } from '../../src/core/status';

/** Everything the district status workbook shows, gathered beforehand: the builder reads nothing else. */
export interface DistrictWorkbookData {
  districtName: string;
  year: number;
  asOf: IsoDate;
  generatedAt: Date;
  totals: Rates;
  /** Ranked as the leaders' dashboard ranks them (too few tasks due: unranked, after). */
  units: Array<Rates & { name: string; kindLabel: string; rank: number | null }>;
  /** 一级指标 each followed by its 二级指标. */
  indicators: Array<Rates & { level: 1 | 2; label: string }>;
  overdue: Array<{
    unitName: string;
    itemNo: number;
    title: string;
    label: string;
    dueDate: IsoDate;
    daysOverdue: number;
  }>;
  tasks: Array<{
    unitName: string;
    itemNo: number;
    title: string;
    label: string;
    dueDate: IsoDate;
    status: TaskStatus;
    firstSubmittedOn: IsoDate | null;
    reviewedOn: IsoDate | null;
    reviewComment: string | null;
    evidenceCount: number;
    /** The due date before an approved 延期, if one moved it. */
    originalDueDate: IsoDate | null;
    /** 不涉及 or 延期, in words: what the lead unit agreed, and why. */
    remark: string;
  }>;
  /** The tasks agreed 不涉及, with their reasons: in no total and no rate. */
  exemptions: Array<{
    unitName: string;
    itemNo: number;
    title: string;
    label: string;
    reason: string;
    decidedOn: IsoDate | null;
    decidedByName: string | null;
  }>;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const SHEET_NAMES = ['总览', '按单位', '按指标', '逾期清单', '明细', '不涉及清单'] as const;
const PERCENT = '0.0%';
const DATE = 'yyyy-mm-dd';

type Format = 'percent' | 'date' | 'text' | 'number';
type Column = { header: string; width: number; format?: Format };
type Cell = string | number | Date | null;

export function districtWorkbookName(data: Pick<DistrictWorkbookData, 'districtName' | 'year' | 'asOf'>): string {
  return `${data.districtName}法治政府建设任务进展_${data.year}年_截至${data.asOf}.xlsx`;
}

/** A calendar date as an Excel date: midnight UTC of that day, so no zone moves it. */
export function excelDate(date: IsoDate | null): Date | null {
  if (!date) return null;
  return new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))));
}

function addTable(workbook: ExcelJS.Workbook, name: string, columns: Column[], rows: Cell[][]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({ width: column.width }));
  const header = sheet.addRow(columns.map((column) => column.header));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  });
  for (const values of rows) {
    const row = sheet.addRow(values);
    columns.forEach((column, index) => {
      const cell = row.getCell(index + 1);
      if (column.format === 'percent') cell.numFmt = PERCENT;
      if (column.format === 'date') cell.numFmt = DATE;
      if (column.format === 'text') cell.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  if (rows.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return sheet;
}

const RATE_COLUMNS: Column[] = [
  { header: '任务数', width: 8 },
  { header: '已到期', width: 8 },
  { header: '已完成', width: 8 },
  { header: '待审核', width: 8 },
  { header: '已退回', width: 8 },
  { header: '逾期', width: 8 },
  { header: '完成率', width: 10, format: 'percent' },
  { header: '报送率', width: 10, format: 'percent' },
  { header: '按时率', width: 10, format: 'percent' },
  { header: '待报送', width: 8 },
  { header: '不涉及', width: 8 },
];

function rateCells(rates: Rates): Cell[] {
  const { total, due, approved, submitted, returned, overdue } = rates;
  return [
    total,
    due,
    approved,
    submitted,
    returned,
    overdue,
    rates.completionRate,
    rates.reportRate,
    rates.onTimeRate,
    rates.pending,
    rates.exempt,
  ];
}

function addOverview(workbook: ExcelJS.Workbook, data: DistrictWorkbookData): void {
  const { totals } = data;
  const rows: Array<[string, Cell, Format?]> = [
    ['区', data.districtName],
    ['年度', data.year],
    ['统计截至', excelDate(data.asOf), 'date'],
    ['任务总数', totals.total],
    ['已到期', totals.due],
    ['已完成', totals.approved],
    ['待审核', totals.submitted],
    ['已退回', totals.returned],
    ['未报送', totals.pending],
    ['不涉及（不计入任务总数）', totals.exempt],
    ['逾期', totals.overdue],
    ['完成率', totals.completionRate, 'percent'],
    ['报送率', totals.reportRate, 'percent'],
    ['按时报送率', totals.onTimeRate, 'percent'],
  ];
  const sheet = addTable(
    workbook,
    '总览',
    [
      { header: '项目', width: 14 },
      { header: '数值', width: 48 },
    ],
    [],
  );
  for (const [label, value, format] of rows) {
    const cell = sheet.addRow([label, value]).getCell(2);
    cell.alignment = { horizontal: 'left' };
    if (format === 'percent') cell.numFmt = PERCENT;
    if (format === 'date') cell.numFmt = DATE;
  }
  sheet.addRow([]);
  sheet.addRow(['说明', OVERVIEW_NOTE]).getCell(2).alignment = { wrapText: true, vertical: 'top' };
}

const OVERVIEW_NOTE =
  '任务总数＝已完成＋待审核＋已退回＋未报送；经牵头单位同意“不涉及”的任务不计入任何总数和比率（见“不涉及清单”）。' +
  '完成率＝已完成（审核通过）÷任务总数；报送率＝（待审核＋已完成）÷任务总数；' +
  '按时报送率＝已到期任务中在截止日期前首次报送的比例；逾期＝截止日期已过、尚未报送或被退回后未重新报送；' +
  '经同意延期的任务按新的截止日期计算。已到期任务不足3项的单位不参与排名。';

/** The district status workbook (.xlsx): 总览, 按单位, 按指标, 逾期清单, 明细. */
export async function buildDistrictWorkbook(data: DistrictWorkbookData): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '法治政府建设任务清单';
  workbook.created = data.generatedAt;
  workbook.modified = data.generatedAt;
  addOverview(workbook, data);
  addTable(
    workbook,
    '按单位',
    [{ header: '排名', width: 6 }, { header: '单位', width: 24 }, { header: '类别', width: 11 }, ...RATE_COLUMNS],
    data.units.map((unit) => [unit.rank ?? '不排名', unit.name, unit.kindLabel, ...rateCells(unit)]),
  );
  const indicators = addTable(
    workbook,
    '按指标',
    [{ header: '层级', width: 6 }, { header: '指标', width: 46, format: 'text' }, ...RATE_COLUMNS],
    data.indicators.map((row) => [row.level === 1 ? '一级' : '二级', row.label, ...rateCells(row)]),
  );
  data.indicators.forEach((row, index) => {
    const line = indicators.getRow(index + 2);
    if (row.level === 1) line.font = { bold: true };
    else line.getCell(2).alignment = { indent: 2, wrapText: true, vertical: 'top' };
  });
  addTable(
    workbook,
    '逾期清单',
    [
      { header: '单位', width: 24 },
      { header: '序号', width: 6 },
      { header: '任务', width: 34, format: 'text' },
      { header: '事项', width: 26, format: 'text' },
      { header: '截止日期', width: 12, format: 'date' },
      { header: '逾期天数', width: 10 },
    ],
    data.overdue.map((task) => [
      task.unitName,
      task.itemNo,
      task.title,
      task.label,
      excelDate(task.dueDate),
      task.daysOverdue,
    ]),
  );
  addTable(
    workbook,
    '明细',
    [
      { header: '单位', width: 24 },
      { header: '序号', width: 6 },
      { header: '任务', width: 34, format: 'text' },
      { header: '事项', width: 26, format: 'text' },
      { header: '截止日期', width: 12, format: 'date' },
      { header: '状态', width: 8 },
      { header: '首次报送日期', width: 13, format: 'date' },
      { header: '审核日期', width: 12, format: 'date' },
      { header: '审核意见', width: 30, format: 'text' },
      { header: '材料数', width: 8 },
      { header: '原定截止日期', width: 13, format: 'date' },
      { header: '说明', width: 36, format: 'text' },
    ],
    data.tasks.map((task) => [
      task.unitName,
      task.itemNo,
      task.title,
      task.label,
      excelDate(task.dueDate),
      STATUS_LABEL[task.status],
      excelDate(task.firstSubmittedOn),
      excelDate(task.reviewedOn),
      task.reviewComment ?? '',
      task.evidenceCount,
      excelDate(task.originalDueDate),
      task.remark,
    ]),
  );
  addTable(
    workbook,
    '不涉及清单',
    [
      { header: '单位', width: 24 },
      { header: '序号', width: 6 },
      { header: '任务', width: 34, format: 'text' },
      { header: '事项', width: 26, format: 'text' },
      { header: '不涉及理由', width: 40, format: 'text' },
      { header: '同意日期', width: 12, format: 'date' },
      { header: '同意人', width: 12 },
    ],
    data.exemptions.map((row) => [
      row.unitName,
      row.itemNo,
      row.title,
      row.label,
      row.reason,
      excelDate(row.decidedOn),
      row.decidedByName ?? '',
    ]),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
