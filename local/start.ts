/**
 * npm start: the local cloud on one port — the H5 app (built if missing or stale), the API,
 * uploads and files — over SQLite and a folder under .data/. First start seeds demo data.
 *   --reset   seed afresh      --demo   demo identities (X-Openid, dev.users); npm start passes it
 * Environment: PORT, DATA_DIR, DEMO_MODE=1, ALLOWED_HOSTS (hosts answered in demo mode besides
 * localhost, comma-separated), BACKUP_KEEP (daily backups kept, default 7; 0: none),
 * BIND_ATTEMPTS_PER_MINUTE (per address, default 10), UPLOADS_PER_CALLER (default 3),
 * UPLOAD_IDLE_SECONDS (a request body silent this long is cut, default 60).
 */
import { join } from 'path';
import { ROLE_LABEL } from '../src/core/model';
import { StoreVersionError } from '../src/core/ports/Store';
import { openLocalCloud } from './cloud';
import { dataPaths } from './dataPaths';
import { ensureH5Build, H5_DIR } from './h5Build';
import { DEFAULT_LIMITS } from './server';
import { removeServerPid, writeServerPid } from './serverLock';
import { DatabaseUnusableError } from './store/openDatabase';

/** A setting that is refused at start rather than misread. */
class SettingError extends Error {}

function integerSetting(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new SettingError(
      `环境变量 ${name}=${raw} 不对：应为不小于 ${min} 的整数 / ${name} must be an integer >= ${min}`,
    );
  }
  return value;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const port = Number(process.env.PORT ?? 10086);
  const demoMode = args.includes('--demo') || process.env.DEMO_MODE === '1';
  const dataDir = process.env.DATA_DIR ?? join(__dirname, '..', '.data');
  const keep = integerSetting('BACKUP_KEEP', 7, 0);
  const limits = {
    bindAttempts: integerSetting('BIND_ATTEMPTS_PER_MINUTE', DEFAULT_LIMITS.bindAttempts, 1),
    uploadsPerCaller: integerSetting('UPLOADS_PER_CALLER', DEFAULT_LIMITS.uploadsPerCaller, 1),
    idleTimeoutMs: integerSetting('UPLOAD_IDLE_SECONDS', DEFAULT_LIMITS.idleTimeoutMs / 1000, 1) * 1000,
  };
  const allowedHosts = (process.env.ALLOWED_HOSTS ?? '')
    .split(',')
    .map((host) => host.trim())
    .filter(Boolean);
  if (!args.includes('--no-build')) ensureH5Build();

  const cloud = await openLocalCloud({
    dataDir,
    demoMode,
    reset: args.includes('--reset'),
    staticRoot: H5_DIR,
    log: console.log,
    dailyBackups: keep > 0 ? { keep } : false,
    allowedHosts,
    limits,
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
  process.on('exit', () => removeServerPid(dataDir));

  const users = demoMode ? await cloud.store.listUsers('changjiang') : [];
  cloud.server.listen(port, '127.0.0.1', () => {
    writeServerPid(dataDir);
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
    console.log(
      keep > 0
        ? `每日自动备份到 ${dataPaths(dataDir).dailyBackups}，保留最近 ${keep} 份（BACKUP_KEEP）；随时备份：npm run backup`
        : '每日自动备份已关闭（BACKUP_KEEP=0）；随时备份：npm run backup',
    );
    console.log(`\n法治政府建设任务清单已启动：${url}`);
  });
}

main().catch((error: unknown) => {
  // What the person starting it can act on is said plainly, without a stack trace.
  if (error instanceof DatabaseUnusableError || error instanceof StoreVersionError || error instanceof SettingError) {
    console.error(`\n${error.message}\n`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
