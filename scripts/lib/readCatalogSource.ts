import { readFile } from 'fs/promises';
import mammoth from 'mammoth';
import { buildCatalog } from '../../src/core/catalog/buildCatalog';
import { readHtmlTable } from '../../src/core/catalog/readHtmlTable';
import { readTextExport } from '../../src/core/catalog/readTextExport';
import type { Catalog } from '../../src/core/catalog/types';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Reads the official task list from its text export or from a .docx, told apart by content. */
export async function catalogFromBuffer(buffer: Buffer): Promise<Catalog> {
  if (buffer.subarray(0, 4).equals(ZIP_MAGIC)) {
    const { value: html } = await mammoth.convertToHtml({ buffer });
    return buildCatalog(readHtmlTable(html));
  }
  return buildCatalog(readTextExport(buffer.toString('utf8')));
}

export async function catalogFromFile(path: string): Promise<Catalog> {
  return catalogFromBuffer(await readFile(path));
}
