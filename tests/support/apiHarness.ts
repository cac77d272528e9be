import { copyFileSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { bootstrapDistrict } from '../../server/bootstrap';
import type { ApiContext, Envelope } from '../../server/context';
import { forgetDistrictContext, loadDistrictContext } from '../../server/districtContext';
import type { Handler } from '../../server/handler';
import { API_HANDLERS } from '../../server/handlers';
import { handleCall } from '../../server/router';
import { SqliteStore } from '../../local/store/SqliteStore';
import type { ActionName, Payload, Reply } from '../../src/contract/actions';
import type { Role, TaskRecord, UserRecord } from '../../src/core/model';
import type { TaskFilter } from '../../src/core/ports/Store';
import { listYearTasks } from '../../server/tasks';
import type { Store } from '../../src/core/ports/Store';
import { loadCatalog, loadDirectory, loadHolidays } from './fixtures';
import { MemoryFileStorage } from './memoryFiles';
import { cloudStoreOnEmulator } from './realCloud';

/** Which store the handlers run on: SQLite (the local cloud) or CloudDbStore over the cloud emulator. */
export type StoreAdapter = 'sqlite' | 'cloud';

/** Both adapters, for `describe.each(STORE_ADAPTERS)`. */
export const STORE_ADAPTERS: StoreAdapter[] = ['sqlite', 'cloud'];

export interface Harness {
  api: ApiContext;
  store: Store;
  files: MemoryFileStorage;
  /** Moves the clock (an instant, e.g. 2026-11-28T02:00:00Z). */
  setNow: (iso: string) => void;
  /** Any call at all, bad ones included: the envelope as the router answers it. */
  call: <T = any>(openid: string | null, action: string, payload?: unknown) => Promise<Envelope<T>>;
  /** Calls and expects success, returning the data: typed from the contract. */
  ok: <A extends ActionName>(openid: string | null, action: A, payload?: Payload<A>) => Promise<Reply<A>>;
  addUser: (openid: string, role: Role, unitId: string, name?: string) => Promise<UserRecord>;
  /** A year's tasks as users see them: stored, and derived from the catalog where nothing happened yet. */
  yearTasks: (filter: TaskFilter & { year: number }) => Promise<TaskRecord[]>;
  /** The SQLite store (the SQLite adapter only). */
  sqlite: SqliteStore;
  adapter: StoreAdapter;
  /** Everything the store holds, on either adapter: to prove a refused call changed nothing. */
  snapshot: () => string;
  close: () => Promise<void>;
}

let ids = 0;

/**
 * The api handlers (or `handlers`, e.g. with EXPORT_HANDLERS) over a real SQLite file, with the 昌江区
 * catalog and directory, and a fixed clock.
 */
export async function createHarness(
  options: {
    now?: string;
    demoMode?: boolean;
    copyOf?: SqliteStore;
    handlers?: Record<string, Handler>;
    /** SQLite unless asked: 'cloud' runs the real wx-server-sdk over the cloud emulator. */
    adapter?: StoreAdapter;
  } = {},
): Promise<Harness> {
  const adapter = options.adapter ?? 'sqlite';
  const dir = mkdtempSync(join(tmpdir(), 'api-'));
  if (options.copyOf) {
    options.copyOf.db.pragma('wal_checkpoint(TRUNCATE)');
    copyFileSync(options.copyOf.db.name, join(dir, 'app.db'));
  }
  const cloud = adapter === 'cloud' ? await cloudStoreOnEmulator({ latencyMs: 0 }) : null;
  const sqlite = cloud ? null : new SqliteStore(join(dir, 'app.db'));
  const store: Store = cloud?.store ?? (sqlite as SqliteStore);
  const files = new MemoryFileStorage();
  let now = new Date(options.now ?? '2026-11-28T02:00:00.000Z');
  const api: ApiContext = {
    store,
    files,
    now: () => now,
    newId: () => `${Date.now().toString(36)}${(ids += 1).toString(36)}`,
    demoMode: options.demoMode ?? false,
  };
  const directory = loadDirectory();
  forgetDistrictContext(directory.district.id);
  await bootstrapDistrict(store, {
    catalog: loadCatalog(),
    directory,
    calendar: loadHolidays(),
    at: now.toISOString(),
  });
  const call = <T>(openid: string | null, action: string, payload?: unknown) =>
    handleCall({ openid, action, payload }, api, options.handlers ?? API_HANDLERS) as Promise<Envelope<T>>;
  return {
    api,
    store,
    get sqlite(): SqliteStore {
      if (!sqlite) throw new Error('h.sqlite is the SQLite adapter’s: use h.snapshot() on either');
      return sqlite;
    },
    adapter,
    snapshot: () => {
      if (sqlite) return storeSnapshot(sqlite);
      const emulator = cloud?.real.emulator;
      return JSON.stringify((emulator?.collections() ?? []).sort().map((name) => [name, emulator?.documents(name)]));
    },
    files,
    setNow: (iso) => {
      now = new Date(iso);
    },
    call,
    ok: async (openid, action, payload) => {
      const reply = await call(openid, action, payload);
      if (!reply.ok) throw new Error(`${action} refused: ${reply.error.code} ${reply.error.message}`);
      return reply.data as never;
    },
    addUser: async (openid, role, unitId, name = `${role}-${unitId}`) => {
      const at = now.toISOString();
      const user: UserRecord = {
        openid,
        districtId: directory.district.id,
        name,
        role,
        unitId,
        disabled: false,
        createdAt: at,
        updatedAt: at,
        version: 1,
      };
      await store.saveUser(user, null);
      return user;
    },
    yearTasks: async (filter) => listYearTasks(api, await loadDistrictContext(store, directory.district.id), filter),
    close: async () => {
      await store.close();
      await cloud?.cleanup();
      forgetDistrictContext(directory.district.id);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A byte-for-byte picture of everything the store holds, to prove a refused call changed nothing. */
export function storeSnapshot(store: SqliteStore): string {
  const tables = store.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as Array<{ name: string }>;
  return JSON.stringify(tables.map(({ name }) => [name, store.db.prepare(`SELECT * FROM ${name}`).all()]));
}
