/**
 * npm run bench — the figures the issues ask for, printed as tables and written to
 * bench/results.json: requests per action on the WeChat cloud (the bundled functions with the real
 * wx-server-sdk over the emulator, at 8 and 50 ms a request); a generated province in SQLite,
 * summary cost from counters against recomputing; submit throughput over the local cloud's HTTP
 * API beside the same writes done directly on SQLite; package and bundle sizes; the clerk's
 * screens on an emulated weak signal.
 *   --reuse   keep bench/.data/province.db if it is there
 *   --only=cloud,submit,…   run some parts only (cloud, province, submit, sizes, weak)
 */
import { spawn, spawnSync } from 'child_process';
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'fs';
import { Agent, request } from 'http';
import { tmpdir } from 'os';
import { join } from 'path';
import { performance } from 'perf_hooks';
import type { ApiContext } from '../server/context';
import { loadDistrictContext } from '../server/districtContext';
import { recomputeDistrictSummary } from '../server/recomputeSummary';
import { API_HANDLERS } from '../server/handlers';
import { handleCall } from '../server/router';
import { SqliteStore } from '../local/store/SqliteStore';
import { buildProvince } from '../bench/province';
import { measureWeakSignal } from '../bench/weakSignal';
import { requireTask } from '../server/tasks';
import { submit } from '../src/core/workflow';
import { runCloudScenario } from '../tests/support/cloudScenario';
import { buildFunctions } from './build-functions';
import { packageSizes } from './size';

const ROOT = join(__dirname, '..');
const DATA = join(ROOT, 'bench', '.data');
const TODAY = '2026-11-28';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))];
const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

async function province(reuse: boolean) {
  const path = join(DATA, 'province.db');
  if (reuse && existsSync(path)) {
    const store = new SqliteStore(path);
    const { n } = store.db.prepare('SELECT COUNT(*) AS n FROM tasks').get() as { n: number };
    await store.close();
    return { path, tasks: n, buildMs: null as number | null };
  }
  mkdirSync(DATA, { recursive: true });
  const built = await buildProvince({ path, districts: 100, unitsPerDistrict: 66, years: [2025, 2026], today: TODAY });
  return { path, tasks: built.tasks, buildMs: built.ms };
}

async function summaries(path: string) {
  const store = new SqliteStore(path);
  const now = new Date(`${TODAY}T02:00:00.000Z`);
  const api: ApiContext = { store, files: null as never, now: () => now, newId: () => 'bench', demoMode: false };
  const districtId = 'd050';
  if (!(await store.getUser('bench-leader'))) {
    await store.saveUser(
      {
        openid: 'bench-leader',
        districtId,
        name: '领导',
        role: 'leader',
        unitId: 'zfb',
        disabled: false,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
        version: 1,
      },
      null,
    );
  }
  const call = (context = api) =>
    handleCall(
      { openid: 'bench-leader', action: 'summary.district', payload: { year: 2026, asOf: TODAY } },
      context,
      API_HANDLERS,
    );
  // The same store without its change counter: every call reads the counters afresh (no cache).
  const uncached: ApiContext = { ...api, store: Object.assign(Object.create(store), { dataVersion: undefined }) };
  const context = await loadDistrictContext(store, districtId);
  const fromCounters: number[] = [];
  const recomputed: number[] = [];
  for (let run = 0; run < 5; run += 1) await call();
  for (let run = 0; run < 41; run += 1) {
    const started = performance.now();
    const reply = await call();
    fromCounters.push(performance.now() - started);
    if (!reply.ok) throw new Error(reply.error.message);
  }
  const fromCountersUncached: number[] = [];
  for (let run = 0; run < 41; run += 1) {
    const started = performance.now();
    await call(uncached);
    fromCountersUncached.push(performance.now() - started);
  }
  for (let run = 0; run < 15; run += 1) {
    const started = performance.now();
    await recomputeDistrictSummary(api, context, 2026, TODAY);
    recomputed.push(performance.now() - started);
  }
  const { n } = store.db
    .prepare("SELECT COUNT(*) AS n FROM tasks WHERE district_id = 'd050' AND year = 2026")
    .get() as { n: number };
  await store.close();
  return {
    summaryMsCounters: median(fromCounters),
    summaryMsCountersUncached: median(fromCountersUncached),
    summaryMsRecompute: median(recomputed),
    districtTasks: n,
  };
}

