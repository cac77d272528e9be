import Database from 'better-sqlite3';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { SCHEMA_VERSION } from '../../local/store/migrations';
import { SqliteStore } from '../../local/store/SqliteStore';
import { StoreVersionError } from '../../src/core/ports/Store';

describe('schema migrations', () => {
  it('brings a new database to the current version, and reopening changes nothing', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'migrate-')), 'app.db');
    const store = new SqliteStore(path);
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    await store.close();
    const again = new SqliteStore(path);
    expect(again.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    await again.close();
  });

  it('refuses to open a database written by newer code', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'migrate-')), 'app.db');
    const db = new Database(path);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => new SqliteStore(path)).toThrow(StoreVersionError);
    expect(() => new SqliteStore(path)).toThrow(/请升级程序/);
  });
});
