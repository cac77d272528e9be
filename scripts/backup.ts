/**
 * npm run backup [-- <dir>] — a backup of the local cloud's database (.data/app.db, or DATA_DIR)
 * with SQLite's online backup: safe while the server is serving. Written to .data/backups/
 * unless a folder is given, as app-<YYYYMMDD-HHMMSS>.db; prints where.
 */
import Database from 'better-sqlite3';
import { join, resolve } from 'path';
import { ALL_PAGES, backupDatabase } from '../local/backup';
import { dataPaths } from '../local/dataPaths';
import { checkDatabaseFile, DatabaseUnusableError } from '../local/store/openDatabase';

async function main(argv: string[]): Promise<number> {
  const paths = dataPaths(process.env.DATA_DIR ?? join(__dirname, '..', '.data'));
  const target = argv[0] ? resolve(argv[0]) : paths.backups;
  try {
    if (checkDatabaseFile(paths.db) === 'missing') {
      console.error(`找不到数据库 ${paths.db}：本地云还没有在这里启动过（DATA_DIR 对吗？）`);
      console.error(`No database at ${paths.db}: the local cloud has not run here yet (is DATA_DIR right?)`);
      return 1;
    }
  } catch (error) {
    if (!(error instanceof DatabaseUnusableError)) throw error;
    console.error(
      `没有备份：${error.problem.zh}\n它的备份也会是坏的；请先用以前的备份恢复：npm run restore -- <备份文件>`,
    );
    console.error(`No backup taken: ${error.problem.en}\nA backup of it would be as bad; restore an earlier one.`);
    return 1;
  }
  const db = new Database(paths.db, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // Another process (the server) may write meanwhile: copy all pages in one step.
    const path = await backupDatabase(db, target, { pagesPerStep: ALL_PAGES });
    console.log(`已备份到 ${path}`);
    console.log(`Backed up to ${path}`);
    console.log(`恢复（先停止本地云）：npm run restore -- ${path}`);
    return 0;
  } finally {
    db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`备份失败 / backup failed: ${(error as Error).message}`);
    process.exitCode = 2;
  },
);
