/**
 * The service's refusals, as `{ code, message }` in an HTTP 200 reply: the SDK maps `code` to its
 * numeric errCode (unknown codes become -501001) and keeps `message` in errMsg. Texts marked
 * "observed" are the ones reported from the real service; the others are this emulator's wording
 * for a code the service documents (docs.cloudbase.net/error-code) but whose text was not found.
 */
export class ServiceError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const tail = 'Please check your request, but if the problem persists, contact us.';

export const errors = {
  /** Observed. */
  collectionMissing: () =>
    new ServiceError(
      'DATABASE_COLLECTION_NOT_EXIST',
      '[ResourceNotFound] Db or Table not exist. Please check your request, but if the problem cannot be solved, contact us.',
    ),
  /** Observed (the SDK has no number for it: errCode -501001). */
  collectionExists: () =>
    new ServiceError('DATABASE_COLLECTION_ALREADY_EXIST', `[ResourceUnavailable.ResourceExist] Table exist. ${tail}`),
  /** Observed (errCode -501001 once the SDK wraps it). */
  transactionConflict: () =>
    new ServiceError(
      'DATABASE_TRANSACTION_CONFLICT',
      `[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. ${tail}`,
    ),
  /** Documented: a transaction not committed or aborted within 30 s no longer exists. */
  transactionGone: (id: string) =>
    new ServiceError(
      'DATABASE_TRANSACTION_FAIL',
      `[ResourceUnavailable.TransactionNotExist] Transaction ${id} does not exist (committed, aborted, or not ended within its time limit). ${tail}`,
    ),
  /** A write the database engine refuses (duplicate key, bad modifier, too large…), as MongoDB words it. */
  requestFailed: (detail: string) => new ServiceError('DATABASE_REQUEST_FAILED', `[FailedOperation] ${detail}`),
  invalidParam: (detail: string) => new ServiceError('INVALID_PARAM', `[InvalidParameter] ${detail}`),
  invalidEnv: (env: string) => new ServiceError('INVALID_ENV', `[ResourceNotFound] env ${env} not exist. ${tail}`),
  /** Not a service error: the request is valid, but this emulator does not implement it. */
  unsupported: (what: string) =>
    new ServiceError('EMULATOR_UNSUPPORTED', `the cloud emulator does not implement ${what}`),
};
