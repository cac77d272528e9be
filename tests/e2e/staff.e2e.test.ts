import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Locator, Page } from 'playwright-core';
import { makePdf, makePng } from '../support/sampleFiles';
import { spillsSideways, withScreenshot } from './browser';
import { setUpLocalCloud } from './localCloud';

/**
 * A township clerk (demo-staff-xijiao, 西郊街道) on a phone: 我的任务 and 任务详情 in the H5 build
 * served by the local cloud, in Chromium.
 */

const STAFF = 'demo-staff-xijiao';

describe('staff: 我的任务 and 任务详情', () => {
  const app = setUpLocalCloud();
  let files: { png: string; png2: string; pdf: string };
  /** Pending tasks of 西郊街道 with no evidence yet, one per test so the tests do not meet. */
  let fresh: string[];

  const api = (action: string, payload: unknown, openid: string = STAFF) => app.api(openid, action, payload);

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'staff-e2e-'));
    files = { png: join(dir, '现场照片.png'), png2: join(dir, '会议照片.png'), pdf: join(dir, '会议记录.pdf') };
    writeFileSync(files.png, makePng(48, 32, 90));
    writeFileSync(files.png2, makePng(40, 40, 160));
    writeFileSync(files.pdf, makePdf());
    const list = await api('tasks.list', {});
    fresh = list.tasks
      .filter((task: any) => task.status === 'pending' && task.light === 'grey' && task.evidenceCount === 0)
      .map((task: any) => task.id);
    expect(fresh.length).toBeGreaterThanOrEqual(5);
  });

  /** A phone whose H5 demo identity is the 西郊街道 clerk. */
  const staffPhone = (width?: number): Promise<Page> => app.phoneAs(STAFF, width);

  const row = (page: Page, taskId: string) => page.locator(`[data-task-id="${taskId}"]`);
  const submitButton = (page: Page) => page.locator('.task-page__submit');
  const headLight = (page: Page) => page.locator('.task-page__head [data-light]');
  const gridCells = (page: Page) => page.locator('.evidence-grid__cell');

  async function openTask(page: Page, taskId: string): Promise<void> {
    await page.goto(`${app.url}/#/pages/task/index?id=${taskId}`);
    await headLight(page).waitFor();
  }

  /** Taps a button that opens the file picker and chooses files in it: two taps, as on a phone. */
  async function pick(page: Page, button: Locator, paths: string[]): Promise<void> {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button.click()]);
    await chooser.setFiles(paths);
  }

  it('a clerk reports an overdue, returned task with a photo, a PDF and a note; it turns blue here and in the list', async () => {
    const page = await staffPhone();
    await withScreenshot(page, 'staff-overdue-report', async () => {
      await page.goto(`${app.url}/#/pages/tasks/index`);
      await page.getByText('西郊街道').first().waitFor();
      const overdue = page.locator('[data-group="overdue"] [data-task-id]').first();
      await overdue.waitFor();
      const taskId = (await overdue.getAttribute('data-task-id')) as string;
      expect(await overdue.getAttribute('data-light')).toBe('red');
      // A returned task's row shows the reviewer's comment.
      const before = await api('tasks.get', { id: taskId });
      if (before.task.status === 'returned') await expect(overdue.innerText()).resolves.toContain('审核意见');
      const evidenceBefore = before.evidence.length;

      await overdue.click();
      await headLight(page).waitFor();
      expect(await headLight(page).getAttribute('data-light')).toBe('red');
      if (before.task.status === 'returned') {
        // The reviewer's comment is the first thing on the page, above the task itself.
        const banner = page.locator('.task-page__banner');
        await expect(banner.innerText()).resolves.toContain(`审核意见：${before.task.reviewComment}`);
        const bannerBox = await banner.boundingBox();
        const headBox = await page.locator('.task-page__head').boundingBox();
        expect(bannerBox!.y).toBeLessThan(headBox!.y);
      }

      await pick(page, page.getByText('拍照/相册'), [files.png]);
      await pick(page, page.getByText('从聊天选文件'), [files.pdf]);
      await gridCells(page)
        .nth(evidenceBefore + 1)
        .waitFor();
      expect(await gridCells(page).count()).toBe(evidenceBefore + 2);
      await expect(page.locator('.evidence-grid__cell img').count()).resolves.toBeGreaterThan(0);
      await page.locator('.evidence-grid__name', { hasText: '会议记录.pdf' }).waitFor();

      const note = '11月20日召开专题会议，12人参加，形成会议纪要1份。';
      await page.locator('.task-page__note textarea').fill(note);
      await page.getByText(`${note.length}/1000`).waitFor();
      await submitButton(page).click();

      await page.locator('.task-page__head [data-light="blue"]').waitFor();
      await expect(page.locator('.task-page__head').innerText()).resolves.toContain('待审核');
      await page.locator('.task-page__banner').waitFor({ state: 'detached' });
      await page.locator('[data-action="submit"]').last().getByText(note).waitFor();

      await page.goBack();
      await row(page, taskId).and(page.locator('[data-light="blue"]')).waitFor();
      await expect(row(page, taskId).innerText()).resolves.toContain('待审核');
      expect(await page.locator(`[data-group="submitted"] [data-task-id="${taskId}"]`).count()).toBe(1);
    });
  }, 120_000);

  it('a photo report takes four taps from the task list: open, 拍照/相册, choose, 报送', async () => {
    const page = await staffPhone();
    await withScreenshot(page, 'staff-four-taps', async () => {
      const taskId = fresh[0];
      await page.goto(`${app.url}/#/pages/tasks/index`);
      await row(page, taskId).waitFor();
      let taps = 0;

      await row(page, taskId).click();
      taps += 1;
      await headLight(page).waitFor();
      await pick(page, page.getByText('拍照/相册'), [files.png2]);
      taps += 2; // the button, then choosing the photo in the picker
      // 报送 is on screen without scrolling, and waits for the photo to finish uploading.
      await expect(submitButton(page).isVisible()).resolves.toBe(true);
      expect(await submitButton(page).evaluate((el) => el.getBoundingClientRect().bottom <= window.innerHeight)).toBe(
        true,
      );
      await submitButton(page).click();
      taps += 1;

      await page.locator('.task-page__head [data-light="blue"]').waitFor();
      expect(taps).toBeLessThanOrEqual(4);
      const after = await api('tasks.get', { id: taskId });
      expect(after.task.status).toBe('submitted');
      expect(after.evidence).toHaveLength(1);
      expect(after.evidence[0].kind).toBe('image');
    });
  }, 120_000);

  it('two quick taps on 报送 make one submission', async () => {
    const page = await staffPhone();
    await withScreenshot(page, 'staff-double-tap', async () => {
      const taskId = fresh[1];
      await openTask(page, taskId);
      await page.locator('.task-page__note textarea').fill('已组织学习，参加人员签到表另报。');
      await submitButton(page).dblclick();
      await page.locator('.task-page__head [data-light="blue"]').waitFor();
      await page.locator('[data-action="submit"]').first().waitFor();
      await page.waitForTimeout(500);
      expect(await page.locator('[data-action="submit"]').count()).toBe(1);
      const after = await api('tasks.get', { id: taskId });
      expect(after.history.filter((entry: any) => entry.action === 'submit')).toHaveLength(1);
    });
  }, 120_000);

  it('on a weak signal a failed upload stays with 重试, and 重试 uploads it', async () => {
    const page = await staffPhone();
    await withScreenshot(page, 'staff-weak-signal', async () => {
      const taskId = fresh[2];
      let signal = false;
      let refused = 0;
      await page.route('**/upload', async (route) => {
        if (signal) return route.continue();
        refused += 1;
        return route.abort('internetdisconnected');
      });
      await openTask(page, taskId);
      await pick(page, page.getByText('拍照/相册'), [files.png]);

      const failed = page.locator('.upload-queue__item[data-status="failed"]');
      await failed.waitFor({ timeout: 20_000 });
      expect(refused).toBeGreaterThan(0);
      await expect(failed.innerText()).resolves.toContain('现场照片.png');
      const retry = failed.locator('.upload-queue__button', { hasText: '重试' });
      await expect(retry.count()).resolves.toBe(1);
      expect(await gridCells(page).count()).toBe(0);

      signal = true;
      await retry.click();
      await gridCells(page).first().waitFor();
      await page.locator('.upload-queue__item').waitFor({ state: 'detached' });
      await expect(page.locator('.evidence-grid__cell img').count()).resolves.toBe(1);
      const after = await api('tasks.get', { id: taskId });
      expect(after.evidence.map((piece: any) => piece.name)).toEqual(['现场照片.png']);
    });
  }, 120_000);

  it('the note and a failed upload survive a reload: the note is back, the file waits to go again without being chosen again', async () => {
    const page = await staffPhone();
    await withScreenshot(page, 'staff-draft', async () => {
      const taskId = fresh[3];
      let uploadAttempts = 0;
      await page.route('**/upload', (route) => {
        uploadAttempts += 1;
        return route.abort('internetdisconnected');
      });
      await openTask(page, taskId);
      const note = '草稿：已开展执法案卷评查，发现问题3个，已整改。';
      await page.locator('.task-page__note textarea').fill(note);
      await pick(page, page.getByText('拍照/相册'), [files.png2]);
      await page.locator('.upload-queue__item[data-status="failed"]').waitFor({ timeout: 20_000 });
      // the note is saved a moment after typing stops
      await page.waitForFunction(
        ([key, expected]) => JSON.parse(localStorage.getItem(key) ?? '{}').data?.note === expected,
        [`task-draft:${taskId}`, note] as const,
        { timeout: 10_000 },
      );

      await page.reload();
      await headLight(page).waitFor();
      await expect(page.locator('.task-page__note textarea').inputValue()).resolves.toBe(note);
      // The photo's bytes were kept in the browser: it tries again by itself (and fails: still no network).
      const waiting = page.locator('.upload-queue__item[data-status="failed"]');
      await waiting.waitFor();
      await expect(waiting.innerText()).resolves.toContain('会议照片');
      await expect(page.locator('.upload-queue__item[data-status="repick"]').count()).resolves.toBe(0);
      await expect(page.getByText('需要重新选择').count()).resolves.toBe(0);
      // Nothing reached the server: the draft is only on the phone.
      const before = await api('tasks.get', { id: taskId });
      expect(before.task.note).toBe('');
      expect(before.evidence).toHaveLength(0);

      // Still no network: 现在重试 tries again at once, and the file waits again. (The app also tries
      // by itself after a pause, so the tap is made while it cannot land: it cannot be beaten to it.)
      const attemptsBeforeTap = uploadAttempts;
      await waiting.getByText('现在重试').click();
      const deadline = Date.now() + 10_000;
      while (uploadAttempts === attemptsBeforeTap && Date.now() < deadline) await page.waitForTimeout(100);
      expect(uploadAttempts).toBeGreaterThan(attemptsBeforeTap);
      await waiting.waitFor();

      // The network is back (the phone says so): the file goes by itself, and lands once.
      await page.unroute('**/upload');
      await page.context().setOffline(true);
      await page.context().setOffline(false);
      await page.locator('.evidence-grid__cell >> visible=true').first().waitFor({ timeout: 30_000 });
      await page.locator('.upload-queue__item').waitFor({ state: 'detached', timeout: 30_000 });
      const after = await api('tasks.get', { id: taskId });
      expect(after.evidence).toHaveLength(1);
      expect(after.evidence[0].name).toContain('会议照片');
    });
  }, 120_000);

  it('at 320 px wide nothing overflows sideways, on the list and on a task', async () => {
    const page = await staffPhone(320);
    await withScreenshot(page, 'staff-320', async () => {
      await page.goto(`${app.url}/#/pages/tasks/index`);
      await page.locator('[data-task-id]').first().waitFor();
      expect(await spillsSideways(page, { ignoreImages: true })).toEqual([]);

      const returned = (await api('tasks.list', {})).tasks.find((task: any) => task.status === 'returned');
      await openTask(page, returned?.id ?? fresh[4]);
      await page.locator('.task-page__text').waitFor();
      expect(await spillsSideways(page, { ignoreImages: true })).toEqual([]);
      await expect(submitButton(page).isVisible()).resolves.toBe(true);
    });
  }, 120_000);

  it('the search box finds a task by its number or a keyword', async () => {
    const page = await staffPhone();
    await withScreenshot(page, 'staff-search', async () => {
      await page.goto(`${app.url}/#/pages/tasks/index`);
      await page.locator('[data-task-id]').first().waitFor();
      const input = page.locator('.tasks__search input');
      await input.fill('13');
      await expect(page.locator('[data-task-id]').count()).resolves.toBeGreaterThan(0);
      const numbers = await page.locator('.task-row__no').allInnerTexts();
      expect(new Set(numbers)).toEqual(new Set(['第13项']));
      await input.fill('枫桥经验');
      await page.getByText('第31项').waitFor();
      expect(await page.locator('[data-task-id]').count()).toBe(1);
      await input.fill('没有这个词');
      await page.getByText('没有找到', { exact: false }).waitFor();
    });
  }, 120_000);
});
