import { readFile } from 'fs/promises';
import mammoth from 'mammoth';
import {
  catalogFromPreview,
  formatOf,
  previewCatalog,
  type CatalogInput,
  type CatalogPreview,
  type PreviewOptions,
} from '../../src/core/catalog/preview';
import { hasTaskTable, readHtmlParagraphs, readHtmlTable } from '../../src/core/catalog/readHtmlTable';
import type { Catalog } from '../../src/core/catalog/types';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * What the importer reads from a file, told apart by content: a .docx becomes its task table or,
 * when it holds none, its paragraphs; anything else is read as the UTF-8 text export.
 */
export async function catalogInputFromBuffer(buffer: Buffer): Promise<CatalogInput> {
  if (buffer.subarray(0, 4).equals(ZIP_MAGIC)) {
    const { value: html } = await mammoth.convertToHtml({ buffer });
    return hasTaskTable(html) ? readHtmlTable(html) : readHtmlParagraphs(html);
  }
  return buffer.toString('utf8');
}

/** The draft catalog and its problems; nothing is written. */
export async function previewFromBuffer(buffer: Buffer, options: PreviewOptions = {}): Promise<CatalogPreview> {
  return previewCatalog(await catalogInputFromBuffer(buffer), options);
}

export async function previewFromFile(path: string, options: PreviewOptions = {}): Promise<CatalogPreview> {
  return previewFromBuffer(await readFile(path), options);
}

/** Reads a task list from its text export or from a .docx; fails on the first blocking problem. */
export async function catalogFromBuffer(buffer: Buffer, options: PreviewOptions = {}): Promise<Catalog> {
  const input = await catalogInputFromBuffer(buffer);
  return catalogFromPreview(previewCatalog(input, options), formatOf(input));
}

export async function catalogFromFile(path: string, options: PreviewOptions = {}): Promise<Catalog> {
  return catalogFromBuffer(await readFile(path), options);
}
