import { StoreConflictError } from '../../../src/core/ports/Store';
import type { CloudDatabase, CloudTransaction } from './cloudDatabaseTypes';
import { isWriteConflict } from './cloudErrors';

/** Runs of a transaction that keeps meeting other writers, before the write gives up. */
export const TRANSACTION_ATTEMPTS = 8;
const FIRST_PAUSE_MS = 15;
const LONGEST_PAUSE_MS = 400;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Full jitter: racing writers that backed off together do not collide again together. */
function backoff(attempt: number): number {
  return Math.random() * Math.min(LONGEST_PAUSE_MS, FIRST_PAUSE_MS * 2 ** attempt);
}

/**
 * Runs `work` in one transaction. The service refuses a write to a document another open
 * transaction has written, at once, and the SDK does not retry that: so a conflict runs `work`
 * again here, afresh (it reads again, so a stale version is found, never overwritten), after a
 * jittered pause, a bounded number of times. A `StoreConflictError` that `work` throws is a
 * refusal and comes back as it is; a conflict that outlasts the attempts becomes one too.
 */
export async function runAtomic<T>(
  db: CloudDatabase,
  work: (transaction: CloudTransaction) => Promise<T>,
  attempts = TRANSACTION_ATTEMPTS,
): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    let refusal: StoreConflictError | undefined;
    try {
      // One run per call: the SDK's own retry covers only conflicts found at commit.
      return await db.runTransaction(async (transaction) => {
        try {
          return await work(transaction);
        } catch (error) {
          if (error instanceof StoreConflictError) refusal = error;
          throw error;
        }
      }, 1);
    } catch (error) {
      if (refusal) throw refusal;
      if (!isWriteConflict(error)) throw error;
      if (attempt + 1 >= attempts) throw new StoreConflictError('another change won the race: try again');
      await pause(backoff(attempt));
    }
  }
}
