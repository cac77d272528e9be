import { spawnSync } from 'child_process';
import Database from 'better-sqlite3';
import { join } from 'path';
import { shanghaiDate } from '../../src/core/dates';
import { ROOT } from '../support/fixtures';
import { startLocalServer, type RunningServer } from '../support/localServer';

async function api(server: RunningServer, openid: string | null, action: string, payload: unknown = {}) {
  const response = await fetch(`${server.url}/api/${action}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(openid ? { 'X-Openid': openid } : {}) },
    body: JSON.stringify(payload),
  });
  return {
    status: response.status,
    body: (await response.json()) as { ok: boolean; data?: any; error?: { code: string; message: string } },
  };
}

function statsVerify(dataDir: string) {
  return spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'scripts', 'stats-verify.ts')], {
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
  });
}

describe('npm start: the local cloud', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startLocalServer();
  }, 120_000);

  afterAll(async () => server?.stop());

  it('seeds demo identities of every role on first start, and says who they are', async () => {
    expect(server.output()).toContain('demo-leader');
    const { body } = await api(server, null, 'dev.users');
    const roles = new Set(body.data.users.map((user: { role: string }) => user.role));
    expect([...roles].sort()).toEqual(['admin', 'leader', 'reviewer', 'staff']);
    const staffUnits = body.data.users
      .filter((user: { role: string }) => user.role === 'staff')
      .map((user: { unitKind: string }) => user.unitKind);
    expect(staffUnits.filter((kind: string) => kind === 'township' || kind === 'street')).toHaveLength(6);
    expect(staffUnits).toContain('department');
    expect(
      body.data.users.some(
        (user: { role: string; unitName: string }) => user.role === 'reviewer' && user.unitName === '区司法局',
      ),
    ).toBe(true);
  });

  it('shows a year in progress: approved, waiting, returned and overdue work', async () => {
    const { body } = await api(server, 'demo-leader', 'summary.district', {});
    const { totals } = body.data;
    expect(totals.approved).toBeGreaterThan(0);
    expect(totals.submitted).toBeGreaterThan(0);
    expect(totals.returned).toBeGreaterThan(0);
    expect(totals.overdue).toBeGreaterThan(0);
    expect(body.data.units.length).toBeGreaterThan(20);
    const queue = await api(server, 'demo-reviewer-sfj', 'review.queue', {});
    expect(queue.body.data.tasks.length).toBeGreaterThan(0);
    const detail = await api(server, 'demo-reviewer-sfj', 'tasks.get', { id: queue.body.data.tasks[0].id });
    const [evidence] = detail.body.data.evidence;
    const file = await fetch(`${server.url}${evidence.url}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe(evidence.mime);
  });

  it('serves the exports of the export function too: files to open through their links', async () => {
    const year = Number(shanghaiDate(new Date()).slice(0, 4));
    const workbook = await api(server, 'demo-leader', 'export.xlsx', { year });
    expect(workbook.body).toMatchObject({ ok: true, data: { name: expect.stringMatching(/\.xlsx$/) } });
    const xlsx = await fetch(`${server.url}${workbook.body.data.url}`);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    const report = await api(server, 'demo-staff-xijiao', 'report.annual', { unitId: 'xijiao', year });
    const docx = Buffer.from(await (await fetch(`${server.url}${report.body.data.url}`)).arrayBuffer());
    expect(docx.includes(Buffer.from('word/media/'))).toBe(true); // the demo photos, read back from disk
    expect((await api(server, 'demo-staff-xijiao', 'export.xlsx', { year: 2026 })).status).toBe(403);
  });

  it('answers with the contract’s HTTP statuses', async () => {
    expect((await api(server, 'demo-staff-xijiao', 'summary.district')).status).toBe(403);
    expect((await api(server, 'nobody', 'tasks.list')).status).toBe(401);
    expect((await api(server, 'demo-staff-xijiao', 'tasks.list', { year: 'x' })).status).toBe(400);
    expect((await api(server, 'demo-staff-xijiao', 'tasks.get', { id: 'no-such-task' })).status).toBe(404);
  });

  it('uploads evidence through POST /upload and attaches it to a task', async () => {
    const list = await api(server, 'demo-staff-hetang', 'tasks.list', {});
    const task = list.body.data.tasks.find((candidate: { status: string }) => candidate.status === 'pending');
    const form = new FormData();
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
    form.append('file', new Blob([pdf], { type: 'application/pdf' }), '工作方案.pdf');
    const upload = await fetch(`${server.url}/upload`, {
      method: 'POST',
      headers: { 'X-Openid': 'demo-staff-hetang' },
      body: form,
    });
    const uploaded = (await upload.json()) as {
      ok: boolean;
      data: { fileId: string; name: string; size: number; mime: string };
    };
    expect(uploaded).toMatchObject({ ok: true, data: { mime: 'application/pdf', name: '工作方案.pdf' } });
    const added = await api(server, 'demo-staff-hetang', 'evidence.add', { taskId: task.id, ...uploaded.data });
    expect(added.body).toMatchObject({
      ok: true,
      data: { evidence: { name: '工作方案.pdf', mime: 'application/pdf' } },
    });
    const exe = new FormData();
    exe.append('file', new Blob([Buffer.from('MZ\x90\x00 this is a program')]), 'photo.jpg');
    const refused = await fetch(`${server.url}/upload`, {
      method: 'POST',
      headers: { 'X-Openid': 'demo-staff-hetang' },
      body: exe,
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain('只能上传');
  });
});

