import Database from 'better-sqlite3';
import { randomBytes } from 'crypto';
import { existsSync } from 'fs';
import { mkdir, open, readdir, rename, rm } from 'fs/promises';
import { join } from 'path';
import { dataPaths } from './dataPaths';

/**
 * Backups of the local cloud's database with SQLite's online backup API: consistent, and safe
 * while the server serves (WAL mode: writers are not held up). Each backup is one self-contained
 * file, checked before it gets its final name: `app-<YYYYMMDD-HHMMSS>.db`, Beijing time.
 */

/** Every page in one step: a backup over another process's connection never has to restart. */
export const ALL_PAGES = 0x7fffffff;
/** Pages per step over the server's own connection (its writes go into the backup as it runs). */
const PAGES_PER_STEP = 1024;
const NAME = /^app-(\d{8})-(\d{6})(?:-\d+)?\.db$/;

/** `YYYYMMDD-HHMMSS` of an instant in Beijing time. */
export function backupStamp(now: Date): string {
  const beijing = new Date(now.getTime() + 8 * 3_600_000).toISOString();
  return `${beijing.slice(0, 4)}${beijing.slice(5, 7)}${beijing.slice(8, 10)}-${beijing.slice(11, 13)}${beijing.slice(14, 16)}${beijing.slice(17, 19)}`;
}

export interface BackupOptions {
  now?: Date;
  /** Pages copied per step; ALL_PAGES for one step (needed when `source` is not the writer's connection). */
  pagesPerStep?: number;
}

/**
 * Backs up the database of `source` into `dir` (made if missing) and returns the backup's path.
 * The copy is written under a temporary name, switched to a rollback journal (one file, no -wal),
 * checked with quick_check and synced, then renamed into place: a backup that is there is whole.
 */
export async function backupDatabase(
  source: Database.Database,
  dir: string,
  options: BackupOptions = {},
): Promise<string> {
  await mkdir(dir, { recursive: true });
  const stamp = backupStamp(options.now ?? new Date());
  let target = join(dir, `app-${stamp}.db`);
  for (let n = 2; existsSync(target); n++) target = join(dir, `app-${stamp}-${n}.db`);
  const partial = join(dir, `.app-${stamp}.${randomBytes(4).toString('hex')}.partial`);
  const pages = options.pagesPerStep ?? PAGES_PER_STEP;
  try {
    await source.backup(partial, { progress: () => pages });
    const copy = new Database(partial, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
      const check = copy.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(`the backup did not pass quick_check: ${String(check)}`);
    } finally {
      copy.close();
    }
    await syncFile(partial);
    await rename(partial, target);
    await syncFile(dir);
    return target;
  } catch (error) {
    await Promise.all(
      [partial, `${partial}-wal`, `${partial}-shm`, `${partial}-journal`].map((path) => rm(path, { force: true })),
    );
    throw error;
  }
}

async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } catch (error) {
    // Some file systems refuse to sync a directory: the rename is still atomic.
    if ((error as NodeJS.ErrnoException).code !== 'EINVAL' && (error as NodeJS.ErrnoException).code !== 'EISDIR') {
      throw error;
    }
  } finally {
    await handle.close();
  }
}

/** The backups in `dir` by name, oldest first. */
export async function listBackups(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => NAME.test(name)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

export interface DailyBackupsOptions {
  /** The server's own connection to its database. */
  db: Database.Database;
  dataDir: string;
  /** How many daily backups are kept (the newest); at least 1. */
  keep: number;
  now?: () => Date;
  log?: (line: string) => void;
  /** How often to look whether today's backup is there yet (default hourly). */
  checkEveryMs?: number;
  /** Look once right away, in the background (default true). */
  runAtStart?: boolean;
}

export interface DailyBackups {
  /** Takes today's backup (Beijing date) unless there is one, prunes to `keep`; its path, or null. */
  takeIfDue(): Promise<string | null>;
  /** No more checks; waits for a backup under way. */
  stop(): Promise<void>;
}

/** The daily backups of a running local cloud, in `<dataDir>/backups/daily/`. */
export function scheduleDailyBackups(options: DailyBackupsOptions): DailyBackups {
  const dir = dataPaths(options.dataDir).dailyBackups;
  const now = options.now ?? (() => new Date());
  const keep = Math.max(1, Math.floor(options.keep));
  let running: Promise<string | null> | null = null;
  let stopped = false;

  const take = async (): Promise<string | null> => {
    const at = now();
    const today = backupStamp(at).slice(0, 8);
    if ((await listBackups(dir)).some((name) => NAME.exec(name)?.[1] === today)) return null;
    const path = await backupDatabase(options.db, dir, { now: at });
    const all = await listBackups(dir);
    for (const name of all.slice(0, Math.max(0, all.length - keep))) await rm(join(dir, name), { force: true });
    options.log?.(`已完成每日备份：${path}（保留最近 ${keep} 份）`);
    return path;
  };
  const takeIfDue = (): Promise<string | null> => {
    if (stopped) return Promise.resolve(null);
    running ??= take().finally(() => {
      running = null;
    });
    return running;
  };
  const background = () => {
    takeIfDue().catch((error: unknown) => {
      (options.log ?? console.error)(`每日备份失败（稍后再试）：${(error as Error).message}`);
    });
  };
  const timer = setInterval(background, options.checkEveryMs ?? 3_600_000);
  timer.unref();
  const first = options.runAtStart === false ? null : setTimeout(background, 0);
  first?.unref();

  return {
    takeIfDue,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      if (first) clearTimeout(first);
      await running?.catch(() => undefined);
    },
  };
}
