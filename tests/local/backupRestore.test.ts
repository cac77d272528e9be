import { spawn } from 'child_process';
import { createHash, randomBytes } from 'crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import Database from 'better-sqlite3';
import { tmpdir } from 'os';
import { join } from 'path';
import { scheduleDailyBackups } from '../../local/backup';
import { SqliteStore } from '../../local/store/SqliteStore';
import { ROOT } from '../support/fixtures';
import { startLocalServer, type RunningServer } from '../support/localServer';

/**
 * Issue 13: backups. `npm run backup` takes SQLite's online backup while the server serves;
 * `npm run restore -- <file>` checks the file, keeps the current database aside and puts the
 * backup in place; the local cloud keeps a daily backup and the last N.
 */

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-backup-'));
  dirs.push(dir);
  return dir;
}

/** Runs scripts/<name>.ts as `npm run <name>` would, without blocking this process. */
function runScript(
  name: 'backup' | 'restore',
  args: string[],
  dataDir: string,
): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', `${name}.ts`), ...args], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (status) => resolve({ status, output }));
  });
}

async function api(server: RunningServer, openid: string | null, action: string, payload: unknown = {}) {
  const response = await fetch(`${server.url}/api/${action}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(openid ? { 'X-Openid': openid } : {}) },
    body: JSON.stringify(payload),
  });
  return (await response.json()) as { ok: boolean; data?: any; error?: { code: string; message: string } };
}

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return condition();
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function integrity(path: string): string {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}

describe('npm run backup / npm run restore', () => {
  it('a backup taken in the middle of a burst of submits, restored, has every write acknowledged before it started', async () => {
    let server = await startLocalServer({ env: { BACKUP_KEEP: '3' } });
    const { dataDir } = server;
    dirs.push(dataDir);
    // The daily backup of a first start is taken in the background.
    const daily = join(dataDir, 'backups', 'daily');
    expect(await until(() => existsSync(daily) && readdirSync(daily).some((n) => n.endsWith('.db')), 30_000)).toBe(
      true,
    );

    const users = (await api(server, null, 'dev.users')).data.users.filter(
      (user: { role: string }) => user.role === 'staff',
    );
    const work: Array<{ openid: string; taskId: string }> = [];
    for (const user of users) {
      const list = await api(server, user.openid, 'tasks.list', {});
      for (const task of list.data.tasks) {
        if (task.status === 'pending') work.push({ openid: user.openid, taskId: task.id });
      }
    }
    expect(work.length).toBeGreaterThan(300);

    // Submits, 10 in flight; after 40 are acknowledged `npm run backup` starts, and the burst goes on
    // until 20 more were acknowledged after the backup had finished.
    const acknowledged: string[] = [];
    let acknowledgedBeforeBackup: string[] = [];
    let acknowledgedWhenBackupDone = -1;
    let backup: Promise<{ status: number | null; output: string }> | null = null;
    let next = 0;
    const worker = async () => {
      while (next < work.length) {
        if (acknowledgedWhenBackupDone >= 0 && acknowledged.length >= acknowledgedWhenBackupDone + 20) break;
        const index = next++;
        const { openid, taskId } = work[index];
        const reply = await api(server, openid, 'report.submit', {
          taskId,
          note: '备份测试报送',
          requestId: `backup-${String(index).padStart(4, '0')}`,
        });
        if (reply.ok) acknowledged.push(taskId);
        if (acknowledged.length >= 40 && !backup) {
          acknowledgedBeforeBackup = [...acknowledged];
          backup = runScript('backup', [], dataDir).then((result) => {
            acknowledgedWhenBackupDone = acknowledged.length;
            return result;
          });
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    };
    await Promise.all(Array.from({ length: 10 }, worker));
    const taken = await (backup as unknown as Promise<{ status: number | null; output: string }>);
    expect(taken.status).toBe(0);
    // The server kept serving while the backup ran, and the burst outlasted it.
    expect(acknowledgedWhenBackupDone).toBeGreaterThan(acknowledgedBeforeBackup.length);
    expect(acknowledged.length).toBeGreaterThanOrEqual(acknowledgedWhenBackupDone + 20);
    const path = /(\/\S+\/backups\/app-\d{8}-\d{6}\.db)/.exec(taken.output)?.[1] as string;
    expect(path).toBeDefined();
    expect(path.startsWith(join(dataDir, 'backups'))).toBe(true);
    expect(integrity(path)).toBe('ok');
    expect(existsSync(`${path}-wal`)).toBe(false); // one self-contained file

    // Not while the server is running on this data folder.
    const current = sha(join(dataDir, 'app.db'));
    const refused = await runScript('restore', [path], dataDir);
    expect(refused.status).not.toBe(0);
    expect(refused.output).toContain('正在运行');
    expect(sha(join(dataDir, 'app.db'))).toBe(current);
    expect((await api(server, null, 'dev.users')).ok).toBe(true);

    expect(await server.stop()).toBe(0);
    const restored = await runScript('restore', [path], dataDir);
    expect(restored.output).toContain('已恢复');
    expect(restored.status).toBe(0);
    const aside = readdirSync(dataDir).filter((name) => /^app\.db\.before-restore-\d{8}-\d{6}$/.test(name));
    expect(aside).toHaveLength(1);
    expect(restored.output).toContain(aside[0]);
    expect(integrity(join(dataDir, aside[0]))).toBe('ok');
    expect(integrity(join(dataDir, 'app.db'))).toBe('ok');

    server = await startLocalServer({ dataDir });
    try {
      expect(server.output()).not.toContain('首次启动');
      const status = new Map<string, string>();
      for (const taskId of acknowledged) {
        const owner = work.find((item) => item.taskId === taskId)?.openid as string;
        status.set(taskId, (await api(server, owner, 'tasks.get', { id: taskId })).data.task.status);
      }
      // Every write acknowledged before the backup started is in it…
      for (const taskId of acknowledgedBeforeBackup)
        expect([taskId, status.get(taskId)]).toEqual([taskId, 'submitted']);
      // …and it is the backup that was restored, not the database as it was at the end.
      const later = acknowledged.slice(acknowledgedWhenBackupDone);
      expect(later.filter((taskId) => status.get(taskId) === 'pending').length).toBeGreaterThan(0);
    } finally {
      await server.stop();
    }
  }, 240_000);

  it('restore refuses a damaged, empty or foreign file and a missing one, and leaves app.db as it was', async () => {
    const dataDir = tempDir();
    const db = join(dataDir, 'app.db');
    const store = new SqliteStore(db);
    store.db
      .prepare(
        `INSERT INTO districts (id, name, full_name, default_due_date, catalog, task_years, created_at)
         VALUES ('changjiang', '昌江区', '景德镇市昌江区', '12-31', '{}', '{}', '2025-01-01T00:00:00Z')`,
      )
      .run();
    await store.close();
    const before = sha(db);
    const files = tempDir();

    const empty = join(files, 'empty.db');
    writeFileSync(empty, '');
    const garbage = join(files, 'garbage.db');
    writeFileSync(garbage, randomBytes(16384));
    const foreign = join(files, 'foreign.db');
    const other = new Database(foreign);
    other.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES (1)');
    other.close();
    const damaged = join(files, 'damaged.db');
    writeFileSync(damaged, readFileSync(db));
    const bytes = readFileSync(damaged);
    randomBytes(4096).copy(bytes, 4096 * 2); // a page of the schema's tables
    writeFileSync(damaged, bytes);

    for (const [file, said] of [
      [empty, '0 字节'],
      [garbage, '不是 SQLite 数据库'],
      [foreign, '不是本程序的数据库'],
      [damaged, '损坏'],
      [join(files, 'missing.db'), '找不到'],
    ]) {
      const outcome = await runScript('restore', [file], dataDir);
      expect([file, outcome.status === 0]).toEqual([file, false]);
      expect(outcome.output).toContain(said);
      expect(outcome.output).not.toMatch(/\n\s+at /);
      expect(sha(db)).toBe(before);
      expect(readdirSync(dataDir).filter((name) => name.includes('before-restore'))).toEqual([]);
    }
    expect(readdirSync(files).sort()).toEqual(['damaged.db', 'empty.db', 'foreign.db', 'garbage.db']);
    const usage = await runScript('restore', [], dataDir);
    expect(usage.status).not.toBe(0);
    expect(usage.output).toContain('npm run restore -- <备份文件>');
  }, 120_000);

  it('npm run backup -- <dir> writes there; a database with nothing yet is refused', async () => {
    const dataDir = tempDir();
    const db = join(dataDir, 'app.db');
    const store = new SqliteStore(db);
    store.db
      .prepare(
        `INSERT INTO districts (id, name, full_name, default_due_date, catalog, task_years, created_at)
         VALUES ('changjiang', '昌江区', '景德镇市昌江区', '12-31', '{}', '{}', '2025-01-01T00:00:00Z')`,
      )
      .run();
    await store.close();
    const target = join(tempDir(), 'elsewhere');
    const taken = await runScript('backup', [target], dataDir);
    expect(taken.status).toBe(0);
    const [name] = readdirSync(target);
    expect(name).toMatch(/^app-\d{8}-\d{6}\.db$/);
    expect(taken.output).toContain(join(target, name));
    expect(integrity(join(target, name))).toBe('ok');

    const none = await runScript('backup', [], tempDir());
    expect(none.status).not.toBe(0);
    expect(none.output).toContain('找不到');
  }, 60_000);
});

describe('daily backups', () => {
  it('takes one a day in the background and keeps the last N', async () => {
    const dataDir = tempDir();
    const store = new SqliteStore(join(dataDir, 'app.db'));
    const daily = join(dataDir, 'backups', 'daily');
    mkdirSync(daily, { recursive: true });
    for (let day = 1; day <= 9; day++) {
      writeFileSync(join(daily, `app-202501${String(day).padStart(2, '0')}-073000.db`), 'old');
    }
    const manual = join(dataDir, 'backups', 'app-20241231-120000.db');
    writeFileSync(manual, 'a backup someone made by hand');
    let now = new Date('2025-01-15T02:00:00Z'); // 10:00 in Beijing
    const backups = scheduleDailyBackups({ db: store.db, dataDir, keep: 3, now: () => now, runAtStart: false });
    try {
      const first = await backups.takeIfDue();
      expect(first).toBe(join(daily, 'app-20250115-100000.db'));
      expect(integrity(first as string)).toBe('ok');
      expect(readdirSync(daily).sort()).toEqual([
        'app-20250108-073000.db',
        'app-20250109-073000.db',
        'app-20250115-100000.db',
      ]);
      now = new Date('2025-01-15T15:30:00Z'); // 23:30 the same day in Beijing
      expect(await backups.takeIfDue()).toBeNull();
      now = new Date('2025-01-15T16:30:00Z'); // 00:30 the next day
      expect(await backups.takeIfDue()).toBe(join(daily, 'app-20250116-003000.db'));
      expect(readdirSync(daily).sort()).toEqual([
        'app-20250109-073000.db',
        'app-20250115-100000.db',
        'app-20250116-003000.db',
      ]);
      expect(existsSync(manual)).toBe(true); // only the daily ones are pruned
    } finally {
      await backups.stop();
      await store.close();
    }
  });
});
