import { CatalogImportError, lineLabel } from './importError';
import {
  chineseCount,
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
import type { RawDocument, RawRow } from './types';

type Role = 'level1' | 'level2' | 'no' | 'text' | 'lead' | 'responsible' | 'cooperating' | 'deadline' | 'other';

/** Header words by column role, tried in this order (评价指标 is text, 一级指标 is not). */
const ROLE_PATTERNS: Array<[Role, RegExp]> = [
  ['level1', /一级/],
  ['level2', /二级/],
  ['no', /^(序号|编号|项次|序)$/],
  ['lead', /牵头/],
  ['responsible', /责任单位|责任部门|承办单位|承办部门|实施单位|实施主体|责任主体/],
  ['cooperating', /配合|协办|参与单位/],
  ['deadline', /完成时限|完成时间|时限|时间要求|时间节点|进度安排/],
  ['text', /指标|任务|内容|事项|措施|举措|要求|工作/],
];

const ITEM_NO = /^\d+$/;

const EXAMPLE_COLUMNS = '一级指标、二级指标、序号、评价指标、牵头单位、责任单位';

function roleOf(header: string): Role {
  const compact = header.replace(/\s+/g, '');
  if (compact.length > 12) return 'other';
  return ROLE_PATTERNS.find(([, pattern]) => pattern.test(compact))?.[0] ?? 'other';
}

function headerRoles(row: RawRow): Role[] {
  return row.cells.map((cell) => roleOf(clean(cell)));
}

function isHeader(row: RawRow): boolean {
  const roles = headerRoles(row);
  return (roles.includes('lead') || roles.includes('responsible')) && roles.includes('text');
}

interface Layout {
  roles: Role[];
  names: string[];
  noCol: number;
}

/**
 * The columns, from the header. 昌江's header has no 序号 cell (its rows have one more cell than
 * the header, with the number in it): such a column is put back where the rows hold numbers.
 */
function layoutOf(header: RawRow, rows: RawRow[]): Layout {
  const roles = headerRoles(header);
  const names = header.cells.map((cell) => clean(cell).replace(/\s+/g, ''));
  if (!roles.includes('no')) {
    const sample = rows.find(
      (row) => row.cells.length === roles.length + 1 && row.cells.some((c) => ITEM_NO.test(clean(c))),
    );
    const at = sample ? sample.cells.findIndex((cell) => ITEM_NO.test(clean(cell))) : -1;
    if (at >= 0) {
      roles.splice(at, 0, 'no');
      names.splice(at, 0, '序号');
    }
  }
  return { roles, names, noCol: roles.indexOf('no') };
}

/**
 * The text export ends a row at a blank line, but a blank paragraph inside a cell looks the same:
 * `六、推进依法行政能力建设` stands alone with item 33's other five cells in the next block. Such a
 * label-only block is joined to the block after it when together they make one full row.
 */
function joinSplitRows(rows: RawRow[], layout: Layout): RawRow[] {
  if (layout.noCol < 0) return rows;
  const joined: RawRow[] = [];
  const hasNumber = (cells: string[]) => cells.some((cell) => ITEM_NO.test(clean(cell)));
  for (let index = 0; index < rows.length; index += 1) {
    const row = rows[index];
    const next = rows[index + 1];
    if (next && !hasNumber(row.cells) && hasNumber(next.cells)) {
      const cells = [...row.cells, ...next.cells];
      if (cells.length === layout.roles.length && ITEM_NO.test(clean(cells[layout.noCol]))) {
        joined.push({ line: row.line, cells });
        index += 1;
        continue;
      }
    }
    joined.push(row);
  }
  return joined;
}

function cellOf(cells: string[], layout: Layout, role: Role): string | null {
  const at = layout.roles.indexOf(role);
  return at < 0 ? null : (cells[at] ?? '');
}

/**
 * Reads a task table: 昌江's (一级指标, 二级指标, 序号, 评价指标, 牵头单位, 责任单位) or any other
 * whose header names its columns (序号, 工作任务, 牵头单位, 责任单位, 配合单位, 完成时限 …).
 * Headings may be rows of their own (`一、…` across the table) where there are no indicator
 * columns. A row that cannot be read as the table fails the whole import with its line.
 */
export function readTable(document: RawDocument): Structure {
  const format = document.format;
  const headerIndex = document.rows.findIndex(isHeader);
  if (headerIndex < 0) {
    throw new CatalogImportError(
      `找不到表头（应含“牵头单位”或“责任单位”一列和任务内容一列，例如：${EXAMPLE_COLUMNS}）`,
      null,
    );
  }
  const preamble = [
    ...document.preamble,
    ...document.rows.slice(0, headerIndex).flatMap((row) => row.cells.map(clean)),
  ];
  const body = document.rows.slice(headerIndex + 1);
  const layout = layoutOf(document.rows[headerIndex], body);
  const width = layout.roles.length;
  const columns = layout.names.join('、');
  const hasIndicatorColumns = layout.roles.includes('level1');
  const hasLevel2Column = layout.roles.includes('level2');
  const textName = layout.names[layout.roles.indexOf('text')] || '任务';

  const tree = new IndicatorTree(format);
  const notices: Structure['notices'] = [];
  const items: RawItem[] = [];
  let lastNo = 0;
  let headingSinceItem = false;
  let renumbered = false;
  const hasLevel1Headings = body.some((row) => row.cells.some((cell) => LEVEL1.test(clean(cell))));

  const fail = (row: RawRow, message: string): never => {
    throw new CatalogImportError(`${lineLabel(format, row.line)}：${message}`, row.line);
  };
  const openLabel = (row: RawRow, label: string) => {
    if (LEVEL1.test(label)) tree.openLevel1(row.line, label);
    else if (LEVEL2.test(label)) tree.openLevel2(row.line, label);
    else fail(row, `无法识别的内容“${label.slice(0, 20)}”`);
    headingSinceItem = true;
  };
  const isHeading = (label: string) => LEVEL1.test(label) || LEVEL2.test(label);

  for (const row of joinSplitRows(body, layout)) {
    const cells = row.cells.map(clean);
    if (cells.every((cell) => cell === '')) continue;
    const labels = cells.filter(Boolean);
    const numberAt =
      layout.noCol >= 0 && ITEM_NO.test(cells[layout.noCol] ?? '')
        ? layout.noCol
        : cells.findIndex((cell) => ITEM_NO.test(cell));

    if (layout.noCol >= 0 && numberAt < 0) {
      const onlyHeadings = labels.length <= 2 && labels.every(isHeading);
      if (cells.length >= width && !onlyHeadings) {
        fail(row, `第${chineseCount(layout.noCol + 1)}列应为序号，实际为“${cells[layout.noCol]}”`);
      }
      if (labels.length > 2) fail(row, `缺少序号列（应为${chineseCount(width)}列：${columns}）`);
      for (const label of labels) openLabel(row, label);
      continue;
    }
    if (layout.noCol < 0 && labels.length <= 2 && labels.every(isHeading)) {
      for (const label of labels) openLabel(row, label);
      continue;
    }

    const no = numberAt >= 0 ? Number(cells[numberAt]) : lastNo + 1;
    if (cells.length !== width || numberAt !== layout.noCol) {
      fail(row, `第${no}项有${cells.length}列，应为${chineseCount(width)}列（${columns}）`);
    }
    const level1Label = cellOf(cells, layout, 'level1');
    const level2Label = cellOf(cells, layout, 'level2');
    if (level1Label) tree.openLevel1(row.line, level1Label);
    if (level2Label) tree.openLevel2(row.line, level2Label);
    if (level1Label || level2Label) headingSinceItem = true;
    const expected = lastNo + 1;
    const restarted = no === 1 && headingSinceItem && lastNo > 0;
    if (!restarted && no < expected) fail(row, `序号${no}重复（上一项已是第${expected - 1}项）`);
    if (!restarted && no > expected) fail(row, `序号跳过：应为第${expected}项，实际为第${no}项`);
    if (restarted && !renumbered) {
      renumbered = true;
      notices.push({ where: '全文', message: RENUMBERED });
    }
    lastNo = no;
    headingSinceItem = false;

    const itemNo = items.length + 1;
    if (!tree.level1 && !hasIndicatorColumns && !hasLevel1Headings) {
      tree.openImplicitLevel1(sourceOf(preamble).title || '任务清单');
      notices.push({ where: '全文', message: NO_HEADINGS });
    }
    if ((hasIndicatorColumns && !tree.level1) || (hasLevel2Column && !tree.level2)) {
      fail(row, `第${no}项前面缺少一级或二级指标`);
    }
    const placed = tree.place(itemNo);
    if (!placed) return fail(row, `第${no}项前面缺少一级标题（如“一、……”）`);
    const text = cellOf(cells, layout, 'text') ?? '';
    if (!text) fail(row, `第${no}项缺少${textName}内容`);
    items.push({
      no: itemNo,
      line: row.line,
      ...placed,
      text,
      lead: cellOf(cells, layout, 'lead'),
      responsible: cellOf(cells, layout, 'responsible'),
      cooperating: cellOf(cells, layout, 'cooperating'),
      deadline: cellOf(cells, layout, 'deadline'),
    });
  }

  if (items.length === 0) throw new CatalogImportError('表格中没有任何评价指标', null);
  return { format, source: sourceOf(preamble), indicators: tree.list, items, notices };
}
