/**
 * The errors the WeChat cloud database answers with, as wx-server-sdk hands them over: an `Error`
 * with a numeric `errCode` and an `errMsg` naming the service's reason (no `.code`), or, for a
 * conflict found at commit once the SDK's own retries are spent, a plain `{ code, message }`.
 */

interface CloudErrorShape {
  errCode?: unknown;
  errMsg?: unknown;
  code?: unknown;
  message?: unknown;
}

function shape(error: unknown): CloudErrorShape {
  return error && typeof error === 'object' ? (error as CloudErrorShape) : {};
}

function text(error: CloudErrorShape): string {
  return [error.errMsg, error.message].filter((part) => typeof part === 'string').join(' ');
}

/** -502005 DATABASE_COLLECTION_NOT_EXIST: the collection was never created. */
export function isMissingCollection(error: unknown): boolean {
  const found = shape(error);
  return found.errCode === -502005 || found.code === 'DATABASE_COLLECTION_NOT_EXIST';
}

/** createCollection of one that is there already (`ResourceExist`, "Table exist"). */
export function isCollectionAlreadyThere(error: unknown): boolean {
  const found = shape(error);
  return /ResourceExist|Table exist|already exist/i.test(text(found)) || found.code === 'DATABASE_COLLECTION_EXIST';
}

/**
 * Another open transaction wrote the same document (refused at once, -501001 TransactionConflict),
 * or the commit lost its race (DATABASE_TRANSACTION_CONFLICT): worth running again, afresh.
 */
export function isWriteConflict(error: unknown): boolean {
  const found = shape(error);
  if (found.code === 'DATABASE_TRANSACTION_CONFLICT') return true;
  return /TransactionConflict|transaction is conflict/i.test(text(found));
}

/** A missing document read with `throwOnNotFound` (errCode -1, "does not exist"). */
export function isDocumentMissing(error: unknown): boolean {
  const found = shape(error);
  return found.errCode === -1 && /does not exist/i.test(text(found));
}
