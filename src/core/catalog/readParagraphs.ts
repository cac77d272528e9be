import { parseChineseNumber } from './chineseNumber';
import { CatalogImportError, lineLabel, type SourceFormat } from './importError';
import {
  clean,
  IndicatorTree,
  LEVEL1,
  LEVEL2,
  NO_HEADINGS,
  RENUMBERED,
  sourceOf,
  type RawItem,
  type Structure,
} from './structure';
import { labelledValues, labelOutsideBrackets } from './unitClauses';

/** One paragraph (a line of a text export, a paragraph of a .docx) with where it is. */
export interface SourceLine {
  text: string;
  line: number;
}

/** `1.` `1．` `1、` `1 ` followed by the text, but not `1.5万元` or `2025年`. */
const ARABIC_ITEM = /^(\d{1,3})(?:\s*[.．、](?!\d)|\s+(?=\D))\s*(.*)$/s;
const BARE_NUMBER = /^(\d{1,3})$/;

type Field = 'lead' | 'responsible' | 'cooperating' | 'deadline';

interface OpenItem {
  docNo: number;
  line: number;
  level1: number;
  level2: number;
  text: string[];
  fields: Partial<Record<Field, string>>;
  lastField: Field | null;
}

function arabicNumber(text: string): { no: number; rest: string } | null {
  const match = ARABIC_ITEM.exec(text) ?? BARE_NUMBER.exec(text);
  return match ? { no: Number(match[1]), rest: clean(match[2] ?? '') } : null;
}

function level2Number(text: string): { no: number; rest: string } | null {
  const match = LEVEL2.exec(text);
  const no = match ? parseChineseNumber(match[1]) : null;
  return match && no !== null ? { no, rest: clean(match[2]) } : null;
}

/**
 * Reads a list written as numbered paragraphs, each followed by labelled lines (`牵头单位：…`,
 * `责任单位：…`, `配合单位：…`, `完成时限：…`) or ending in a units bracket. Items are numbered
 * `1.` / `1、` / a number on its own line, with `一、` and `（一）` headings above them; or, in a
 * list with no such numbers, the `（一）` paragraphs are the items under `一、` headings.
 */
export function readParagraphs(lines: SourceLine[], format: SourceFormat): Structure {
  const paragraphs = lines.map((entry) => ({ ...entry, text: clean(entry.text) })).filter((entry) => entry.text);
  const arabic = paragraphs.some((entry) => arabicNumber(entry.text) !== null);
  const itemOf = arabic ? arabicNumber : level2Number;
  const hasLevel1 = paragraphs.some((entry) => LEVEL1.test(entry.text));

  const tree = new IndicatorTree(format);
  const preamble: string[] = [];
  const notices: Structure['notices'] = [];
  const items: RawItem[] = [];
  let open: OpenItem | null = null;
  let lastDocNo = 0;
  let headingSinceItem = false;
  let renumbered = false;

  const fail = (line: number, message: string): never => {
    throw new CatalogImportError(`${lineLabel(format, line)}：${message}`, line);
  };

  const close = () => {
    if (!open) return;
    const text = open.text.join('\n');
    if (!text) fail(open.line, `第${open.docNo}项只有序号，没有任务内容`);
    items.push({
      no: items.length + 1,
      line: open.line,
      level1: open.level1,
      level2: open.level2,
      text,
      lead: open.fields.lead ?? null,
      responsible: open.fields.responsible ?? null,
      cooperating: open.fields.cooperating ?? null,
      deadline: open.fields.deadline ?? null,
    });
    open = null;
  };

  const addFields = (item: OpenItem, text: string) => {
    for (const { field, value } of labelledValues(text)) {
      item.fields[field] = item.fields[field] ? `${item.fields[field]}、${value}` : value;
      item.lastField = field;
    }
  };

  for (const { text, line } of paragraphs) {
    const item = itemOf(text);
    if (item) {
      close();
      const expected = lastDocNo + 1;
      const restarted = item.no === 1 && headingSinceItem && lastDocNo > 0;
      if (!restarted && item.no < expected) fail(line, `序号${item.no}重复（上一项已是第${expected - 1}项）`);
      if (!restarted && item.no > expected) fail(line, `序号跳过：应为第${expected}项，实际为第${item.no}项`);
      if (restarted && !renumbered) {
        renumbered = true;
        notices.push({ where: '全文', message: RENUMBERED });
      }
      lastDocNo = item.no;
      headingSinceItem = false;
      if (!tree.level1 && !hasLevel1) {
        tree.openImplicitLevel1(sourceOf(preamble).title || '任务清单');
        notices.push({ where: '全文', message: NO_HEADINGS });
      }
      const placed = tree.place(items.length + 1);
      if (!placed) return fail(line, `第${item.no}项前面缺少一级标题（如“一、……”）`);
      open = { docNo: item.no, line, ...placed, text: [], fields: {}, lastField: null };
      const labelAt = labelOutsideBrackets(item.rest);
      if (labelAt >= 0) {
        if (labelAt > 0) open.text.push(clean(item.rest.slice(0, labelAt)));
        addFields(open, item.rest.slice(labelAt));
      } else if (item.rest) {
        open.text.push(item.rest);
      }
      continue;
    }
    if (LEVEL1.test(text)) {
      close();
      tree.openLevel1(line, text);
      headingSinceItem = true;
      continue;
    }
    if (arabic && LEVEL2.test(text)) {
      close();
      tree.openLevel2(line, text);
      headingSinceItem = true;
      continue;
    }
    const current: OpenItem | null = open;
    if (!current) {
      if (items.length === 0 && tree.list.length === 0) preamble.push(text);
      else
        notices.push({
          where: lineLabel(format, line),
          message: `这段文字不属于任何一项任务，已略过：“${text.slice(0, 20)}”`,
        });
      continue;
    }
    const labelAt = labelOutsideBrackets(text);
    if (labelAt === 0) {
      addFields(current, text);
    } else if (current.lastField) {
      const field = current.lastField;
      const previous = current.fields[field] ?? '';
      // A unit list that runs on to the next line (责任单位：区政府各部门，⏎各乡（镇）街道).
      const runsOn =
        field !== 'deadline' && (/[，,、]$/.test(previous) || (text.length <= 30 && !/[。；;]/.test(text)));
      if (runsOn) {
        current.fields[field] = `${previous}\n${text}`;
      } else {
        notices.push({
          where: `第${items.length + 1}项`,
          message: `${lineLabel(format, line)}的文字写在单位之后，不算任务内容，已略过：“${text.slice(0, 20)}”，请核对`,
        });
      }
    } else if (labelAt > 0) {
      current.text.push(clean(text.slice(0, labelAt)));
      addFields(current, text.slice(labelAt));
    } else {
      current.text.push(text);
    }
  }
  close();

  if (items.length === 0) {
    throw new CatalogImportError(
      '没有找到任何任务：任务应以“1.”“1、”或单独一行的序号开头（或以“（一）”开头、写在“一、”标题下面）',
      null,
    );
  }
  return { format, source: sourceOf(preamble), indicators: tree.list, items, notices };
}
