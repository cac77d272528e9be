import { Document, Packer, Paragraph, Table, TableCell, TableRow, VerticalMergeType } from 'docx';
import { readTextExport } from '../../src/core/catalog/readTextExport';

/**
 * Builds a .docx holding the same table as a text export, the way the district would receive it.
 * With `mergeIndicators`, the 一级/二级指标 columns are vertically merged cells as in the real
 * document, instead of empty cells.
 */
export async function docxFromTextExport(text: string, options: { mergeIndicators?: boolean } = {}): Promise<Buffer> {
  const { preamble, rows } = readTextExport(text);
  const merge: Array<Array<'restart' | 'continue' | null>> = rows.map((row) => row.cells.map(() => null));
  if (options.mergeIndicators) {
    for (const column of [0, 1]) {
      for (let index = 1; index < rows.length; index += 1) {
        const row = rows[index];
        const previous = rows[index - 1];
        const continues = row.cells.length === 6 && previous.cells.length === 6 && row.cells[column].trim() === '';
        if (!continues) continue;
        merge[index][column] = 'continue';
        if (merge[index - 1][column] === null) merge[index - 1][column] = 'restart';
      }
    }
  }
  const table = new Table({
    rows: rows.map(
      (row, rowIndex) =>
        new TableRow({
          children: row.cells.map((cell, cellIndex) => {
            const mergeType = merge[rowIndex][cellIndex];
            return new TableCell({
              children: (mergeType === 'continue' ? [''] : cell.split('\n')).map((line) => new Paragraph(line)),
              ...(mergeType
                ? { verticalMerge: mergeType === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE }
                : {}),
            });
          }),
        }),
    ),
  });
  const document = new Document({
    sections: [{ children: [...preamble.map((line) => new Paragraph(line)), table] }],
  });
  return Packer.toBuffer(document);
}

/** Builds a .docx whose body is the text's lines, one paragraph each (a list written as paragraphs). */
export async function docxFromParagraphs(text: string): Promise<Buffer> {
  const lines = text.split(/\r?\n/).filter((line) => !line.startsWith('#'));
  const document = new Document({ sections: [{ children: lines.map((line) => new Paragraph(line)) }] });
  return Packer.toBuffer(document);
}
