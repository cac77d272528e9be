/**
 * npm run stats:verify — recomputes every district's counters from its tasks and reports any
 * drift from the counters the store keeps. Exit code 1 when anything drifted.
 */
import { join } from 'path';
import { counterDrift } from '../server/counterDrift';
import { SqliteStore } from '../local/store/SqliteStore';

async function main(): Promise<number> {
  const dataDir = process.env.DATA_DIR ?? join(__dirname, '..', '.data');
  const store = new SqliteStore(join(dataDir, 'app.db'));
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
