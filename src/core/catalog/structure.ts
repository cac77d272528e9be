import { isIsoDate } from '../dates';
import { parseChineseNumber } from './chineseNumber';
import { CatalogImportError, lineLabel, type SourceFormat } from './importError';
import type { CatalogSource, IndicatorLevel1, IndicatorLevel2 } from './types';

export const LEVEL1 = /^([一二三四五六七八九十]+)、\s*(.+)$/s;
export const LEVEL2 = /^[（(]([一二三四五六七八九十]+)[）)]\s*(.+)$/s;

export const RENUMBERED = '文中各部分的序号重新从1开始，已按全文顺序统一编号（下面说的“第几项”按全文顺序）';
export const NO_HEADINGS = '文中没有“一、”这样的一级标题，全部任务归入同一类';

/** One item as a reader found it, before its units, deadline and schedule are worked out. */
export interface RawItem {
  no: number;
  line: number;
  level1: number;
  level2: number;
  text: string;
  /** Column or labelled-line values as written; null where the document has no such column or line. */
  lead: string | null;
  responsible: string | null;
  cooperating: string | null;
  deadline: string | null;
}

/** A notice about the document as a whole (not one item). */
export interface DocumentNotice {
  where: string;
  message: string;
}

export interface Structure {
  format: SourceFormat;
  source: CatalogSource;
  indicators: IndicatorLevel1[];
  items: RawItem[];
  notices: DocumentNotice[];
}

export function clean(cell: string): string {
  return cell.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
}

const TITLE_ENDINGS = [/任务清单$/, /(清单|工作要点|分工方案|实施方案|工作方案|责任分工)$/];

export function sourceOf(preamble: string[]): CatalogSource {
  const text = preamble.join('\n');
  const docNo = /[\u4e00-\u9fa5]+字〔\d{4}〕\d+号/.exec(text)?.[0] ?? '';
  const dateMatch = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(text);
  let issuedDate: string | null = null;
  if (dateMatch) {
    const candidate = `${dateMatch[1]}-${dateMatch[2].padStart(2, '0')}-${dateMatch[3].padStart(2, '0')}`;
    issuedDate = isIsoDate(candidate) ? candidate : null;
  }
  let title = '';
  for (const ending of TITLE_ENDINGS) {
    title = preamble.find((line) => ending.test(line) && !line.includes('关于')) ?? '';
    if (title) break;
  }
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
 * The indicator tree as headings open it. 一级指标 must run 一、二、三…; 二级指标 may run on
 * through the whole document (（一）…（二十四）, as 昌江's list does) or start again under each
 * 一级指标. Where the document has no headings of a level, one is made up so that every item still
 * has an indicator path.
 */
export class IndicatorTree {
  readonly list: IndicatorLevel1[] = [];
  level1: IndicatorLevel1 | null = null;
  level2: IndicatorLevel2 | null = null;
  private level2Count = 0;

  constructor(private readonly format: SourceFormat) {}

  fail(line: number, message: string): never {
    throw new CatalogImportError(`${lineLabel(this.format, line)}：${message}`, line);
  }

  openLevel1(line: number, label: string): void {
    const match = LEVEL1.exec(label);
    const no = match ? parseChineseNumber(match[1]) : null;
    if (!match || no === null) return this.fail(line, `一级指标“${label}”应以“一、”这样的序号开头`);
    if (no !== this.list.length + 1) this.fail(line, `一级指标序号应为${this.list.length + 1}，实际为“${label}”`);
    const indicator: IndicatorLevel1 = { no, label, name: clean(match[2]), children: [] };
    this.level1 = indicator;
    this.level2 = null;
    this.list.push(indicator);
  }

  openLevel2(line: number, label: string): void {
    const match = LEVEL2.exec(label);
    const no = match ? parseChineseNumber(match[1]) : null;
    if (!match || no === null) return this.fail(line, `二级指标“${label}”应以“（一）”这样的序号开头`);
    const parent = this.level1;
    if (!parent) return this.fail(line, `二级指标“${label}”前面缺少一级指标`);
    const expected = this.level2Count + 1;
    const restarted = no === parent.children.length + 1;
    if (no !== expected && !restarted) this.fail(line, `二级指标序号应为（${expected}），实际为“${label}”`);
    this.openLevel2Named(label, clean(match[2]));
  }

  /** A made-up 一级指标 for a document without 一、 headings. */
  openImplicitLevel1(name: string): void {
    const indicator: IndicatorLevel1 = { no: this.list.length + 1, label: '', name, children: [] };
    this.level1 = indicator;
    this.level2 = null;
    this.list.push(indicator);
  }

  /** Places an item; makes up a 二级指标 named after its 一级指标 where there is none. */
  place(itemNo: number): { level1: number; level2: number } | null {
    const parent = this.level1;
    if (!parent) return null;
    if (!this.level2) this.openLevel2Named('', parent.name);
    const level2 = this.level2 as IndicatorLevel2 | null;
    if (!level2) return null;
    level2.items.push(itemNo);
    return { level1: parent.no, level2: level2.no };
  }

  private openLevel2Named(label: string, name: string): void {
    const parent = this.level1;
    if (!parent) return;
    this.level2Count += 1;
    const indicator: IndicatorLevel2 = { no: this.level2Count, label, name, items: [] };
    this.level2 = indicator;
    parent.children.push(indicator);
  }
}

const DIGITS = '零一二三四五六七八九';

/** 1 → 一 … 10 → 十, 12 → 十二; larger numbers stay digits. */
export function chineseCount(count: number): string {
  if (count <= 10) return count === 10 ? '十' : DIGITS[count];
  if (count < 20) return `十${DIGITS[count - 10]}`;
  return String(count);
}
