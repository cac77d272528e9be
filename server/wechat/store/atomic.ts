import { StoreConflictError } from '../../../src/core/ports/Store';
import type { CloudDatabase, CloudTransaction } from './cloudDatabaseTypes';

/** How many times a transaction runs when it keeps conflicting (hot counter documents). */
export const TRANSACTION_ATTEMPTS = 10;

/** Whether the database refused a commit because another writer got there first. */
export function isTransactionConflict(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { code, message, errMsg } = error as { code?: unknown; message?: unknown; errMsg?: unknown };
  return [code, message, errMsg].some((text) => typeof text === 'string' && /conflict/i.test(text));
}

/**
 * Runs `work` in `db.runTransaction`. The database re-runs it on a conflict (it reads afresh each
 * time, so a stale version is found again, never overwritten). A `StoreConflictError` that `work`
 * throws is a refusal: it is not retried and comes back as it is. A conflict that outlasts the
 * retries becomes a `StoreConflictError` too: the write lost its race.
 */
export async function runAtomic<T>(
  db: CloudDatabase,
  work: (transaction: CloudTransaction) => Promise<T>,
  attempts = TRANSACTION_ATTEMPTS,
): Promise<T> {
  let refusal: StoreConflictError | undefined;
  try {
    return await db.runTransaction(async (transaction) => {
      refusal = undefined;
      try {
        return await work(transaction);
      } catch (error) {
        if (error instanceof StoreConflictError) refusal = error;
        throw error;
      }
    }, attempts);
  } catch (error) {
    if (refusal) throw refusal;
    if (isTransactionConflict(error)) throw new StoreConflictError('another change won the race: try again');
    throw error;
  }
}
