import { spawnSync } from 'child_process';
import { join } from 'path';
import { ROOT } from '../support/fixtures';
import { startLocalServer } from '../support/localServer';

function remind(dataDir: string, date: string) {
  return spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'scripts', 'remind.ts'), '--date', date], {
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
  });
}

describe('npm run remind -- --date', () => {
  it('runs the day’s reminders once against the local cloud’s data; a rerun adds nothing', async () => {
    const server = await startLocalServer();
    await server.stop();
    const first = remind(server.dataDir, '2026-12-24');
    expect(first.status).toBe(0);
    const raised = Number(/新增提醒 (\d+) 条/.exec(first.stdout)?.[1]);
    expect(raised).toBeGreaterThan(0);
    const again = remind(server.dataDir, '2026-12-24');
    expect(again.stdout).toContain('新增提醒 0 条');
    expect(remind(server.dataDir, '2026-02-30').status).toBe(2);
  }, 120_000);
});
