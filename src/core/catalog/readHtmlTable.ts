import type { RawDocument, RawRow } from './types';

/** Words a task table's header has (the body of a list written as paragraphs has no table). */
const TABLE_HEADER_WORDS = /牵头单位|责任单位|牵头部门|责任部门|完成时限/;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code =
        entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

/** Paragraphs become lines; all other markup is dropped. */
function cellText(html: string): string {
  const paragraphs = html.match(/<p[^>]*>[\s\S]*?<\/p>/g);
  const parts = paragraphs ?? [html];
  return parts.map((part) => decodeEntities(part.replace(/<[^>]+>/g, ''))).join('\n');
}

function spanOf(attributes: string, name: 'rowspan' | 'colspan'): number {
  const match = new RegExp(`${name}="(\\d+)"`).exec(attributes);
  return match ? Math.max(1, Number(match[1])) : 1;
}

/**
 * Reads the task table from the HTML that mammoth makes of the .docx. Merged cells are spread back
 * into empty cells, so a row reads the same as the text export, where a merged 一级指标 cell shows
 * as an empty cell in the rows below it.
 */
export function readHtmlTable(html: string): RawDocument {
  const tables = html.match(/<table[\s\S]*?<\/table>/g) ?? [];
  const table =
    tables.find((candidate) => candidate.includes('牵头单位')) ??
    tables.find((candidate) => TABLE_HEADER_WORDS.test(candidate)) ??
    tables[0] ??
    '';
  const before = table ? html.slice(0, html.indexOf(table)) : html;
  const preamble = (before.match(/<p[^>]*>[\s\S]*?<\/p>/g) ?? [])
    .map((paragraph) => cellText(paragraph).trim())
    .filter((line) => line !== '');

  const rows: RawRow[] = [];
  const carried = new Map<number, number>();
  const rowMatches = table.match(/<tr[^>]*>[\s\S]*?<\/tr>/g) ?? [];
  rowMatches.forEach((rowHtml, index) => {
    const cells: string[] = [];
    const fillCarried = () => {
      while ((carried.get(cells.length) ?? 0) > 0) {
        carried.set(cells.length, (carried.get(cells.length) ?? 1) - 1);
        cells.push('');
      }
    };
    const cellPattern = /<t([dh])([^>]*)>([\s\S]*?)<\/t\1>/g;
    for (let match = cellPattern.exec(rowHtml); match; match = cellPattern.exec(rowHtml)) {
      fillCarried();
      const attributes = match[2];
      const rowspan = spanOf(attributes, 'rowspan');
      const colspan = spanOf(attributes, 'colspan');
      for (let offset = 0; offset < colspan; offset += 1) {
        if (rowspan > 1) carried.set(cells.length, rowspan - 1);
        cells.push(offset === 0 ? cellText(match[3]) : '');
      }
    }
    fillCarried();
    rows.push({ line: index + 1, cells });
  });

  return { format: 'docx', preamble, rows };
}

/** Whether the HTML of a .docx holds a task table (else the list is written as paragraphs). */
export function hasTaskTable(html: string): boolean {
  return (html.match(/<table[\s\S]*?<\/table>/g) ?? []).some((table) => TABLE_HEADER_WORDS.test(table));
}

/**
 * The paragraphs of a .docx (as mammoth's HTML), one string each, in document order: headings,
 * paragraphs, list items and table cells alike. A line break inside a paragraph starts a new one.
 * Word's automatic numbering is not in the text, so items of a top-level numbered list get their
 * number back (`1.`, `2.` … counted through the whole document).
 */
export function readHtmlParagraphs(html: string): string[] {
  const lines: string[] = [];
  const tokens = html.match(/<\/?(?:p|h[1-6]|li|ol|ul|br)\b[^>]*>|<[^>]+>|[^<]+/g) ?? [];
  const lists: Array<'ol' | 'ul'> = [];
  let numbered = 0;
  let current: string | null = null;
  let prefix = '';

  const flush = () => {
    if (current === null) return;
    const text = decodeEntities(current)
      .replace(/[\s\u3000]+$/, '')
      .replace(/^[\s\u3000]+/, '');
    if (text) lines.push(`${prefix}${text}`);
    current = null;
    prefix = '';
  };

  for (const token of tokens) {
    const tag = /^<(\/?)([a-z0-9]+)/i.exec(token);
    if (!tag) {
      if (current !== null) current += token;
      continue;
    }
    const [, closing, rawName] = tag;
    const name = rawName.toLowerCase();
    if (name === 'ol' || name === 'ul') {
      flush();
      if (closing) lists.pop();
      else lists.push(name);
    } else if (name === 'li') {
      flush();
      if (!closing) {
        current = '';
        if (lists.length === 1 && lists[0] === 'ol') {
          numbered += 1;
          prefix = `${numbered}.`;
        }
      }
    } else if (name === 'p' || /^h[1-6]$/.test(name)) {
      if (closing) {
        flush();
      } else {
        const keepPrefix = current !== null && current.trim() === '' ? prefix : '';
        flush();
        current = '';
        prefix = keepPrefix;
      }
    } else if (name === 'br' && current !== null) {
      flush();
      current = '';
    }
  }
  flush();
  return lines;
}