function startLocalCloud(dataDir: string, port: number): Promise<ReturnType<typeof spawn>> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'local', 'start.ts'), '--no-build', '--demo'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      if (output.includes(`127.0.0.1:${port}`)) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`local cloud exited (${code})`)));
  });
}

function post(
  agent: Agent,
  port: number,
  action: string,
  openid: string,
  payload: unknown,
  // The bench reads a few fields of well-known replies.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): Promise<{ ok: boolean; data?: any }> {
  const body = JSON.stringify(payload);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: `/api/${action}`,
        method: 'POST',
        agent,
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'X-Openid': openid },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve(JSON.parse(text)));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function submits() {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-cloud-'));
  const port = 30000 + Math.floor(Math.random() * 20000);
  const server = await startLocalCloud(dataDir, port);
  const agent = new Agent({ keepAlive: true, maxSockets: 50 });
  const users = (await post(agent, port, 'dev.users', '', {})).data.users.filter(
    (user: { role: string }) => user.role === 'staff',
  );
  const work: Array<{ openid: string; taskId: string }> = [];
  for (const year of [2026, 2027]) {
    for (const user of users) {
      const list = await post(agent, port, 'tasks.list', user.openid, { year });
      for (const task of list.data.tasks)
        if (task.status === 'pending') work.push({ openid: user.openid, taskId: task.id });
    }
  }
  // The same writes, later, straight on SQLite: from a copy of the database as it is now.
  const before = join(dataDir, 'before-submits.db');
  const reader = new Database(join(dataDir, 'app.db'), { readonly: true });
  await reader.backup(before);
  reader.close();
  const latencies: number[] = [];
  const acknowledged: string[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      while (next < work.length) {
        const index = next++;
        const { openid, taskId } = work[index];
        const sent = performance.now();
        const reply = await post(agent, port, 'report.submit', openid, {
          taskId,
          note: '压力测试报送',
          requestId: `bench-${index}-${taskId}`.slice(0, 64).replace(/[^A-Za-z0-9_-]/g, '_'),
        });
        latencies.push(performance.now() - sent);
        if (reply.ok) acknowledged.push(taskId);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  await new Promise((resolve) => {
    server.once('exit', resolve);
    server.kill('SIGTERM');
  });
  const store = new SqliteStore(join(dataDir, 'app.db'));
  const held = new Set(
    (store.db.prepare("SELECT id FROM tasks WHERE status = 'submitted'").all() as Array<{ id: string }>).map(
      (row) => row.id,
    ),
  );
  await store.close();
  const bare = await bareSubmits(before, work);
  return {
    submits: work.length,
    submitsPerSec: Math.round(work.length / seconds),
    bareSqliteSubmitsPerSec: bare,
    submitOverBareSqlite: round(work.length / seconds / bare, 3),
    submitP50Ms: round(percentile(latencies, 50), 2),
    submitP99Ms: round(percentile(latencies, 99), 2),
    acknowledged: acknowledged.length,
    lost: acknowledged.filter((taskId) => !held.has(taskId)).length,
  };
}

/** The submits of the HTTP run as direct store writes: the workflow's transition, one commit each. */
async function bareSubmits(path: string, work: Array<{ openid: string; taskId: string }>): Promise<number> {
  const store = new SqliteStore(path);
  const now = new Date();
  const api: ApiContext = { store, files: null as never, now: () => now, newId: () => 'bare', demoMode: false };
  const first = await store.getUser(work[0].openid);
  const context = await loadDistrictContext(store, first!.districtId);
  const started = performance.now();
  for (const [index, { openid, taskId }] of work.entries()) {
    const user = (await store.getUser(openid))!;
    const task = await requireTask(api, context, taskId);
    const step = {
      at: new Date().toISOString(),
      actor: { openid, name: user.name, role: user.role, unitId: user.unitId },
    };
    const { after, history } = submit(task, step, { note: '压力测试报送' });
    await store.commitTaskChange({
      before: task,
      after,
      history,
      request: {
        districtId: user.districtId,
        openid,
        requestId: `bare-${index}`,
        action: 'report.submit',
        result: { task: after.id },
        createdAt: step.at,
      },
    });
  }
  const perSec = Math.round(work.length / ((performance.now() - started) / 1000));
  await store.close();
  return perSec;
}

/** Requests and emulated time per action on the WeChat cloud, at 8 and at 50 ms a request. */
async function cloudRequests() {
  const at8 = await runCloudScenario(8);
  const at50 = await runCloudScenario(50);
  const table: Record<string, { requests: number; ms8: number; ms50: number }> = {};
  for (const [action, measured] of Object.entries(at8.actions)) {
    table[action] = { requests: measured.requests, ms8: measured.ms, ms50: at50.actions[action].ms };
  }
  table['remind (whole district, busy December day)'] = {
    requests: at8.remind.requests,
    ms8: at8.remind.ms,
    ms50: at50.remind.ms,
  };
  table['20 concurrent report.submit (20 units)'] = {
    requests: 0,
    ms8: at8.concurrentSubmits.ms,
    ms50: at50.concurrentSubmits.ms,
  };
  console.table(table);
  return {
    cloudRequests: table,
    concurrentSubmits: { at8: at8.concurrentSubmits, at50: at50.concurrentSubmits },
    remindRaised: at8.remind.raised,
  };
}

async function bundles() {
  const sizes = await buildFunctions(() => undefined);
  const dir = mkdtempSync(join(tmpdir(), 'bench-fn-'));
  copyFileSync(join(ROOT, 'dist', 'cloudfunctions', 'api', 'index.js'), join(dir, 'index.js'));
  mkdirSync(join(dir, 'node_modules', 'wx-server-sdk'), { recursive: true });
  writeFileSync(
    join(dir, 'node_modules', 'wx-server-sdk', 'index.js'),
    'module.exports = { DYNAMIC_CURRENT_ENV: Symbol("env"), init() {}, database() { return { command: {}, collection() { return {}; } }; }, getWXContext() { return {}; }, openapi: {} };\n',
  );
  const times: number[] = [];
  for (let run = 0; run < 7; run += 1) {
    const probe = spawnSync(
      process.execPath,
      [
        '-e',
        `const t=process.hrtime.bigint();require(${JSON.stringify(join(dir, 'index.js'))});console.log(Number(process.hrtime.bigint()-t)/1e6)`,
      ],
      { encoding: 'utf8' },
    );
    times.push(Number(probe.stdout.trim()));
  }
  return { apiBundleBytes: sizes.api, apiRequireMs: round(median(times), 1) };
}

function weappSizes() {
  const build = spawnSync(join(ROOT, 'node_modules', '.bin', 'taro'), ['build', '--type', 'weapp'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production' },
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error('weapp build failed');
  const { mainPackageBytes, totalPackageBytes } = packageSizes();
  return { mainPackageBytes, totalPackageBytes };
}

async function main() {
  const reuse = process.argv.includes('--reuse');
  const only = process.argv
    .find((arg) => arg.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',');
  const wanted = (part: string) => !only || only.includes(part);
  const path = join(ROOT, 'bench', 'results.json');
  const results: Record<string, unknown> = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
  if (wanted('cloud')) {
    console.log('测微信云开发：每个操作的请求次数（真实 wx-server-sdk + 云模拟器，8 ms 与 50 ms 一次请求）…');
    Object.assign(results, await cloudRequests());
  }
  if (wanted('province')) {
    console.log('生成全省数据（100 个区）…');
    const built = await province(reuse);
    console.log('测全区汇总…');
    const summary = await summaries(built.path);
    Object.assign(results, {
      tasks: built.tasks,
      provinceBuildMs: built.buildMs,
      provinceDbBytes: statSync(built.path).size,
      districtTasks: summary.districtTasks,
      summaryMsCounters: round(summary.summaryMsCounters),
      summaryMsRecompute: round(summary.summaryMsRecompute),
      recomputeOverCounters: round(summary.summaryMsRecompute / summary.summaryMsCounters, 1),
      summaryMsCountersUncached: round(summary.summaryMsCountersUncached),
      recomputeOverUncachedCounters: round(summary.summaryMsRecompute / summary.summaryMsCountersUncached, 1),
    });
  }
  if (wanted('submit')) {
    console.log('测报送吞吐（本地云 HTTP，50 个并发客户端；同样的写入直接在 SQLite 上）…');
    Object.assign(results, await submits());
  }
  if (wanted('sizes')) {
    console.log('测包体积…');
    Object.assign(results, weappSizes(), await bundles());
  }
  if (wanted('weak')) {
    console.log('测弱网（Chromium，约 400 kbps、400 ms 往返）…');
    results.weakSignal = await measureWeakSignal();
  }
  results.measuredAt = new Date().toISOString();
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
  console.table(
    Object.entries(results)
      .filter(([, value]) => typeof value !== 'object' || value === null)
      .map(([key, value]) => ({ key, value })),
  );
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