describe('restarts, demo mode and shutdown', () => {
  it('keeps the data across a restart, and --reset seeds afresh', async () => {
    let server = await startLocalServer();
    const before = await api(server, 'demo-staff-xijiao', 'tasks.list', {});
    const task = before.body.data.tasks.find((candidate: { status: string }) => candidate.status === 'pending');
    await api(server, 'demo-staff-xijiao', 'report.submit', {
      taskId: task.id,
      note: '重启前报送',
      requestId: 'restart-0001',
    });
    expect(await server.stop('SIGTERM')).toBe(0);
    expect(server.output()).toContain('正在安全关闭');

    server = await startLocalServer({ dataDir: server.dataDir });
    expect(server.output()).not.toContain('首次启动');
    expect((await api(server, 'demo-staff-xijiao', 'tasks.get', { id: task.id })).body.data.task.status).toBe(
      'submitted',
    );
    await server.stop();

    server = await startLocalServer({ dataDir: server.dataDir, args: ['--demo', '--reset'] });
    expect(server.output()).toContain('首次启动');
    expect((await api(server, 'demo-staff-xijiao', 'tasks.get', { id: task.id })).body.data.task.status).toBe(
      task.status,
    );
    await server.stop();
  }, 180_000);

  it('outside demo mode refuses X-Openid and dev.users', async () => {
    const server = await startLocalServer({ args: [] });
    try {
      const claimed = await api(server, 'demo-leader', 'summary.district', {});
      expect(claimed.status).toBe(401);
      expect(claimed.body.error?.code).toBe('UNAUTHENTICATED');
      const users = await api(server, null, 'dev.users', {});
      expect(users.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    } finally {
      await server.stop();
    }
  }, 120_000);

  it('after kill -9 in the middle of 200 concurrent submits, every acknowledged one is there', async () => {
    let server = await startLocalServer();
    const users = (await api(server, null, 'dev.users')).body.data.users.filter(
      (user: { role: string }) => user.role === 'staff',
    );
    const work: Array<{ openid: string; taskId: string }> = [];
    for (const user of users) {
      const list = await api(server, user.openid, 'tasks.list', {});
      for (const task of list.body.data.tasks) {
        if (task.status === 'pending' && work.length < 200) work.push({ openid: user.openid, taskId: task.id });
      }
    }
    expect(work).toHaveLength(200);

    // 200 submits kept 50 at a time in flight; the server is killed while they are being answered.
    const acknowledged: string[] = [];
    let killed = false;
    let next = 0;
    const worker = async () => {
      while (next < work.length && !killed) {
        const index = next++;
        const { openid, taskId } = work[index];
        try {
          const requestId = `crash-${String(index).padStart(4, '0')}`;
          const reply = await api(server, openid, 'report.submit', { taskId, note: '压力测试报送', requestId });
          if (reply.body.ok) acknowledged.push(taskId);
        } catch {
          // The connection died with the server: not acknowledged.
        }
        if (acknowledged.length >= 60 && !killed) {
          killed = true;
          server.process.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 50 }, worker));
    expect(killed).toBe(true);
    const killedProcess = server.process;
    if (killedProcess.exitCode === null && killedProcess.signalCode === null) {
      await new Promise((resolve) => killedProcess.once('exit', resolve));
    }
    expect(killedProcess.signalCode).toBe('SIGKILL');
    expect(acknowledged.length).toBeGreaterThanOrEqual(60);
    expect(acknowledged.length).toBeLessThan(200);

    server = await startLocalServer({ dataDir: server.dataDir });
    try {
      for (const taskId of acknowledged) {
        const owner = work.find((item) => item.taskId === taskId)?.openid ?? '';
        const detail = await api(server, owner, 'tasks.get', { id: taskId });
        expect([taskId, detail.body.data.task.status]).toEqual([taskId, 'submitted']);
      }
    } finally {
      await server.stop();
    }
    const verify = statsVerify(server.dataDir);
    expect(verify.stdout).toContain('计数与任务一致');
    expect(verify.status).toBe(0);
    const db = new Database(join(server.dataDir, 'app.db'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  }, 240_000);
});
