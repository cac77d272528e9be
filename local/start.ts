/**
 * npm start: the local cloud on one port — the H5 app (built if missing or stale), the API,
 * uploads and files — over SQLite and a folder under .data/. First start seeds demo data.
 *   --reset   seed afresh      --demo   demo identities (X-Openid, dev.users); npm start passes it
 */
import { join } from 'path';
import { ROLE_LABEL } from '../src/core/model';
import { openLocalCloud } from './cloud';
import { ensureH5Build, H5_DIR } from './h5Build';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const port = Number(process.env.PORT ?? 10086);
  const demoMode = args.includes('--demo') || process.env.DEMO_MODE === '1';
  const dataDir = process.env.DATA_DIR ?? join(__dirname, '..', '.data');
  if (!args.includes('--no-build')) ensureH5Build();

  const cloud = await openLocalCloud({
    dataDir,
    demoMode,
    reset: args.includes('--reset'),
    staticRoot: H5_DIR,
    log: console.log,
  });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`收到 ${signal}，正在安全关闭…`);
    void cloud.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  const users = demoMode ? await cloud.store.listUsers('changjiang') : [];
  cloud.server.listen(port, '127.0.0.1', () => {
    const url = `http://127.0.0.1:${port}`;
    if (demoMode) {
      const order = ['leader', 'admin', 'reviewer', 'staff'];
      const featured = users
        .filter((user) => user.role !== 'staff' || user.openid.startsWith('demo-staff-x'))
        .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
      console.log('演示身份（打开页面后在“我的”里切换，或在请求头 X-Openid 中填写）：');
      for (const user of featured) console.log(`  ${ROLE_LABEL[user.role]}  ${user.name}  ${user.openid}`);
      console.log(`  …共 ${users.length} 个演示身份，每个单位都有一名经办人（demo-staff-<单位>）`);
    }
    console.log(`数据保存在 ${dataDir}（重新生成演示数据：npm start -- --reset）`);
    console.log(`\n法治政府建设任务清单已启动：${url}`);
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
