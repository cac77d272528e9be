import type { CloudDocumentReference, CloudQuery } from './cloudDatabaseTypes';
import { isDocumentMissing } from './cloudErrors';

/** Reading documents: missing ones as null, records without `_id` and hidden fields, every page. */

export type StoredDoc = Record<string, unknown>;

/** The largest page the server gives (the SDK clamps a larger `limit` to it). */
export const PAGE_SIZE = 1000;

/** The document, or null when it is missing, whichever `throwOnNotFound` the database was made with. */
export async function readDoc(ref: CloudDocumentReference): Promise<StoredDoc | null> {
  try {
    const { data } = await ref.get();
    return (data as StoredDoc | null | undefined) ?? null;
  } catch (error) {
    if (isDocumentMissing(error)) return null;
    throw error;
  }
}

/** The record a document holds: the document without `_id` and the store's hidden fields. */
export function toRecord<T>(doc: StoredDoc, hidden: readonly string[] = []): T {
  const record: StoredDoc = { ...doc };
  delete record._id;
  for (const field of hidden) delete record[field];
  return record as T;
}

/**
 * Every document a query matches, page by page: `get()` alone returns 100 at most. The query must
 * be ordered (on a unique key last), or pages may overlap.
 */
export async function fetchAll(query: CloudQuery): Promise<StoredDoc[]> {
  const docs: StoredDoc[] = [];
  for (let skip = 0; ; skip += PAGE_SIZE) {
    const page = skip === 0 ? query.limit(PAGE_SIZE) : query.skip(skip).limit(PAGE_SIZE);
    const { data } = await page.get();
    docs.push(...(data as StoredDoc[]));
    if (data.length < PAGE_SIZE) return docs;
  }
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

let lastSequence = 0;

/** Increasing numbers that follow the clock (microseconds), for "in the order added". */
export function nextSequence(): number {
  lastSequence = Math.max(Date.now() * 1000, lastSequence + 1);
  return lastSequence;
}
