/**
 * An in-memory stand-in for the WeChat cloud database (wx-server-sdk, server side) that enforces
 * its documented limits: 100 records per query `get()` unless limited, `limit()` at most 1000,
 * 20 aggregate rows unless limited, single-record operations only inside transactions, commit
 * conflicts, 16 MB documents. Every operation resolves on a later turn, so calls interleave.
 */
export { createCloudDatabase, type CloudDatabaseOptions, type StandInDatabase } from './database';
export { DEFAULT_QUERY_LIMIT, MAX_QUERY_LIMIT, StandInCollection, StandInDocument, StandInQuery } from './collection';
export { DEFAULT_AGGREGATE_LIMIT, StandInAggregate } from './aggregate';
export { CloudDatabaseError, isTransactionConflict, Storage, type CallStats, type DataSnapshot } from './storage';
export { StandInTransaction, type ConflictDetection } from './transaction';
export type { Command } from './commands';
export type { Doc } from './values';
