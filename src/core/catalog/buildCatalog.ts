import { catalogFromPreview, previewCatalog } from './preview';
import type { Catalog, RawDocument } from './types';

export { CatalogImportError } from './importError';
export { shortTitle } from './structure';

/**
 * Turns the rows of a task table (昌江's, or any other whose header names its columns) into the
 * catalog. Any row that cannot be read as the table, and any item without a lead unit, fails the
 * whole import with the line it is on: nothing half-imported is written. `previewCatalog` reads
 * the same and more shapes, and reports instead of failing where the admin can decide.
 */
export function buildCatalog(document: RawDocument): Catalog {
  return catalogFromPreview(previewCatalog(document), document.format);
}
