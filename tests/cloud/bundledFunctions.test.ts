import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { spawn } from 'child_process';
import { readFileSync, statSync } from 'fs';
import { join } from 'path';
import { counterDrift } from '../../server/counterDrift';
import { CloudDbStore } from '../../server/wechat/store/CloudDbStore';
import { BUNDLE_LIMIT_BYTES, BUNDLE_LIMITS } from '../../scripts/build-functions';
import { buildOnce, invoker, loadFunction, type FunctionMain } from '../support/bundledFunctions';
import { docxFromParagraphs } from '../support/docx';
import { ROOT } from '../support/fixtures';
import { startRealCloud, type RealCloud } from '../support/realCloud';
import { makePng } from '../support/sampleFiles';

/**
 * The deployable bundles of api, export and remind, loaded as WeChat loads them, with the real
 * wx-server-sdk over an emulated environment that starts empty (no collections): every step a
 * district takes, from its first admin to an approved report, its exports and its reminders.
 */
describe('the bundled cloud functions on a fresh environment (real wx-server-sdk, emulated cloud)', () => {
  let real: RealCloud;
  let api: ReturnType<typeof invoker>;
  let exportFn: ReturnType<typeof invoker>;
  let remind: FunctionMain;

  const upload = async (cloudPath: string, content: Buffer): Promise<string> =>
    (await real.cloud.uploadFile({ cloudPath, fileContent: content })).fileID;
  const download = async (fileID: string): Promise<Buffer> =>
    (await real.cloud.downloadFile({ fileID })).fileContent as Buffer;

  beforeAll(async () => {
    await buildOnce();
    real = await startRealCloud({
      latencyMs: 2,
      openapiPermissions: JSON.parse(readFileSync(join(ROOT, 'cloudfunctions', 'api', 'config.json'), 'utf8'))
        .permissions.openapi,
    });
    process.env.ADMIN_INVITE_CODE = 'CJADMIN2026';
    process.env.REMINDER_TEMPLATE_ID = 'TPL-DUE';
    api = invoker(real, loadFunction('api'));
    exportFn = invoker(real, loadFunction('export'));
    remind = loadFunction('remind');
  }, 120_000);

  afterAll(async () => {
    delete process.env.ADMIN_INVITE_CODE;
    delete process.env.REMINDER_TEMPLATE_ID;
    await real.stop();
  });

  it('is one file under 1 MB whose only dependency is wx-server-sdk', () => {
    expect(statSync(join(ROOT, 'dist', 'cloudfunctions', 'api', 'index.js')).size).toBeLessThan(BUNDLE_LIMIT_BYTES);
    const manifest = JSON.parse(readFileSync(join(ROOT, 'dist', 'cloudfunctions', 'api', 'package.json'), 'utf8'));
    expect(Object.keys(manifest.dependencies)).toEqual(['wx-server-sdk']);
    expect(statSync(join(ROOT, 'dist', 'cloudfunctions', 'export', 'index.js')).size).toBeLessThan(
      BUNDLE_LIMITS.export,
    );
  });

  it('answers an unknown action on an empty environment with an envelope, having made its collections', async () => {
    expect(real.emulator.collections()).toEqual([]);
    expect(await api.call('o-nobody', 'no.such.action')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    expect(real.emulator.collections()).toEqual(expect.arrayContaining(['tasks', 'counters', 'users', 'reminders']));
    expect(await api.call('o-nobody', 'tasks.list')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('takes a district from its first admin to an approved report', async () => {
    await api.ok('o-admin', 'session.bind', { inviteCode: 'cjadmin2026', name: '钱管理' });
    expect(await api.ok('o-admin', 'session.get')).toMatchObject({
      user: { role: 'admin' },
      unit: { name: '区司法局' },
    });
    const staffInvite = await api.ok('o-admin', 'admin.invite.create', { unitId: 'xijiao', role: 'staff' });
    const reviewerInvite = await api.ok('o-admin', 'admin.invite.create', { unitId: 'sfj', role: 'reviewer' });
    const leaderInvite = await api.ok('o-admin', 'admin.invite.create', { unitId: 'zfb', role: 'leader' });
    expect(staffInvite.qrUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/cdn\//);
    await api.ok('o-staff', 'session.bind', { inviteCode: staffInvite.code, name: '王经办' });
    await api.ok('o-reviewer', 'session.bind', { inviteCode: reviewerInvite.code, name: '李审核' });
    await api.ok('o-leader', 'session.bind', { inviteCode: leaderInvite.code, name: '赵区长' });
    expect((await api.ok('o-admin', 'admin.users.list')).users).toHaveLength(4);

    const list = await api.ok('o-staff', 'tasks.list', { year: 2026 });
    expect(list.tasks).toHaveLength(43);
    // Listing a year wrote no task: they are derived until something happens to them.
    expect(real.emulator.documents('tasks')).toEqual([]);
    const task = list.tasks.find((candidate: { itemNo: number }) => candidate.itemNo === 2);

    const photo = makePng(4, 4, 7);
    const fileId = await upload('evidence/changjiang/xijiao/o-staff/202611/述法会.png', photo);
    const thumbFileId = await upload('evidence/changjiang/xijiao/o-staff/202611/述法会-thumb.png', makePng(2, 2, 7));
    await api.ok('o-staff', 'evidence.add', {
      taskId: task.id,
      fileId,
      thumbFileId,
      name: '述法会.png',
      size: photo.length,
      mime: 'image/png',
    });
    await api.ok('o-staff', 'report.submit', { taskId: task.id, note: '已纳入述法', requestId: 'bundle-req-1' });
    await api.ok('o-reviewer', 'report.review', { taskId: task.id, decision: 'return', comment: '请补充述职述法报告' });
    await api.ok('o-staff', 'report.submit', { taskId: task.id, requestId: 'bundle-req-2' });
    expect((await api.ok('o-reviewer', 'review.queue')).tasks.map((queued: { id: string }) => queued.id)).toEqual([
      task.id,
    ]);
    await api.ok('o-reviewer', 'report.review', { taskId: task.id, decision: 'approve' });

    const detail = await api.ok('o-leader', 'tasks.get', { id: task.id });
    expect(detail.task.status).toBe('approved');
    expect(detail.history.map((entry: { action: string }) => entry.action)).toEqual([
      'create',
      'evidence.add',
      'submit',
      'return',
      'submit',
      'approve',
    ]);
    const [evidence] = detail.evidence;
    expect(evidence.fileId).toBe(fileId);
    // The temporary links are fetchable as the phone would fetch them.
    expect(Buffer.from(await (await fetch(evidence.url)).arrayBuffer())).toEqual(photo);
    expect((await fetch(evidence.thumbUrl)).status).toBe(200);

    const summary = await api.ok('o-leader', 'summary.district', { year: 2026 });
    expect(summary.totals).toMatchObject({ total: 1138, approved: 1 });
    expect((await api.ok('o-staff', 'summary.unit', { unitId: 'xijiao', year: 2026 })).totals).toMatchObject({
      total: 43,
      approved: 1,
    });
    await api.ok('o-leader', 'urge.send', { unitId: 'hetang' });
    const kinds = (await api.ok('o-staff', 'reminders.list')).reminders.map(
      (reminder: { kind: string }) => reminder.kind,
    );
    expect(kinds).toEqual(['approved', 'returned']); // told of the return and the approval; the urge went to 荷塘 only

    const store = new CloudDbStore(real.database({ throwOnNotFound: false }));
    expect(await counterDrift(store, 'changjiang', 2026)).toEqual([]);
  }, 120_000);

  it('builds the workbook and the annual report in the export function, over the same database and storage', async () => {
    expect(await exportFn.call('o-staff', 'export.xlsx', { year: 2026 })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await exportFn.call('o-leader', 'tasks.list', {})).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    const xlsx = await exportFn.ok('o-leader', 'export.xlsx', { year: 2026, asOf: '2026-11-28' });
    expect(xlsx).toMatchObject({
      fileId: expect.stringMatching(/^cloud:\/\/[^/]+\/exports\/changjiang\//),
      name: '昌江区法治政府建设任务进展_2026年_截至2026-11-28.xlsx',
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download(xlsx.fileId)) as never);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      '总览',
      '按单位',
      '按指标',
      '逾期清单',
      '明细',
      '不涉及清单',
    ]);
    const overview = workbook.getWorksheet('总览') as ExcelJS.Worksheet;
    const approvedRow = overview.getRows(2, overview.rowCount)?.find((row) => row.getCell(1).value === '已完成');
    expect(approvedRow?.getCell(2).value).toBe(1);

    const report = await exportFn.ok('o-staff', 'report.annual', { unitId: 'xijiao', year: 2026 });
    expect(report).toMatchObject({ name: '西郊街道_2026年度法治政府建设情况报告（草稿）.docx' });
    const zip = await JSZip.loadAsync(await download(report.fileId));
    expect(Object.keys(zip.files).some((name) => name.startsWith('word/media/'))).toBe(true);
  }, 60_000);

  it('reads a Word list and publishes it for next year in the export function; api serves the year from it', async () => {
    const text = readFileSync(join(ROOT, 'tests', 'fixtures', 'catalogs', 'paragraphs-labelled.txt'), 'utf8');
    const fileId = await upload('evidence/changjiang/sfj/o-admin/202611/清单.docx', await docxFromParagraphs(text));
    expect(await api.call('o-admin', 'catalog.preview', { fileId })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    const preview = await exportFn.ok('o-admin', 'catalog.preview', { fileId });
    expect(preview.draft.items).toHaveLength(9);
    expect(preview.blocking).toBe(1);
    const published = await exportFn.ok('o-admin', 'catalog.publish', {
      fileId,
      years: [2027],
      leads: { '7': ['fgw'] },
    });
    expect(published.catalog).toMatchObject({ years: [2027], itemCount: 9 });
    // An api instance reads the district afresh at most 10 s after it last did (its cache's life):
    // one started now, as WeChat starts them, sees the new list at once.
    const fresh = invoker(real, loadFunction('api'));
    const next = await fresh.ok('o-staff', 'tasks.list', { year: 2027 });
    expect(Math.max(...next.tasks.map((task: { itemNo: number }) => task.itemNo))).toBe(9);
    expect((await fresh.ok('o-staff', 'tasks.list', { year: 2026 })).tasks).toHaveLength(43);
    expect((await fresh.ok('o-staff', 'catalog.get', { year: 2027 })).list.id).toBe(published.catalog.id);
    await fresh.ok('o-reviewer', 'guidance.set', { year: 2027, itemNo: 1, text: '报告正文（盖章）' });
    const task = next.tasks.find((candidate: { itemNo: number }) => candidate.itemNo === 1);
    expect((await fresh.ok('o-staff', 'tasks.get', { id: task.id })).item.guidance.text).toBe('报告正文（盖章）');
  }, 60_000);

  it('checks uploads by content and attaches only what the caller’s own unit uploaded', async () => {
    const list = await api.ok('o-staff', 'tasks.list', { year: 2026 });
    const task = list.tasks.find((candidate: { itemNo: number }) => candidate.itemNo === 3);
    const exe = await upload('evidence/changjiang/xijiao/o-staff/202611/photo.jpg', Buffer.from('MZ\x90\x00program'));
    expect(
      await api.call('o-staff', 'evidence.add', {
        taskId: task.id,
        fileId: exe,
        name: 'photo.jpg',
        size: 10,
        mime: 'image/jpeg',
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('只能上传') } });
    for (const path of [
      'evidence/zhushan/x/o-other/a.png',
      'evidence/changjiang/hetang/o-other/a.png',
      'exports/changjiang/a.png',
    ]) {
      const foreign = await upload(path, makePng());
      expect(
        await api.call('o-staff', 'evidence.add', {
          taskId: task.id,
          fileId: foreign,
          name: 'a.png',
          size: 1,
          mime: 'image/png',
        }),
      ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
  });

  it('never answers with a stack trace', async () => {
    const reply = await api.call('o-staff', 'tasks.get', { id: { $ne: null } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(JSON.stringify(reply)).not.toMatch(/at .*\.js:\d+/);
  });

  it('runs the daily reminders from the remind function’s timer, sending subscribe messages once', async () => {
    await api.ok('o-staff', 'reminders.subscribe', { templateIds: ['TPL-DUE'] });
    real.callAs('');
    const first = await remind({ date: '2026-12-28' });
    expect(first.raised).toBeGreaterThan(0);
    const toStaff = real.emulator.sentMessages.filter((message) => message.touser === 'o-staff');
    expect(toStaff).toHaveLength(1);
    expect(toStaff[0]).toMatchObject({
      templateId: 'TPL-DUE',
      page: expect.stringMatching(/^pages\/task\/index\?id=/),
    });
    expect(await remind({ date: '2026-12-28' })).toEqual({ date: '2026-12-28', raised: 0 });
    expect(real.emulator.sentMessages.filter((message) => message.touser === 'o-staff')).toHaveLength(1);
    const { reminders } = await api.ok('o-staff', 'reminders.list');
    expect(reminders.length).toBe(first.raised > 0 ? reminders.length : 0);
    expect(reminders.length).toBeGreaterThan(0);
  });
});

describe('npm run stats:verify -- --cloud', () => {
  it('recounts the cloud database’s counters from its tasks, and says where they drifted', async () => {
    await buildOnce();
    const real = await startRealCloud({ latencyMs: 0 });
    try {
      const api = invoker(real, loadFunction('api'));
      process.env.ADMIN_INVITE_CODE = 'CJVERIFY2026';
      await api.ok('o-admin', 'session.bind', { inviteCode: 'CJVERIFY2026', name: '钱管理' });
      delete process.env.ADMIN_INVITE_CODE;
      real.emulator.seed('users', [
        {
          _id: 'o-staff',
          openid: 'o-staff',
          districtId: 'changjiang',
          name: '王经办',
          role: 'staff',
          unitId: 'xijiao',
          disabled: false,
          createdAt: '2026-11-01T00:00:00.000Z',
          updatedAt: '2026-11-01T00:00:00.000Z',
          version: 1,
        },
      ]);
      const task = (await api.ok('o-staff', 'tasks.list', { year: 2026 })).tasks[0];
      await api.ok('o-staff', 'report.submit', { taskId: task.id, note: '已落实', requestId: 'verify-0001' });
      // Run beside the emulator, not blocking it: the emulator answers from this process.
      const verify = () =>
        new Promise<{ status: number | null; stdout: string }>((resolve) => {
          const child = spawn(
            join(ROOT, 'node_modules', '.bin', 'tsx'),
            [join(ROOT, 'scripts', 'stats-verify.ts'), '--cloud'],
            {
              env: { ...process.env, ...real.emulator.sdkEnv(), TCB_ENV: real.emulator.envId },
            },
          );
          let stdout = '';
          child.stdout.on('data', (chunk) => (stdout += chunk));
          child.on('close', (status) => resolve({ status, stdout }));
        });
      const clean = await verify();
      expect(clean.stdout).toContain('2026年：计数与任务一致');
      expect(clean.status).toBe(0);

      const [shard] = real.emulator.documents('counters');
      const counts = shard.counts as Record<string, Record<string, number>>;
      const key = Object.keys(counts).find((name) => name.startsWith('district@'))!;
      real.emulator.seed('counters', [{ ...shard, counts: { ...counts, [key]: { ...counts[key], submitted: 5 } } }]);
      const drifted = await verify();
      expect(drifted.stdout).toMatch(/district .* submitted: 计数 5，实际 1/);
      expect(drifted.status).toBe(1);
    } finally {
      await real.stop();
    }
  }, 120_000);
});

describe('a setup that cannot reach the cloud', () => {
  it('answers with an envelope the app can show, not a rejected call', async () => {
    await buildOnce();
    const real = await startRealCloud({ latencyMs: 0 });
    const main = loadFunction('api');
    await real.emulator.stop(); // the environment is unreachable
    real.callAs('o-anyone');
    // The function's log (the cloud console) says why; the caller gets a message it can show.
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const reply = await main({ action: 'session.get', payload: {} });
      expect(reply).toEqual({ ok: false, error: { code: 'INTERNAL', message: '系统正在准备，请稍后再试' } });
      expect(logged).toHaveBeenCalledWith(
        'deployment setup failed',
        expect.objectContaining({ error: expect.anything() }),
      );
    } finally {
      logged.mockRestore();
    }
    await real.stop().catch(() => undefined);
  }, 60_000);
});
