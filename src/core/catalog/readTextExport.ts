import type { RawDocument, RawRow } from './types';

/**
 * Reads the text export of the task list: each table row is a block of lines ended by a blank
 * line, each cell starts with a tab, and a line without a leading tab continues the cell above.
 */
export function readTextExport(text: string): RawDocument {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const preamble: string[] = [];
  const rows: RawRow[] = [];
  let row: RawRow | null = null;

  lines.forEach((line, index) => {
    const lineNo = index + 1;
    if (line.startsWith('\t')) {
      if (!row) {
        row = { line: lineNo, cells: [] };
        rows.push(row);
      }
      row.cells.push(line.slice(1));
      return;
    }
    if (line.trim() === '') {
      row = null;
      return;
    }
    if (row) {
      const last = row.cells.length - 1;
      row.cells[last] = `${row.cells[last]}\n${line}`;
    } else if (rows.length === 0) {
      preamble.push(line.trim());
    }
  });

  return { format: 'text', preamble, rows };
}
