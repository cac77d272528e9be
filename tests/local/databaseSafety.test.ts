import { spawnSync } from 'child_process';
import { createHash, randomBytes } from 'crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'fs';
import Database from 'better-sqlite3';
import { tmpdir } from 'os';
import { join } from 'path';
import { checkDatabaseFile, DatabaseUnusableError } from '../../local/store/openDatabase';
import { SqliteStore } from '../../local/store/SqliteStore';
import { ROOT } from '../support/fixtures';
import { startLocalServer } from '../support/localServer';

/**
 * Issue 13, row 6: a database is never silently replaced. Demo data goes only into a database
 * that does not exist yet; an empty or damaged file stops the start with what to do.
 */

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-db-safety-'));
  dirs.push(dir);
  return dir;
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** An app database with one district and enough units to fill a few hundred pages. */
function makeAppDatabase(path: string, units = 3000): void {
  const store = new SqliteStore(path);
  const now = new Date().toISOString();
  store.db
    .prepare(
      `INSERT INTO districts (id, name, full_name, default_due_date, catalog, task_years, created_at)
       VALUES ('changjiang', '昌江区', '景德镇市昌江区', '12-31', '{}', '{}', ?)`,
    )
    .run(now);
  const insert = store.db.prepare(
    `INSERT INTO units (district_id, id, name, kind, tags, aliases, disabled, updated_at)
     VALUES ('changjiang', ?, ?, 'department', '[]', '[]', 0, ?)`,
  );
  store.db.transaction(() => {
    for (let i = 0; i < units; i++) insert.run(`u-${i}`, `单位${i}`.padEnd(200, '名'), now);
  })();
  store.db.close(); // the last connection: the WAL is checkpointed into the file
}

/** Overwrites one page in the middle of the file (a page of the units table) with random bytes. */
function damageAPage(path: string): void {
  const pageSize = 4096;
  const pages = statSync(path).size / pageSize;
  const fd = openSync(path, 'r+');
  writeSync(fd, randomBytes(pageSize), 0, pageSize, Math.floor(pages * 0.6) * pageSize);
  closeSync(fd);
}

/** Starts the local cloud on `dir` and expects it to refuse: returns what it said. */
async function refusedStart(dir: string): Promise<string> {
  const outcome = await startLocalServer({ dataDir: dir }).then(
    async (server) => {
      await server.stop();
      return null;
    },
    (error: Error) => error.message,
  );
  expect(outcome).not.toBeNull();
  return outcome as string;
}

function expectWhatToDo(message: string): void {
  expect(message).toContain('npm run restore --');
  expect(message).toMatch(/备份/);
  expect(message).toMatch(/backup/i);
  expect(message).not.toContain('正在导入任务清单'); // not seeded
  expect(message).not.toMatch(/\n\s+at /); // no stack trace
}

describe('a database is never silently replaced', () => {
  it('a 0-byte app.db stops the start with a Chinese and English message naming the restore command', async () => {
    const dir = dataDir();
    const db = join(dir, 'app.db');
    writeFileSync(db, '');
    const message = await refusedStart(dir);
    expectWhatToDo(message);
    expect(message).toContain('0 字节');
    expect(message).toContain('empty');
    expect(statSync(db).size).toBe(0); // left as it was: nothing seeded into it
  }, 60_000);

  it('an app database without any district (a first start cut short) is not re-seeded', async () => {
    const dir = dataDir();
    const db = join(dir, 'app.db');
    new SqliteStore(db).db.close();
    const before = sha(db);
    const message = await refusedStart(dir);
    expectWhatToDo(message);
    expect(message).toContain('npm start -- --reset');
    expect(sha(db)).toBe(before);
  }, 60_000);

  it('a page overwritten with garbage is refused at start (quick_check on open), not answered with INTERNAL later', async () => {
    const dir = dataDir();
    const db = join(dir, 'app.db');
    makeAppDatabase(db);
    damageAPage(db);
    expect(() => checkDatabaseFile(db)).toThrow(DatabaseUnusableError);
    const before = sha(db);
    const message = await refusedStart(dir);
    expectWhatToDo(message);
    expect(message).toContain('损坏');
    expect(message).toContain('damaged');
    expect(sha(db)).toBe(before);
  }, 60_000);

  it('checkDatabaseFile tells a missing file (to seed) from every kind of unusable one', () => {
    const dir = dataDir();
    const db = join(dir, 'app.db');
    expect(checkDatabaseFile(db)).toBe('missing');
    makeAppDatabase(db, 10);
    expect(checkDatabaseFile(db)).toBe('ready');
    expect(checkDatabaseFile(db, { full: true })).toBe('ready');

    const cases: Array<[string, () => void, RegExp]> = [
      ['empty', () => writeFileSync(db, ''), /0 字节/],
      ['not SQLite', () => writeFileSync(db, Buffer.alloc(8192, 'not a database ')), /不是 SQLite 数据库/],
      [
        'another program’s database',
        () => {
          rmSync(db);
          const other = new Database(db);
          other.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)');
          other.close();
        },
        /不是本程序的数据库/,
      ],
      [
        'a WAL file without its database',
        () => {
          rmSync(db);
          writeFileSync(`${db}-wal`, randomBytes(1024));
        },
        /-wal/,
      ],
    ];
    for (const [what, make, message] of cases) {
      rmSync(`${db}-wal`, { force: true });
      make();
      let thrown: unknown;
      try {
        checkDatabaseFile(db);
      } catch (error) {
        thrown = error;
      }
      expect([what, thrown instanceof DatabaseUnusableError]).toEqual([what, true]);
      expect((thrown as Error).message).toMatch(message);
      expect((thrown as Error).message).toContain('npm run restore --');
    }
  });

  it('npm run stats:verify runs the full integrity_check: it finds a broken index that quick_check lets through', () => {
    const dir = dataDir();
    const db = join(dir, 'app.db');
    makeAppDatabase(db, 50);
    // Make the index of units disagree with its table: quick_check does not compare the two.
    const raw = new Database(db);
    raw.exec('CREATE INDEX units_by_name ON units (district_id, name)');
    raw.unsafeMode(true);
    raw.pragma('writable_schema = ON');
    raw
      .prepare(
        "UPDATE sqlite_master SET sql = 'CREATE INDEX units_by_name ON units (district_id, kind)' WHERE name = ?",
      )
      .run('units_by_name');
    raw.close();
    expect(checkDatabaseFile(db)).toBe('ready'); // quick_check: fine

    const verify = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'scripts', 'stats-verify.ts')], {
      env: { ...process.env, DATA_DIR: dir },
      encoding: 'utf8',
    });
    expect(verify.status).not.toBe(0);
    expect(`${verify.stdout}${verify.stderr}`).toContain('integrity_check');
    expect(`${verify.stdout}${verify.stderr}`).toContain('npm run restore --');
  }, 60_000);

  it('npm run stats:verify does not create a database where there is none', () => {
    const dir = dataDir();
    const verify = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'scripts', 'stats-verify.ts')], {
      env: { ...process.env, DATA_DIR: dir },
      encoding: 'utf8',
    });
    expect(verify.status).not.toBe(0);
    expect(() => statSync(join(dir, 'app.db'))).toThrow();
  }, 60_000);
});
