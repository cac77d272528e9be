import { isIsoDate, makeDate } from '../dates';
import { parseChineseNumber } from './chineseNumber';
import { deriveSchedule } from './deriveSchedule';
import type {
  Catalog,
  CatalogItem,
  CatalogSource,
  IndicatorLevel1,
  IndicatorLevel2,
  RawDocument,
  RawRow,
} from './types';
import { splitUnitPhrases } from './unitPhrases';

export class CatalogImportError extends Error {
  constructor(
    message: string,
    readonly line: number | null,
  ) {
    super(message);
    this.name = 'CatalogImportError';
  }
}

const COLUMNS = '一级指标、二级指标、序号、评价指标、牵头单位、责任单位';
const LEVEL1 = /^([一二三四五六七八九十]+)、\s*(.+)$/s;
const LEVEL2 = /^[（(]([一二三四五六七八九十]+)[）)]\s*(.+)$/s;
const ITEM_NO = /^\d+$/;

function where(format: RawDocument['format'], line: number): string {
  return format === 'docx' ? `表格第${line}行` : `第${line}行`;
}

function clean(cell: string): string {
  return cell.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
}

function sourceOf(preamble: string[]): CatalogSource {
  const text = preamble.join('\n');
  const docNo = /[\u4e00-\u9fa5]+字〔\d{4}〕\d+号/.exec(text)?.[0] ?? '';
  const dateMatch = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(text);
  let issuedDate: string | null = null;
  if (dateMatch) {
    const candidate = makeDate(Number(dateMatch[1]), Number(dateMatch[2]), Number(dateMatch[3]));
    issuedDate = isIsoDate(candidate) ? candidate : null;
  }
  const title = preamble.find((line) => line.endsWith('任务清单') && !line.includes('关于')) ?? '';
  return { title, docNo, issuedDate };
}

/** A short title for lists: the first clause that says what is done, not when. */
export function shortTitle(text: string, maxLength = 22): string {
  const firstSentence = text.split(/[。；]/)[0];
  const parts = firstSentence.split(/[，,]/).map((part) => part.trim());
  const meaningful = parts.find((part) => part && !/^(每年|于每年)?\d+月(\d+日|底)前$/.test(part)) ?? parts[0];
  return meaningful.length > maxLength ? `${meaningful.slice(0, maxLength - 1)}…` : meaningful;
}

/**
 * The text export ends a row at a blank line, but a blank paragraph inside a cell looks the same:
 * `六、推进依法行政能力建设` stands alone with item 33's other five cells in the next block. Such a
 * label-only block is joined to the block after it when together they make one six-column row.
 */
function joinSplitRows(rows: RawRow[]): RawRow[] {
  const joined: RawRow[] = [];
  for (let index = 0; index < rows.length; index += 1) {
    const row = rows[index];
    const next = rows[index + 1];
    const hasNumber = (cells: string[]) => cells.some((cell) => ITEM_NO.test(clean(cell)));
    if (next && !hasNumber(row.cells) && hasNumber(next.cells)) {
      const cells = [...row.cells, ...next.cells];
      if (cells.length === 6 && ITEM_NO.test(clean(cells[2]))) {
        joined.push({ line: row.line, cells });
        index += 1;
        continue;
      }
    }
    joined.push(row);
  }
  return joined;
}

function isHeader(row: RawRow): boolean {
  const joined = row.cells.map(clean).join('|');
  return joined.includes('牵头单位') && joined.includes('责任单位');
}

/**
 * Turns the rows of the official table into the catalog. Any row that cannot be read as the
 * document's table fails the whole import with the line it is on: nothing half-imported is written.
 */
