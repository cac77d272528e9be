import type { Page } from 'playwright-core';
import { saveScreenshot, spillsSideways, visible, withScreenshot } from './browser';
import { setUpLocalCloud } from './localCloud';

/**
 * 领导批示 at 360 px: 区领导 writes one on a task and one on a unit; the unit's clerk finds them at the
 * top of the task and of the task list, in the task's history, and as a reminder in 我的 that opens
 * the task. Only leaders are offered the box.
 */

const LEADER = 'demo-leader';
const CLERK = 'demo-staff-xijiao';

describe('领导批示', () => {
  const app = setUpLocalCloud({ width: 360 });
  const api = (openid: string, action: string, payload: unknown = {}) => app.api(openid, action, payload);

  async function toast(page: Page, text: string): Promise<void> {
    await page.locator('.taro__toast', { hasText: text }).first().waitFor({ state: 'attached', timeout: 10_000 });
  }

  it('a leader’s 批示 on a task reaches the clerk: on top of the task, in its history, as a reminder', async () => {
    const { tasks } = await api(CLERK, 'tasks.list');
    const task = tasks.find((candidate: any) => candidate.status === 'pending' && candidate.light === 'grey');
    const text = '这项工作请在12月20日前报送，街道主要负责同志要亲自过问。';

    const leader = await app.phoneAs(LEADER);
    await withScreenshot(leader, 'instructions-write', async () => {
      await leader.goto(`${app.url}/#/pages/task/index?id=${task.id}`);
      const box = visible(leader, '.instruction-box');
      await box.waitFor();
      await box.getByText('发送后西郊街道的经办人会收到提醒').waitFor();
      // Nothing written: nothing sent.
      await visible(leader, '.instruction-box__send').click();
      await box.getByText('请先写批示内容').waitFor();
      await box.locator('textarea').fill(text);
      await visible(leader, '.instruction-box__send').click();
      await toast(leader, '批示已发送');
      await visible(leader, '.task-page__instructions').getByText(text).waitFor();
      expect(await box.locator('textarea').inputValue()).toBe('');
      expect(await spillsSideways(leader, { ignoreImages: true })).toEqual([]);
    });

    const clerk = await app.phoneAs(CLERK);
    await withScreenshot(clerk, 'instructions-read', async () => {
      // On the task: first thing on the page, above the task itself; the clerk has no box to write one.
      await clerk.goto(`${app.url}/#/pages/task/index?id=${task.id}`);
      const top = visible(clerk, '.task-page__instructions');
      await top.getByText(text).waitFor();
      await top.getByText('批示这项任务', { exact: false }).waitFor();
      const topBox = await top.boundingBox();
      const headBox = await visible(clerk, '.task-page__head').boundingBox();
      expect(topBox!.y).toBeLessThan(headBox!.y);
      expect(await visible(clerk, '.instruction-box').count()).toBe(0);
      await visible(clerk, '[data-action="instruction"]').getByText('领导批示').waitFor();
      await saveScreenshot(clerk, 'instructions-on-task');

      // As a reminder in 我的, which opens the task.
      await clerk.goto(`${app.url}/#/pages/me/index`);
      const reminder = visible(clerk, '.me-reminder').filter({ hasText: '领导批示' }).first();
      await reminder.waitFor();
      await reminder.getByText(text, { exact: false }).waitFor();
      await reminder.click();
      await clerk.waitForURL(new RegExp(`pages/task/index\\?id=${task.id}`));
      // (The page opened before is still in the DOM as the new one comes in.)
      await visible(clerk, '.task-page__instructions').getByText(text).last().waitFor();
    });
    const { reminders } = await api(CLERK, 'reminders.list');
    expect(reminders.some((item: any) => item.kind === 'instruction' && item.taskId === task.id)).toBe(true);
    await leader.context().close();
    await clerk.context().close();
  }, 120_000);

  it('a leader’s 批示 on a unit shows at the top of the unit’s task list', async () => {
    const text = '西郊街道年底前把逾期任务全部清零。';
    const leader = await app.phoneAs(LEADER);
    await withScreenshot(leader, 'instructions-unit-write', async () => {
      await leader.goto(`${app.url}/#/packages/leader/pages/unit/index?unitId=xijiao`);
      const box = visible(leader, '#unit-instruct .instruction-box');
      await box.waitFor();
      await box.locator('textarea').fill(text);
      await visible(leader, '#unit-instruct .instruction-box__send').click();
      await toast(leader, '批示已发送');
      expect(await spillsSideways(leader, { ignoreImages: true })).toEqual([]);
    });

    const clerk = await app.phoneAs(CLERK);
    await withScreenshot(clerk, 'instructions-unit-read', async () => {
      await clerk.goto(`${app.url}/#/pages/tasks/index`);
      const top = visible(clerk, '.tasks__instructions');
      // The latest first; the earlier one (on a task) folded under it.
      await top.getByText(text).waitFor();
      await top.getByText('批示西郊街道', { exact: false }).waitFor();
      await top.getByText('还有1条批示').waitFor();
      const topBox = await top.boundingBox();
      const firstGroup = await visible(clerk, '.tasks__group').first().boundingBox();
      expect(topBox!.y).toBeLessThan(firstGroup!.y);
      await saveScreenshot(clerk, 'instructions-on-list');
      expect(await spillsSideways(clerk, { ignoreImages: true })).toEqual([]);
    });

    // A clerk cannot write one (the server refuses too).
    await expect(api(CLERK, 'instruction.add', { unitId: 'xijiao', text: '试试' })).rejects.toThrow();
    await leader.context().close();
    await clerk.context().close();
  }, 120_000);
});
