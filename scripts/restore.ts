/**
 * npm run restore -- <file> — puts a backup in place of the local cloud's database (.data/app.db,
 * or DATA_DIR). Refuses while the local cloud runs on that folder, and a file that is damaged
 * (integrity_check), empty or not this app's database. The current database is kept aside as
 * app.db.before-restore-<YYYYMMDD-HHMMSS> (with its -wal, if any); nothing is deleted.
 */
import Database from 'better-sqlite3';
import { randomBytes } from 'crypto';
import { copyFileSync, existsSync, renameSync, rmSync, statSync } from 'fs';
import { basename, join, resolve } from 'path';
import { backupStamp } from '../local/backup';
import { dataPaths } from '../local/dataPaths';
import { runningServerPid } from '../local/serverLock';
import { checkDatabaseFile, DatabaseUnusableError } from '../local/store/openDatabase';
import { SCHEMA_VERSION } from '../local/store/migrations';

const USAGE = '用法：npm run restore -- <备份文件>      Usage: npm run restore -- <backup file>';

function refuse(zh: string, en: string): number {
  console.error(`没有恢复：${zh}\n当前的数据库没有改动。`);
  console.error(`Not restored: ${en}\nThe current database was not changed.`);
  return 1;
}

function main(argv: string[]): number {
  const paths = dataPaths(process.env.DATA_DIR ?? join(__dirname, '..', '.data'));
  if (!argv[0]) {
    console.error(USAGE);
    console.error(`备份在 ${paths.backups}（每日自动备份在 ${paths.dailyBackups}）`);
    return 2;
  }
  const source = resolve(argv[0]);

  const pid = runningServerPid(paths.dataDir);
  if (pid !== null) {
    return refuse(
      `本地云正在运行（进程 ${pid}），正在使用 ${paths.db}。请先停止它（在它的窗口按 Ctrl+C），再恢复。`,
      `the local cloud is running (process ${pid}) on ${paths.db}. Stop it first (Ctrl+C in its window), then restore.`,
    );
  }
  if (source === resolve(paths.db)) {
    return refuse(
      '这就是当前的数据库文件，请指定一个备份文件。',
      'that is the current database itself: name a backup file.',
    );
  }
  if (!existsSync(source) || !statSync(source).isFile()) {
    return refuse(`找不到备份文件 ${source}。`, `backup file ${source} not found.`);
  }
  if (existsSync(`${source}-wal`) && statSync(`${source}-wal`).size > 0) {
    return refuse(
      `${source} 旁边还有 ${basename(source)}-wal：它可能正被使用，或者最新的改动还在日志里。请用 npm run backup 做一个完整的备份再恢复。`,
      `${source} has a -wal beside it: it may be in use, or its latest changes are still in the log. Make a self-contained copy with npm run backup.`,
    );
  }

  // Check a copy, so that neither the backup nor the current database is touched until it passed.
  const incoming = join(paths.dataDir, `.app.db.restoring-${randomBytes(4).toString('hex')}`);
  const removeIncoming = () => {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${incoming}${suffix}`, { force: true });
  };
  try {
    copyFileSync(source, incoming);
    try {
      checkDatabaseFile(incoming, { full: true });
    } catch (error) {
      if (!(error instanceof DatabaseUnusableError)) throw error;
      const zh = error.problem.zh.split(incoming).join(source);
      const en = error.problem.en.split(incoming).join(source);
      return refuse(zh, en);
    }
    const db = new Database(incoming, { fileMustExist: true });
    let version: number;
    try {
      version = db.pragma('user_version', { simple: true }) as number;
      db.pragma('journal_mode = DELETE');
    } finally {
      db.close();
    }
    if (version > SCHEMA_VERSION) {
      return refuse(
        `这个备份由更新的程序写入（数据库版本 ${version}，本程序只认识到 ${SCHEMA_VERSION}）：请先升级程序。`,
        `this backup was written by newer code (schema ${version}, this code knows up to ${SCHEMA_VERSION}): upgrade first.`,
      );
    }

    const stamp = backupStamp(new Date());
    let aside: string | null = null;
    if (existsSync(paths.db)) {
      aside = `${paths.db}.before-restore-${stamp}`;
      for (let n = 2; existsSync(aside); n++) aside = `${paths.db}.before-restore-${stamp}-${n}`;
      renameSync(paths.db, aside);
      for (const suffix of ['-wal', '-shm']) {
        if (existsSync(`${paths.db}${suffix}`)) renameSync(`${paths.db}${suffix}`, `${aside}${suffix}`);
      }
    }
    renameSync(incoming, paths.db);

    console.log(`已恢复：${source} → ${paths.db}`);
    if (aside) console.log(`原来的数据库另存为 ${aside}（确认无误后可以删除）`);
    console.log(`上传的文件在 ${paths.uploads}，恢复不会改动它们。现在可以启动本地云：npm start`);
    console.log(`Restored ${source} to ${paths.db}.${aside ? ` The previous database was kept as ${aside}.` : ''}`);
    return 0;
  } finally {
    removeIncoming();
  }
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(`恢复失败 / restore failed: ${(error as Error).message}`);
  process.exitCode = 2;
}
