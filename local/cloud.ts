import { randomBytes } from 'crypto';
import { existsSync, readFileSync, rmSync } from 'fs';
import type { Server } from 'http';
import { join } from 'path';
import type { ApiContext } from '../server/context';
import { API_HANDLERS } from '../server/handlers';
import { EXPORT_HANDLERS } from '../server/handlers/exportHandlers';
import { handleCall } from '../server/router';
import type { HolidayCalendarData } from '../src/core/calendar';
import type { Catalog } from '../src/core/catalog/types';
import type { Directory } from '../src/core/units';
import { seedDemo } from './demo/seed';
import type { DemoUser } from './demo/demoUsers';
import { LocalFileStorage } from './files/LocalFileStorage';
import { LocalOutboxSender, scheduleDailyReminders } from './reminders';
import { createLocalServer } from './server';
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

/** The local cloud: SQLite and files under `dataDir`, the api handlers, one HTTP server. */
export async function openLocalCloud(options: LocalCloudOptions): Promise<LocalCloud> {
  const dbPath = join(options.dataDir, 'app.db');
  if (options.reset) {
    for (const path of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`, join(options.dataDir, 'uploads')]) {
      rmSync(path, { recursive: true, force: true });
    }
  }
  const firstStart = !existsSync(dbPath);
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

  let seeded: DemoUser[] | null = null;
  if (firstStart || (await store.listDistricts()).length === 0) {
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

  const server = createLocalServer({
    context: api,
    handleCall: (call, context) => handleCall(call, context, LOCAL_HANDLERS),
    files,
    staticRoot: options.staticRoot,
    demoMode: options.demoMode,
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
          void store.close().then(resolve);
        });
        server.closeAllConnections?.();
      }),
  };
}
