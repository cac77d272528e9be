/** A document the importer cannot read as a task list at all; `line` says where it went wrong. */
export class CatalogImportError extends Error {
  constructor(
    message: string,
    readonly line: number | null,
  ) {
    super(message);
    this.name = 'CatalogImportError';
  }
}

/** Where a source line is, in the words the admin sees the document in. */
export type SourceFormat = 'text' | 'docx' | 'paragraphs';

export function lineLabel(format: SourceFormat, line: number): string {
  if (format === 'docx') return `表格第${line}行`;
  if (format === 'paragraphs') return `第${line}段`;
  return `第${line}行`;
}
