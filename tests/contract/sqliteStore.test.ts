import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { SqliteStore } from '../../local/store/SqliteStore';
import { runStoreContract } from './storeContract';

runStoreContract('SqliteStore', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'store-'));
  return {
    store: new SqliteStore(join(dir, 'app.db')),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
});
