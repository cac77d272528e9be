import mammoth from 'mammoth';
import type { CatalogInput } from '../../src/core/catalog/preview';
import { hasTaskTable, readHtmlParagraphs, readHtmlTable } from '../../src/core/catalog/readHtmlTable';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * What the importer reads from a file, told apart by content: a .docx becomes its task table or,
 * when it holds none, its paragraphs; anything else is read as the UTF-8 text export. mammoth is
 * heavy: only the `export` function (and the CLI) import this.
 */
export async function readCatalogFile(buffer: Buffer): Promise<CatalogInput> {
  if (buffer.subarray(0, 4).equals(ZIP_MAGIC)) {
    const { value: html } = await mammoth.convertToHtml({ buffer });
    return hasTaskTable(html) ? readHtmlTable(html) : readHtmlParagraphs(html);
  }
  return buffer.toString('utf8');
}