export function buildCatalog(document: RawDocument): Catalog {
  const headerIndex = document.rows.findIndex(isHeader);
  if (headerIndex < 0) {
    throw new CatalogImportError(`找不到表头（应含“牵头单位”“责任单位”两列，共六列：${COLUMNS}）`, null);
  }
  const preamble = [
    ...document.preamble,
    ...document.rows.slice(0, headerIndex).flatMap((row) => row.cells.map(clean)),
  ];

  const indicators: IndicatorLevel1[] = [];
  const items: CatalogItem[] = [];
  const open: { level1: IndicatorLevel1 | null; level2: IndicatorLevel2 | null } = { level1: null, level2: null };

  const fail = (row: RawRow, message: string): never => {
    throw new CatalogImportError(`${where(document.format, row.line)}：${message}`, row.line);
  };

  const openLevel1 = (row: RawRow, label: string) => {
    const match = LEVEL1.exec(label);
    const no = match ? parseChineseNumber(match[1]) : null;
    if (!match || no === null) return fail(row, `一级指标“${label}”应以“一、”这样的序号开头`);
    if (no !== indicators.length + 1) return fail(row, `一级指标序号应为${indicators.length + 1}，实际为“${label}”`);
    const indicator: IndicatorLevel1 = { no, label, name: clean(match[2]), children: [] };
    open.level1 = indicator;
    open.level2 = null;
    indicators.push(indicator);
  };

  const openLevel2 = (row: RawRow, label: string) => {
    const match = LEVEL2.exec(label);
    const no = match ? parseChineseNumber(match[1]) : null;
    if (!match || no === null) return fail(row, `二级指标“${label}”应以“（一）”这样的序号开头`);
    const parent = open.level1;
    if (!parent) return fail(row, `二级指标“${label}”前面缺少一级指标`);
    const expected = indicators.reduce((count, indicator) => count + indicator.children.length, 0) + 1;
    if (no !== expected) return fail(row, `二级指标序号应为（${expected}），实际为“${label}”`);
    const indicator: IndicatorLevel2 = { no, label, name: clean(match[2]), items: [] };
    open.level2 = indicator;
    parent.children.push(indicator);
  };

  for (const row of joinSplitRows(document.rows.slice(headerIndex + 1))) {
    const cells = row.cells.map(clean);
    if (cells.every((cell) => cell === '')) continue;
    const numberAt = cells.findIndex((cell) => ITEM_NO.test(cell));

    if (numberAt < 0) {
      if (cells.length >= 6) fail(row, `第三列应为序号，实际为“${cells[2]}”`);
      const labels = cells.filter(Boolean);
      if (labels.length > 2) fail(row, `缺少序号列（应为六列：${COLUMNS}）`);
      for (const label of labels) {
        if (LEVEL1.test(label)) openLevel1(row, label);
        else if (LEVEL2.test(label)) openLevel2(row, label);
        else fail(row, `无法识别的内容“${label.slice(0, 20)}”`);
      }
      continue;
    }

    const no = Number(cells[numberAt]);
    if (cells.length !== 6 || numberAt !== 2) {
      fail(row, `第${no}项有${cells.length}列，应为六列（${COLUMNS}）`);
    }
    const [level1Label, level2Label, , text, lead, responsible] = cells;
    if (level1Label) openLevel1(row, level1Label);
    if (level2Label) openLevel2(row, level2Label);
    const expected = items.length + 1;
    if (no < expected) fail(row, `序号${no}重复（上一项已是第${expected - 1}项）`);
    if (no > expected) fail(row, `序号跳过：应为第${expected}项，实际为第${no}项`);
    const current1 = open.level1;
    const current2 = open.level2;
    if (!current1 || !current2) return fail(row, `第${no}项前面缺少一级或二级指标`);
    if (!text) fail(row, `第${no}项缺少评价指标内容`);
    const leadUnits = splitUnitPhrases(lead);
    const responsibleUnits = splitUnitPhrases(responsible);
    if (leadUnits.length === 0) fail(row, `第${no}项缺少牵头单位`);
    if (responsibleUnits.length === 0) fail(row, `第${no}项缺少责任单位`);

    current2.items.push(no);
    items.push({
      no,
      level1: current1.no,
      level2: current2.no,
      text,
      title: shortTitle(text),
      leadUnits,
      responsibleUnits,
      schedule: deriveSchedule(text),
    });
  }

  if (items.length === 0) throw new CatalogImportError('表格中没有任何评价指标', null);
  return { source: sourceOf(preamble), indicators, items };
}
