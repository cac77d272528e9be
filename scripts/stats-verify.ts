/**
 * npm run stats:verify — checks the whole database file (PRAGMA integrity_check: every page and
 * every index against its table), then recomputes every district's counters from its tasks and
 * reports any drift from the counters the store keeps. Exit code 1 when anything is wrong.
 *   --cloud   the same recount over the WeChat cloud database (wx-server-sdk with the environment's
 *             credentials: TCB_ENV, TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY)
 */
import { join } from 'path';
import { dataPaths } from '../local/dataPaths';
import { checkDatabaseFile, DatabaseUnusableError } from '../local/store/openDatabase';
import { SqliteStore } from '../local/store/SqliteStore';
import { verifyCounters } from './lib/verifyCounters';
import { verifyCloudCounters } from './lib/verifyCloudCounters';

async function main(): Promise<number> {
  if (process.argv.includes('--cloud')) return verifyCloudCounters();
  const { db } = dataPaths(process.env.DATA_DIR ?? join(__dirname, '..', '.data'));
  try {
    if (checkDatabaseFile(db, { full: true }) === 'missing') {
      console.error(`找不到数据库 ${db}（DATA_DIR 对吗？） / No database at ${db}`);
      return 2;
    }
  } catch (error) {
    if (!(error instanceof DatabaseUnusableError)) throw error;
    console.error(error.message);
    return 1;
  }
  console.log('数据库完整（PRAGMA integrity_check：ok）');
  const store = new SqliteStore(db);
  let drifted = 0;
  try {
    drifted = await verifyCounters(store, async (districtId) =>
      [...new Set((await store.listTasks(districtId, {})).map((task) => task.year))].sort(),
    );
  } finally {
    await store.close();
  }
  return drifted === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error);
    process.exitCode = 2;
  },
);
