/**
 * npm run stats:verify — checks the whole database file (PRAGMA integrity_check: every page and
 * every index against its table), then recomputes every district's counters from its tasks and
 * reports any drift from the counters the store keeps. Exit code 1 when anything is wrong.
 */
import { join } from 'path';
import { counterDrift } from '../server/counterDrift';
import { dataPaths } from '../local/dataPaths';
import { checkDatabaseFile, DatabaseUnusableError } from '../local/store/openDatabase';
import { SqliteStore } from '../local/store/SqliteStore';

async function main(): Promise<number> {
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
    for (const district of await store.listDistricts()) {
      const years = [...new Set((await store.listTasks(district.id, {})).map((task) => task.year))].sort();
      for (const year of years) {
        const drift = await counterDrift(store, district.id, year);
        drifted += drift.length;
        for (const item of drift) {
          console.log(
            `${district.name} ${year} ${item.scope} ${item.dueDate} ${item.field}: 计数 ${item.kept}，实际 ${item.recomputed}`,
          );
        }
        console.log(
          `${district.name} ${year}年：${drift.length === 0 ? '计数与任务一致' : `${drift.length} 处不一致`}`,
        );
      }
    }
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
