import type { Page } from 'playwright-core';
import { saveScreenshot, visible, withScreenshot } from './browser';
import { setUpLocalCloud } from './localCloud';

/**
 * Where the app opens, per role, at 360 px: 区领导 on 全区进展, an admin on 管理, a reviewer on 审核
 * while something waits (else the task list), a clerk on the task list. Back goes to the 工作台; once
 * someone taps a tab, that tab opens next time.
 */

describe('landing per role', () => {
  const app = setUpLocalCloud({ width: 360 });

  /** Opens the app as one would: its address, no page named. */
  async function openApp(page: Page): Promise<void> {
    await page.goto(`${app.url}/`);
  }

  /** The page in front once the app has settled: the one page Taro shows (the others are hidden). */
  async function frontPage(page: Page): Promise<string> {
    const shownPages = () =>
      page.evaluate(() =>
        Array.from(document.querySelectorAll('.taro_page'))
          .filter((element) => getComputedStyle(element).display !== 'none')
          .map((element) => element.id.split('?')[0]),
      );
    await page.waitForTimeout(800); // time to move on, were the app to move on by mistake
    // The page left behind is hidden a moment after the new one shows (later on a busy machine).
    const deadline = Date.now() + 10_000;
    let shown = await shownPages();
    while (shown.length !== 1 && Date.now() < deadline) {
      await page.waitForTimeout(200);
      shown = await shownPages();
    }
    expect(shown).toHaveLength(1);
    return shown[0];
  }

  /** Waits until the app has had time to move on (the session answered), then gives the page's route. */
  async function settledRoute(page: Page, ready: string): Promise<string> {
    await visible(page, '.taro_page').getByText(ready).first().waitFor();
    await page.waitForTimeout(1000);
    return new URL(page.url()).hash;
  }

  it('a leader opens on 全区进展 (back: the 工作台); after tapping 任务, the app opens there', async () => {
    const page = await app.phoneAs('demo-leader');
    await withScreenshot(page, 'landing-leader', async () => {
      await openApp(page);
      await page.waitForURL(/packages\/leader\/pages\/dashboard\/index/);
      await visible(page, '[data-ring="completion"]').waitFor();
      expect(await frontPage(page)).toBe('/packages/leader/pages/dashboard/index');
      await saveScreenshot(page, 'landing-leader');
      await page.goBack();
      await page.waitForURL(/pages\/workbench\/index/);
      await visible(page, '[data-entry="district-summary"]').waitFor();
      expect(await frontPage(page)).toBe('/pages/workbench/index');

      // The leader picks 任务 on the tab bar: remembered.
      await page.locator('.weui-tabbar__item', { hasText: '任务' }).click();
      await page.waitForURL(/pages\/tasks\/index/);
      await openApp(page);
      expect(await settledRoute(page, '区政府办公室')).toMatch(/pages\/tasks\/index|^#?\/?$/);
      expect(page.url()).not.toMatch(/dashboard/);

      // And then 我的: that opens next time.
      await page.locator('.weui-tabbar__item', { hasText: '我的' }).click();
      await page.waitForURL(/pages\/me\/index/);
      await openApp(page);
      await page.waitForURL(/pages\/me\/index/);
      expect(await frontPage(page)).toBe('/pages/me/index');
    });
    await page.context().close();
  }, 90_000);

  it('an admin opens on 管理', async () => {
    const page = await app.phoneAs('demo-admin');
    await withScreenshot(page, 'landing-admin', async () => {
      await openApp(page);
      await page.waitForURL(/packages\/admin\/pages\/manage\/index/);
      await visible(page, '.manage__tab').first().waitFor();
      expect(await frontPage(page)).toBe('/packages/admin/pages/manage/index');
      await saveScreenshot(page, 'landing-admin');
    });
    await page.context().close();
  }, 60_000);

  it('a reviewer opens on 审核 while something waits, on the task list when nothing does', async () => {
    const busy = 'demo-reviewer-sfj';
    expect((await app.api(busy, 'session.get')).reviewQueueCount).toBeGreaterThan(0);
    const page = await app.phoneAs(busy);
    await withScreenshot(page, 'landing-reviewer', async () => {
      await openApp(page);
      await page.waitForURL(/packages\/review\/pages\/queue\/index/);
      await visible(page, '.queue-card').first().waitFor();
      expect(await frontPage(page)).toBe('/packages/review/pages/queue/index');
      await saveScreenshot(page, 'landing-reviewer');
    });
    await page.context().close();

    // 区财政局's reviewer with nothing left to decide stays on the task list.
    const idle = 'demo-reviewer-czj';
    const { tasks } = await app.api(idle, 'review.queue', {});
    for (const task of tasks) {
      if (task.queueKind === 'report') await app.api(idle, 'report.review', { taskId: task.id, decision: 'approve' });
      else await app.api(idle, `${task.queueKind}.decide`, { taskId: task.id, decision: 'approve' });
    }
    const session = await app.api(idle, 'session.get');
    expect(session).toMatchObject({ reviewQueueCount: 0, landing: 'tasks' });
    const quiet = await app.phoneAs(idle);
    await withScreenshot(quiet, 'landing-reviewer-idle', async () => {
      await openApp(quiet);
      expect(await settledRoute(quiet, session.unit.name)).not.toMatch(/review/);
    });
    await quiet.context().close();
  }, 90_000);

  it('a clerk opens on the task list, and a page opened by its address is left alone', async () => {
    const page = await app.phoneAs('demo-staff-xijiao');
    await withScreenshot(page, 'landing-clerk', async () => {
      await openApp(page);
      expect(await settledRoute(page, '西郊街道')).not.toMatch(/workbench|packages/);
    });
    await page.context().close();

    const leader = await app.phoneAs('demo-leader');
    await withScreenshot(leader, 'landing-by-address', async () => {
      await leader.goto(`${app.url}/#/pages/me/index`);
      expect(await settledRoute(leader, '赵区长')).toMatch(/pages\/me\/index/);
    });
    await leader.context().close();
  }, 60_000);
});
