/** `createCloudDatabase()`: the stand-in for `cloud.database()` of wx-server-sdk, in memory. */
import { StandInCollection, type DatabaseContext } from './collection';
import { createCommand, type Command } from './commands';
import { Storage, emptyStats, type CallStats, type DataSnapshot } from './storage';
import { runTransaction, startTransaction, type ConflictDetection, type StandInTransaction } from './transaction';

export interface CloudDatabaseOptions {
  /** As in the SDK: true (the default) makes `doc(id).get()` of a missing document reject. */
  throwOnNotFound?: boolean;
  /** Which touched documents make a commit conflict; see transaction.ts. Default 'reads-and-writes'. */
  conflicts?: ConflictDetection;
}

export interface StandInDatabase {
  readonly command: Command;
  collection(name: string): StandInCollection;
  runTransaction<T>(callback: (transaction: StandInTransaction) => Promise<T>, times?: number): Promise<T>;
  startTransaction(): Promise<StandInTransaction>;
  serverDate(): Date;
  /** Test hooks: call counters (shared by every view of the same data), and the whole data. */
  readonly stats: CallStats;
  resetStats(): void;
  snapshot(): DataSnapshot;
  restore(snapshot: DataSnapshot): void;
  /** The data behind this database: pass it to another `createCloudDatabase` for a second view. */
  readonly storage: Storage;
}

export function createCloudDatabase(options: CloudDatabaseOptions = {}, storage = new Storage()): StandInDatabase {
  const context: DatabaseContext = { storage, throwOnNotFound: options.throwOnNotFound ?? true };
  const conflicts = options.conflicts ?? 'reads-and-writes';
  const command = createCommand();
  return {
    command,
    collection(name: string) {
      if (typeof name !== 'string' || !name) throw new TypeError('collection() needs a name');
      return new StandInCollection(context, name);
    },
    runTransaction: (callback, times) => runTransaction(context, conflicts, callback, times),
    startTransaction: () => startTransaction(context, conflicts),
    serverDate: () => new Date(),
    stats: storage.stats,
    resetStats: () => Object.assign(storage.stats, emptyStats()),
    snapshot: () => storage.snapshot(),
    restore: (snapshot) => storage.restore(snapshot),
    storage,
  };
}
