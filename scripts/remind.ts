/**
 * npm run remind -- [--date YYYY-MM-DD] — runs the daily reminder job once against the local
 * cloud's data (.data/, or DATA_DIR), as of 07:30 Beijing time on that date (default today).
 */
import { randomBytes } from 'crypto';
import { join } from 'path';
import { isIsoDate, shanghaiDate } from '../src/core/dates';
import type { ApiContext } from '../server/context';
import { runReminderJob } from '../server/reminders/job';
import { LocalFileStorage } from '../local/files/LocalFileStorage';
import { LocalOutboxSender } from '../local/reminders';
import { SqliteStore } from '../local/store/SqliteStore';

async function main(argv: string[]): Promise<number> {
  const dateIndex = argv.indexOf('--date');
  const date = dateIndex >= 0 ? argv[dateIndex + 1] : shanghaiDate(new Date());
  if (!isIsoDate(date)) {
    console.error('用法：npm run remind -- --date YYYY-MM-DD');
    return 2;
  }
  const dataDir = process.env.DATA_DIR ?? join(__dirname, '..', '.data');
  const store = new SqliteStore(join(dataDir, 'app.db'));
  const now = new Date(`${date}T07:30:00+08:00`);
  const api: ApiContext = {
    store,
    files: new LocalFileStorage({ dataDir, store }),
    now: () => now,
    newId: () => randomBytes(12).toString('hex'),
    demoMode: false,
    sender: new LocalOutboxSender(),
  };
  try {
    const result = await runReminderJob(api, date);
    console.log(`${result.date}：新增提醒 ${result.raised} 条（已写入发件记录）`);
  } finally {
    await store.close();
  }
  return 0;
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
