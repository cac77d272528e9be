import { readFile } from 'fs/promises';
import {
  catalogFromPreview,
  formatOf,
  previewCatalog,
  type CatalogPreview,
  type PreviewOptions,
} from '../../src/core/catalog/preview';
import type { Catalog } from '../../src/core/catalog/types';
import { readCatalogFile as catalogInputFromBuffer } from '../../server/catalog/readCatalogFile';

/** Told apart by content: a .docx (its task table, or its paragraphs), else the UTF-8 text export. */
export { catalogInputFromBuffer };

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
