import Database from 'better-sqlite3';
import { randomBytes } from 'crypto';
import { readFileSync, rmSync } from 'fs';
import type { Server } from 'http';
import { join } from 'path';
import type { ApiContext } from '../server/context';
import { API_HANDLERS } from '../server/handlers';
import { EXPORT_HANDLERS } from '../server/handlers/exportHandlers';
import { handleCall } from '../server/router';
import type { HolidayCalendarData } from '../src/core/calendar';
import type { Catalog } from '../src/core/catalog/types';
import type { Directory } from '../src/core/units';
import { backupDatabase, scheduleDailyBackups, type DailyBackups } from './backup';
import { dataPaths } from './dataPaths';
import { seedDemo } from './demo/seed';
import type { DemoUser } from './demo/demoUsers';
import { LocalFileStorage } from './files/LocalFileStorage';
import { LocalOutboxSender, scheduleDailyReminders } from './reminders';
import { createLocalServer, type LocalServerLimits } from './server';
import { checkDatabaseFile } from './store/openDatabase';
import { SqliteStore } from './store/SqliteStore';

const ROOT = join(__dirname, '..');

export interface LocalCloudOptions {
  dataDir: string;
  demoMode: boolean;
  /** Start from nothing: the database and uploads are removed first. */
  reset?: boolean;
  staticRoot?: string;
  now?: () => Date;
  log?: (line: string) => void;
  /** Run the reminder job daily at 07:30 Beijing time (default on). */
  dailyReminders?: boolean;
  /** A backup a day in `<dataDir>/backups/daily/`, the last `keep` kept (default 7); false: none. */
  dailyBackups?: { keep: number; checkEveryMs?: number } | false;
  /** Hosts answered besides the loopback ones in demo mode (ALLOWED_HOSTS). */
  allowedHosts?: string[];
  limits?: Partial<LocalServerLimits>;
}

export interface LocalCloud {
  server: Server;
  store: SqliteStore;
  files: LocalFileStorage;
  api: ApiContext;
  /** The demo identities when this start seeded the data. */
  seeded: DemoUser[] | null;
  close: () => Promise<void>;
}

/** The local cloud serves in one place what WeChat splits between the `api` and `export` functions. */
const LOCAL_HANDLERS = { ...API_HANDLERS, ...EXPORT_HANDLERS };

function readData<T>(name: string): T {
  return JSON.parse(readFileSync(join(ROOT, 'data', name), 'utf8')) as T;
}

/** `--reset` deletes the data: a usable database is backed up first (into `backups/`), just in case. */
async function keepBeforeReset(dbPath: string, backupsDir: string, log?: (line: string) => void): Promise<void> {
  try {
    if (checkDatabaseFile(dbPath) !== 'ready') return;
  } catch {
    return; // nothing usable to keep
  }
  const db = new Database(dbPath, { fileMustExist: true });
  try {
    const path = await backupDatabase(db, backupsDir);
    log?.(`重新生成前，已把现有数据库备份到 ${path}`);
  } finally {
    db.close();
  }
}

/** The local cloud: SQLite and files under `dataDir`, the api handlers, one HTTP server. */
export async function openLocalCloud(options: LocalCloudOptions): Promise<LocalCloud> {
  const paths = dataPaths(options.dataDir);
  const dbPath = paths.db;
  if (options.reset) {
    await keepBeforeReset(dbPath, paths.backups, options.log);
    for (const path of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`, paths.uploads]) {
      rmSync(path, { recursive: true, force: true });
    }
  }
  // Seed only where there is no database at all: an empty, damaged or foreign file stops the start
  // (DatabaseUnusableError says what to do), it is never replaced.
  const firstStart = checkDatabaseFile(dbPath) === 'missing';
  const store = new SqliteStore(dbPath);
  const now = options.now ?? (() => new Date());
  const files = new LocalFileStorage({ dataDir: options.dataDir, store, now });
  const api: ApiContext = {
    store,
    files,
    now,
    newId: () => randomBytes(12).toString('hex'),
    demoMode: options.demoMode,
    log: (message, detail) => console.error(message, detail),
    sender: new LocalOutboxSender(),
  };

  await files.removeTemporaryFiles();

  let seeded: DemoUser[] | null = null;
  if (firstStart) {
    options.log?.('首次启动：正在导入任务清单、单位名录并生成演示数据…');
    seeded = await seedDemo({
      store,
      files,
      catalog: readData<Catalog>('catalog.json'),
      directory: readData<Directory>('units.json'),
      calendar: readData<HolidayCalendarData>('holidays.json'),
      now: now(),
    });
  }

  const stopReminders =
    options.dailyReminders === false ? () => undefined : scheduleDailyReminders(api, options.log ?? (() => undefined));
  const backupPlan = options.dailyBackups ?? { keep: 7 };
  const backups: DailyBackups | null =
    backupPlan === false || backupPlan.keep < 1
      ? null
      : scheduleDailyBackups({
          db: store.db,
          dataDir: options.dataDir,
          keep: backupPlan.keep,
          checkEveryMs: backupPlan.checkEveryMs,
          now,
          log: options.log,
        });

  const server = createLocalServer({
    context: api,
    handleCall: (call, context) => handleCall(call, context, LOCAL_HANDLERS),
    files,
    staticRoot: options.staticRoot,
    demoMode: options.demoMode,
    allowedHosts: options.allowedHosts,
    limits: options.limits,
    identify: async (openid) => {
      const user = await store.getUser(openid);
      return user && !user.disabled ? { districtId: user.districtId, unitId: user.unitId } : null;
    },
  });

  return {
    server,
    store,
    files,
    api,
    seeded,
    close: () =>
      new Promise((resolve) => {
        stopReminders();
        server.close(() => {
          void (backups?.stop() ?? Promise.resolve()).then(() => store.close()).then(resolve);
        });
        server.closeAllConnections?.();
      }),
  };
}
