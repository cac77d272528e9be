import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, statSync } from 'fs';
import { dirname, join } from 'path';

/**
 * Looks at the database file before anything opens it for real: a database is never silently
 * replaced, and a damaged one is refused at start rather than answered with INTERNAL later.
 * The file is only read (SQLite may replay its own WAL, as any open would).
 */

/** The tables every version of the app's schema has: a file without them is not our database. */
export const APP_TABLES = [
  'districts',
  'units',
  'users',
  'invites',
  'tasks',
  'history',
  'evidence',
  'files',
  'counters',
];

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export interface DatabaseProblem {
  zh: string;
  en: string;
}

/** The database file cannot be used as it is: the message says what is wrong and what to do. */
export class DatabaseUnusableError extends Error {
  constructor(
    readonly path: string,
    readonly problem: DatabaseProblem,
  ) {
    super(startRefusal(path, problem));
    this.name = 'DatabaseUnusableError';
  }
}

/** What a refused start prints: the problem, that nothing was changed, and how to restore. */
function startRefusal(path: string, problem: DatabaseProblem): string {
  const backups = join(dirname(path), 'backups');
  return [
    `无法启动：${problem.zh}`,
    '为了不覆盖原有数据，程序没有改动这个文件。请用备份恢复（恢复前会把现有文件另存为 app.db.before-restore-<时间>）：',
    '  npm run restore -- <备份文件>',
    `每日自动备份在 ${join(backups, 'daily')}，手动备份（npm run backup）在 ${backups}。`,
    '如果这里只有演示数据，也可以用 npm start -- --reset 重新生成（会删除现有数据）。',
    '',
    `Cannot start: ${problem.en}`,
    'The file was left as it is, so nothing is overwritten. Restore a backup (the current file is kept as',
    'app.db.before-restore-<time>):',
    '  npm run restore -- <backup file>',
    `Daily backups are in ${join(backups, 'daily')}, those of npm run backup in ${backups}.`,
    'If it only held demo data, npm start -- --reset seeds afresh (deleting what is there).',
  ].join('\n');
}

export interface CheckOptions {
  /** PRAGMA integrity_check (every index against its table) instead of quick_check. */
  full?: boolean;
}

/**
 * `missing` when there is no database file (a first start may seed one), `ready` when there is an
 * app database with data that passes SQLite's check; anything else throws DatabaseUnusableError:
 * an empty file, one that is not SQLite, damaged pages, another program's database, a database
 * without any district (a first start cut short), a WAL file left without its database.
 */
export function checkDatabaseFile(path: string, options: CheckOptions = {}): 'missing' | 'ready' {
  const problem = (zh: string, en: string) => new DatabaseUnusableError(path, { zh, en });
  if (!existsSync(path)) {
    const wal = `${path}-wal`;
    if (existsSync(wal) && statSync(wal).size > 0) {
      throw problem(
        `数据库文件 ${path} 不见了，但它的日志 ${wal} 还在：数据库可能被误删或移走了。`,
        `the database file ${path} is gone but its log ${wal} is still there: it may have been deleted or moved.`,
      );
    }
    return 'missing';
  }
  const info = statSync(path);
  if (!info.isFile()) {
    throw problem(`${path} 不是一个文件。`, `${path} is not a file.`);
  }
  if (info.size === 0) {
    throw problem(
      `数据库文件 ${path} 是空的（0 字节）：它可能被误删、截断或覆盖了。`,
      `the database file ${path} is empty (0 bytes): it may have been truncated or overwritten.`,
    );
  }
  if (!hasSqliteHeader(path)) {
    throw problem(
      `${path} 不是 SQLite 数据库（文件开头不对），可能被别的文件覆盖了。`,
      `${path} is not a SQLite database (wrong header); another file may have overwritten it.`,
    );
  }

  let db: Database.Database | null = null;
  try {
    db = new Database(path, { fileMustExist: true });
    const pragma = options.full ? 'integrity_check' : 'quick_check';
    const rows = db.pragma(`${pragma}(20)`, { simple: false }) as Array<Record<string, string>>;
    const findings = rows.map((row) => Object.values(row)[0]);
    if (findings.length !== 1 || findings[0] !== 'ok') {
      const detail = findings.slice(0, 5).join('; ');
      throw problem(
        `数据库文件 ${path} 已损坏（PRAGMA ${pragma}：${detail}）。`,
        `the database file ${path} is damaged (PRAGMA ${pragma}: ${detail}).`,
      );
    }
    const tables = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map(
        (row) => row.name,
      ),
    );
    const lacking = APP_TABLES.filter((table) => !tables.has(table));
    if (lacking.length > 0) {
      throw problem(
        tables.size === 0
          ? `数据库文件 ${path} 里没有任何表，不是本程序的数据库。`
          : `${path} 不是本程序的数据库（没有 ${lacking.join('、')} 表）。`,
        tables.size === 0
          ? `the database file ${path} has no tables: it is not this app's database.`
          : `${path} is not this app's database (it has no ${lacking.join(', ')} table).`,
      );
    }
    const districts = (db.prepare('SELECT COUNT(*) AS n FROM districts').get() as { n: number }).n;
    if (districts === 0) {
      throw problem(
        `数据库 ${path} 里还没有任何数据（没有任何区县）：可能是首次启动时被中断了，也可能数据被清空了。`,
        `the database ${path} holds no data (no district): a first start may have been cut short, or it was emptied.`,
      );
    }
    return 'ready';
  } catch (error) {
    if (error instanceof DatabaseUnusableError) throw error;
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_NOTADB') {
      throw problem(`${path} 不是 SQLite 数据库。`, `${path} is not a SQLite database.`);
    }
    if (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT')) {
      throw problem(
        `数据库文件 ${path} 已损坏（${(error as Error).message}）。`,
        `the database file ${path} is damaged (${(error as Error).message}).`,
      );
    }
    throw error;
  } finally {
    db?.close();
  }
}

function hasSqliteHeader(path: string): boolean {
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(path, 'r');
  try {
    return readSync(fd, header, 0, header.length, 0) === header.length && header.equals(SQLITE_HEADER);
  } finally {
    closeSync(fd);
  }
}
