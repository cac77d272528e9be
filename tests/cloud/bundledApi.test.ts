import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdirSync, mkdtempSync, statSync, writeFileSync, copyFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { counterDrift } from '../../server/counterDrift';
import type { CloudDatabase } from '../../server/wechat/store/cloudDatabaseTypes';
import { CloudDbStore } from '../../server/wechat/store/CloudDbStore';
import { buildFunctions, BUNDLE_LIMIT_BYTES, BUNDLE_LIMITS } from '../../scripts/build-functions';
import { ROOT } from '../support/fixtures';
import { makePng } from '../support/sampleFiles';
import { createWxServerSdkStandIn, type WxServerSdkStandIn } from '../support/wxServerSdkStandIn';

type Main = (event: {
  action: string;
  payload?: unknown;
}) => Promise<{ ok: boolean; data?: any; error?: { code: string; message: string } }>;

/**
 * The deployable bundle of the api function, loaded the way WeChat loads it, with wx-server-sdk
 * replaced by the stand-in: every step a district takes, from the first admin to an approval.
 */
describe('the bundled api cloud function over the cloud database stand-in', () => {
  let sdk: WxServerSdkStandIn;
  let main: Main;
  let remind: (event: { date?: string }) => Promise<{ date: string; raised: number }>;
  let exportMain: Main;

  const as = async (openid: string, action: string, payload: unknown = {}) => {
    sdk.setOpenid(openid);
    return main({ action, payload });
  };
  const ok = async (openid: string, action: string, payload: unknown = {}) => {
    const reply = await as(openid, action, payload);
    if (!reply.ok) throw new Error(`${action}: ${reply.error?.code} ${reply.error?.message}`);
    return reply.data;
  };

  beforeAll(async () => {
    await buildFunctions(() => undefined);
    const dir = mkdtempSync(join(tmpdir(), 'api-fn-'));
    copyFileSync(join(ROOT, 'dist', 'cloudfunctions', 'api', 'index.js'), join(dir, 'index.js'));
    mkdirSync(join(dir, 'node_modules', 'wx-server-sdk'), { recursive: true });
    writeFileSync(
      join(dir, 'node_modules', 'wx-server-sdk', 'index.js'),
      'module.exports = globalThis.__wxServerSdkStandIn;\n',
    );
    sdk = createWxServerSdkStandIn();
    (globalThis as Record<string, unknown>).__wxServerSdkStandIn = sdk;
    process.env.ADMIN_INVITE_CODE = 'CJADMIN2026';
    process.env.REMINDER_TEMPLATE_ID = 'TPL-DUE';
    main = require(join(dir, 'index.js')).main; // eslint-disable-line @typescript-eslint/no-var-requires
    copyFileSync(join(ROOT, 'dist', 'cloudfunctions', 'remind', 'index.js'), join(dir, 'remind.js'));
    remind = require(join(dir, 'remind.js')).main; // eslint-disable-line @typescript-eslint/no-var-requires
    copyFileSync(join(ROOT, 'dist', 'cloudfunctions', 'export', 'index.js'), join(dir, 'export.js'));
    exportMain = require(join(dir, 'export.js')).main; // eslint-disable-line @typescript-eslint/no-var-requires
  }, 120_000);

  it('is one file under 1 MB whose only dependency is wx-server-sdk', () => {
    expect(statSync(join(ROOT, 'dist', 'cloudfunctions', 'api', 'index.js')).size).toBeLessThan(BUNDLE_LIMIT_BYTES);
    const manifest = require(join(ROOT, 'dist', 'cloudfunctions', 'api', 'package.json')); // eslint-disable-line @typescript-eslint/no-var-requires
    expect(Object.keys(manifest.dependencies)).toEqual(['wx-server-sdk']);
    // exceljs and docx live in the export function, whose bundle has a cap of its own.
    expect(statSync(join(ROOT, 'dist', 'cloudfunctions', 'export', 'index.js')).size).toBeLessThan(
      BUNDLE_LIMITS.export,
    );
  });

  it('takes a district from its first admin to an approved report', async () => {
    expect(await as('o-nobody', 'tasks.list')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    await ok('o-admin', 'session.bind', { inviteCode: 'cjadmin2026', name: '钱管理' });
    expect(await ok('o-admin', 'session.get')).toMatchObject({ user: { role: 'admin' }, unit: { name: '区司法局' } });
    const staffInvite = await ok('o-admin', 'admin.invite.create', { unitId: 'xijiao', role: 'staff' });
    const reviewerInvite = await ok('o-admin', 'admin.invite.create', { unitId: 'sfj', role: 'reviewer' });
    const leaderInvite = await ok('o-admin', 'admin.invite.create', { unitId: 'zfb', role: 'leader' });
    await ok('o-staff', 'session.bind', { inviteCode: staffInvite.code, name: '王经办' });
    await ok('o-reviewer', 'session.bind', { inviteCode: reviewerInvite.code, name: '李审核' });
    await ok('o-leader', 'session.bind', { inviteCode: leaderInvite.code, name: '赵区长' });

    const list = await ok('o-staff', 'tasks.list', { year: 2026 });
    expect(list.tasks).toHaveLength(43);
    const task = list.tasks.find((candidate: { itemNo: number }) => candidate.itemNo === 2);

    const { fileID } = await sdk.uploadFile({
      cloudPath: 'evidence/changjiang/xijiao/述法会.png',
      fileContent: makePng(),
    });
    await ok('o-staff', 'evidence.add', {
      taskId: task.id,
      fileId: fileID,
      name: '述法会.png',
      size: 1,
      mime: 'image/png',
    });
    await ok('o-staff', 'report.submit', { taskId: task.id, note: '已纳入述法', requestId: 'bundle-req-1' });
    await ok('o-reviewer', 'report.review', { taskId: task.id, decision: 'return', comment: '请补充述职述法报告' });
    await ok('o-staff', 'report.submit', { taskId: task.id, requestId: 'bundle-req-2' });
    await ok('o-reviewer', 'report.review', { taskId: task.id, decision: 'approve' });

    const detail = await ok('o-leader', 'tasks.get', { id: task.id });
    expect(detail.task.status).toBe('approved');
    expect(detail.evidence[0].url).toMatch(/^https:\/\//);
    const summary = await ok('o-leader', 'summary.district', { year: 2026 });
    expect(summary.totals.approved).toBe(1);

    const store = new CloudDbStore(sdk.database({ throwOnNotFound: false }) as unknown as CloudDatabase);
    expect(await counterDrift(store, 'changjiang', 2026)).toEqual([]);
  }, 120_000);

  it('builds the workbook and the annual report in the export function, over the same database and storage', async () => {
    const exported = async (openid: string, action: string, payload: unknown) => {
      sdk.setOpenid(openid);
      return exportMain({ action, payload });
    };
    expect(await exported('o-staff', 'export.xlsx', { year: 2026 })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await exported('o-leader', 'tasks.list', {})).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });

    const xlsx = await exported('o-leader', 'export.xlsx', { year: 2026, asOf: '2026-11-28' });
    expect(xlsx).toMatchObject({
      ok: true,
      data: {
        fileId: expect.stringMatching(/^cloud:\/\/[^/]+\/exports\/changjiang\//),
        url: expect.stringMatching(/^https:\/\//),
        name: '昌江区法治政府建设任务进展_2026年_截至2026-11-28.xlsx',
      },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(sdk.files.get(xlsx.data.fileId) as never);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['总览', '按单位', '按指标', '逾期清单', '明细']);
    const overview = workbook.getWorksheet('总览') as ExcelJS.Worksheet;
    const approvedRow = overview.getRows(2, overview.rowCount)?.find((row) => row.getCell(1).value === '已完成');
    expect(approvedRow?.getCell(2).value).toBe(1);

    const report = await exported('o-staff', 'report.annual', { unitId: 'xijiao', year: 2026 });
    expect(report).toMatchObject({ ok: true, data: { name: '西郊街道_2026年度法治政府建设情况报告（草稿）.docx' } });
    const zip = await JSZip.loadAsync(sdk.files.get(report.data.fileId) as Buffer);
    expect(Object.keys(zip.files).some((name) => name.startsWith('word/media/'))).toBe(true);
  }, 60_000);

  it('checks uploads by content and keeps each district to its own files', async () => {
    const list = await ok('o-staff', 'tasks.list', { year: 2026 });
    const task = list.tasks.find((candidate: { itemNo: number }) => candidate.itemNo === 3);
    const exe = await sdk.uploadFile({
      cloudPath: 'evidence/changjiang/xijiao/photo.jpg',
      fileContent: Buffer.from('MZ\x90\x00program'),
    });
    const refused = await as('o-staff', 'evidence.add', {
      taskId: task.id,
      fileId: exe.fileID,
      name: 'photo.jpg',
      size: 10,
      mime: 'image/jpeg',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('只能上传') },
    });
    const foreign = await sdk.uploadFile({ cloudPath: 'evidence/zhushan/x/a.png', fileContent: makePng() });
    const other = await as('o-staff', 'evidence.add', {
      taskId: task.id,
      fileId: foreign.fileID,
      name: 'a.png',
      size: 1,
      mime: 'image/png',
    });
    expect(other).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('never answers with a stack trace', async () => {
    const reply = await as('o-staff', 'tasks.get', { id: { $ne: null } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(JSON.stringify(reply)).not.toMatch(/at .*\.js:\d+/);
  });

  it('runs the daily reminders from the remind function’s timer, sending subscribe messages once', async () => {
    await ok('o-staff', 'reminders.subscribe', { templateIds: ['TPL-DUE'] });
    sdk.setOpenid('');
    const first = await remind({ date: '2026-12-28' });
    expect(first.raised).toBeGreaterThan(0);
    const toStaff = sdk.sentMessages.filter((message) => message.touser === 'o-staff');
    expect(toStaff).toHaveLength(1);
    expect(toStaff[0]).toMatchObject({
      templateId: 'TPL-DUE',
      page: expect.stringMatching(/^pages\/task\/index\?id=/),
    });
    expect([...toStaff[0].data.thing1.value].length).toBeLessThanOrEqual(20);
    expect(await remind({ date: '2026-12-28' })).toEqual({ date: '2026-12-28', raised: 0 });
    expect(sdk.sentMessages.filter((message) => message.touser === 'o-staff')).toHaveLength(1);
    const { reminders } = await ok('o-staff', 'reminders.list');
    expect(reminders.length).toBeGreaterThanOrEqual(first.raised > 0 ? 1 : 0);
  });
});
