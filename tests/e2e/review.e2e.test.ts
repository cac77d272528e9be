import type { Page } from 'playwright-core';
import { spillsSideways, visible, withScreenshot } from './browser';
import { setUpLocalCloud } from './localCloud';

/**
 * 区司法局's reviewer (demo-reviewer-sfj) on a phone: the 工作台 shows how many reports wait, the
 * queue lists them oldest first, and the review sheet approves or returns them, opening the next one
 * after each decision; a return needs a comment, which the reporting unit then sees on its task.
 */

const REVIEWER = 'demo-reviewer-sfj';
const COMMENT = '照片看不清，请补充会议签到表和盖章的正式文件';

describe('reviewer: 审核', () => {
  const app = setUpLocalCloud();
  const { phoneAs } = app;
  const api = (action: string, payload: unknown, openid: string = REVIEWER) => app.api(openid, action, payload);

  async function toast(page: Page, text: string): Promise<void> {
    await page.locator('.taro__toast', { hasText: text }).first().waitFor({ state: 'attached', timeout: 10_000 });
  }

  it('shows the waiting reports oldest first; 退回 needs a comment; a decided report leaves the list', async () => {
    const { tasks: queue } = await api('review.queue', {});
    expect(queue.length).toBeGreaterThanOrEqual(3);
    const [toReturn, toApprove] = queue;

    const page = await phoneAs(REVIEWER);
    const reviewCalls: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/report.review')) reviewCalls.push(request.postData() ?? '');
    });

    await withScreenshot(page, 'review-queue', async () => {
      // 工作台: the 待审核 card says how many wait, and opens the queue.
      await page.goto(`${app.url}/#/pages/workbench/index`);
      await visible(page, '#wb-waiting')
        .filter({ hasText: new RegExp(`^${queue.length}$`) })
        .waitFor();
      await visible(page, '[data-entry="review-queue"]').click();
      await page.waitForURL(/packages\/review\/pages\/queue\/index/);

      // The queue: the count, and the oldest submission first, with its unit, item and label.
      await visible(page, '#queue-count')
        .filter({ hasText: new RegExp(`^${queue.length}$`) })
        .waitFor();
      const cards = visible(page, '.queue-card');
      await cards.first().waitFor();
      expect(await cards.first().getAttribute('data-task-id')).toBe(toReturn.id);
      const firstCard = await cards.first().innerText();
      expect(firstCard).toContain(toReturn.unitName);
      expect(firstCard).toContain(`第${toReturn.itemNo}项`);
      expect(firstCard).toContain(toReturn.label);

      // The review sheet shows the report: its note and its evidence.
      await cards.first().click();
      const sheet = visible(page, '.sheet__panel');
      await sheet.waitFor();
      await sheet.getByText(toReturn.note).waitFor();
      await sheet.locator('.sheet__photo, .sheet__doc').first().waitFor();

      // 退回 without a comment: refused in the app, nothing sent, the report still waits.
      await sheet.locator('.sheet__return').click();
      await sheet.getByText('退回时请写明需要补充或修改的内容').waitFor();
      expect(reviewCalls).toEqual([]);
      expect((await api('tasks.get', { id: toReturn.id })).task.status).toBe('submitted');

      // 退回 with a comment: the card leaves, and the toast says so.
      await sheet.locator('.sheet__comment textarea').fill(COMMENT);
      await sheet.locator('.sheet__return').click();
      await toast(page, '已退回');
      await visible(page, `.queue-card[data-task-id="${toReturn.id}"]`).waitFor({ state: 'detached' });
      await visible(page, '#queue-count')
        .filter({ hasText: new RegExp(`^${queue.length - 1}$`) })
        .waitFor();
      expect(reviewCalls).toHaveLength(1);

      // The next one opens by itself; 通过: it leaves too.
      await visible(page, `.sheet__panel[data-task-id="${toApprove.id}"]`).waitFor();
      await visible(page, '.sheet__panel').getByText(toApprove.note).first().waitFor();
      expect(await visible(page, '.sheet__comment textarea').inputValue()).toBe('');
      await visible(page, '.sheet__approve').click();
      await toast(page, '已通过');
      await visible(page, `.queue-card[data-task-id="${toApprove.id}"]`).waitFor({ state: 'detached' });
      await visible(page, '#queue-count')
        .filter({ hasText: new RegExp(`^${queue.length - 2}$`) })
        .waitFor();
    });

    const returned = await api('tasks.get', { id: toReturn.id });
    expect(returned.task.status).toBe('returned');
    expect(returned.task.reviewComment).toBe(COMMENT);
    expect((await api('tasks.get', { id: toApprove.id })).task.status).toBe('approved');
    const { tasks: after } = await api('review.queue', {});
    expect(after.map((task: any) => task.id)).not.toContain(toReturn.id);
    expect(after.map((task: any) => task.id)).not.toContain(toApprove.id);

    // The reporting unit's clerk opens the returned task and reads what to fix.
    const staff = await phoneAs(`demo-staff-${toReturn.unitId}`);
    await withScreenshot(staff, 'review-returned-seen-by-staff', async () => {
      await staff.goto(`${app.url}/#/pages/task/index?id=${toReturn.id}`);
      await visible(staff, '.taro_page').getByText(COMMENT, { exact: false }).first().waitFor();
    });
    await page.context().close();
    await staff.context().close();
  }, 120_000);

  it('fits a 320 px phone: the queue and the review sheet', async () => {
    const page = await phoneAs(REVIEWER, 320);
    await withScreenshot(page, 'review-320', async () => {
      await page.goto(`${app.url}/#/packages/review/pages/queue/index`);
      await visible(page, '.queue-card').first().waitFor();
      expect(await spillsSideways(page, { ignoreImages: true })).toEqual([]);
      await visible(page, '.queue-card').first().click();
      await visible(page, '.sheet__approve').waitFor();
      await visible(page, '.sheet__photo, .sheet__doc').first().waitFor();
      expect(await spillsSideways(page, { ignoreImages: true })).toEqual([]);
      // Closing the sheet keeps the report waiting in the list.
      const id = await visible(page, '.queue-card').first().getAttribute('data-task-id');
      await visible(page, '.sheet__close').click();
      await visible(page, '.sheet__panel').waitFor({ state: 'detached' });
      expect(await visible(page, '.queue-card').first().getAttribute('data-task-id')).toBe(id);
    });
    await page.context().close();
  }, 60_000);

  it('says what to do when nothing waits, and a clerk is told the queue is not theirs', async () => {
    // 区财政局 leads few items: review what waits through the API, then the page is empty.
    const reviewer = 'demo-reviewer-czj';
    const { tasks } = await api('review.queue', {}, reviewer);
    for (const task of tasks) await api('report.review', { taskId: task.id, decision: 'approve' }, reviewer);

    const page = await phoneAs(reviewer, 320);
    await withScreenshot(page, 'review-empty', async () => {
      await page.goto(`${app.url}/#/packages/review/pages/queue/index`);
      await visible(page, '.empty-state').getByText('暂无待审核的材料').waitFor();
      expect(await spillsSideways(page, { ignoreImages: true })).toEqual([]);
    });

    const clerk = await phoneAs('demo-staff-xijiao');
    await withScreenshot(clerk, 'review-forbidden', async () => {
      await clerk.goto(`${app.url}/#/packages/review/pages/queue/index`);
      await visible(clerk, '.error-view').getByText('只有审核人可以查看待审核清单').waitFor();
      await visible(clerk, '.error-view').getByText('重试').waitFor();
    });
    await page.context().close();
    await clerk.context().close();
  }, 90_000);
});
