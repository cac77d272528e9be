import type { Page } from 'playwright-core';
import { saveScreenshot, spillsSideways, visible, withScreenshot } from './browser';
import { setUpLocalCloud } from './localCloud';

/**
 * The work as units do it, in the H5 build at 360 px: a township clerk (西郊街道) asks 区司法局 for
 * 延期 and for 不涉及, withdraws a report and sends it again; 区司法局's reviewer decides in the queue
 * and on the task; what they decide reaches the clerk's task, the unit's totals and the dashboard.
 */

const CLERK = 'demo-staff-xijiao';
const REVIEWER = 'demo-reviewer-sfj';
const LEADER = 'demo-leader';
const WIDTH = 360;

describe('requests: 延期, 不涉及, 撤回', () => {
  const app = setUpLocalCloud({ width: WIDTH });
  const api = (openid: string, action: string, payload: unknown = {}) => app.api(openid, action, payload);
  /** Pending tasks of 西郊街道 not yet near, reviewed by 区司法局: one per test, so the tests do not meet. */
  let fresh: string[];

  beforeAll(async () => {
    const list = await api(CLERK, 'tasks.list');
    const candidates = list.tasks.filter(
      (task: any) => task.status === 'pending' && task.light === 'grey' && task.evidenceCount === 0,
    );
    fresh = [];
    for (const task of candidates) {
      const detail = await api(CLERK, 'tasks.get', { id: task.id });
      if (detail.task.reviewerUnits.includes('区司法局') && detail.can.requestExtension) fresh.push(task.id);
      if (fresh.length === 4) break;
    }
    expect(fresh).toHaveLength(4);
  });

  async function toast(page: Page, text: string): Promise<void> {
    await page.locator('.taro__toast', { hasText: text }).first().waitFor({ state: 'attached', timeout: 10_000 });
  }

  async function openTask(page: Page, taskId: string): Promise<void> {
    await page.goto(`${app.url}/#/pages/task/index?id=${taskId}`);
    await visible(page, '.task-page__head [data-light]').waitFor();
  }

  /** The visible button of that label (Taro's H5 Button). */
  const button = (page: Page, selector: string, label: string) => visible(page, selector).filter({ hasText: label });

  it('a clerk asks for 延期; the reviewer approves it in the queue; the clerk sees the new date and the original', async () => {
    const taskId = fresh[0];
    const before = (await api(CLERK, 'tasks.get', { id: taskId })).task;
    const clerk = await app.phoneAs(CLERK);
    let asked = '';
    await withScreenshot(clerk, 'requests-extension-ask', async () => {
      await openTask(clerk, taskId);
      await button(clerk, '.task-page__ask-button', '申请延期').click();
      const form = visible(clerk, '[data-form="extension"]');
      await form.waitFor();
      // Without a date nothing is sent; a quick choice fills it.
      await button(clerk, '.task-page__form-send', '提交延期申请').click();
      await form.getByText('请选择新的完成日期').waitFor();
      const choice = form.locator('.task-page__choice[data-date]').nth(1);
      asked = (await choice.getAttribute('data-date')) as string;
      expect(asked > before.dueDate).toBe(true);
      await choice.click();
      await form.getByText(`延期至 ${asked.slice(0, 4)}年`).waitFor();
      await form.scrollIntoViewIfNeeded();
      await saveScreenshot(clerk, 'requests-extension-form');
      // Without a reason nothing is sent either.
      await button(clerk, '.task-page__form-send', '提交延期申请').click();
      await form.getByText('请写明申请延期的理由').waitFor();
      await form.locator('textarea').fill('区里统一部署推迟到明年一月');
      await button(clerk, '.task-page__form-send', '提交延期申请').click();
      await toast(clerk, '已提交延期申请');
      const waiting = visible(clerk, '[data-request="extension"][data-tone="wait"]');
      await waiting.getByText('延期申请待区司法局审批').waitFor();
      await waiting.scrollIntoViewIfNeeded();
      await saveScreenshot(clerk, 'requests-extension-asked');
      // Until it is approved the task keeps its date.
      await visible(clerk, '.task-page__due')
        .getByText(`${before.dueDate.slice(0, 4)}年`)
        .waitFor();
      expect(await visible(clerk, '.task-page__original').count()).toBe(0);
      expect(await visible(clerk, '.task-page__ask-button').count()).toBe(0);
      expect(await spillsSideways(clerk, { ignoreImages: true })).toEqual([]);

      // The list marks it.
      await clerk.goto(`${app.url}/#/pages/tasks/index`);
      await visible(clerk, `[data-task-id="${taskId}"] [data-mark="延期申请中"]`).waitFor();
    });
    const pending = (await api(CLERK, 'tasks.get', { id: taskId })).task;
    expect(pending.dueDate).toBe(before.dueDate);
    expect(pending.extension).toMatchObject({ dueDate: asked, status: 'pending', late: false });

    const reviewer = await app.phoneAs(REVIEWER);
    await withScreenshot(reviewer, 'requests-extension-decide', async () => {
      await reviewer.goto(`${app.url}/#/packages/review/pages/queue/index`);
      // The 延期 filter: its count, and only requests of that kind.
      const counts = await api(REVIEWER, 'review.queue', {});
      await visible(reviewer, '.queue__kind[data-kind="extension"]')
        .filter({ hasText: `延期 ${counts.counts.extension}` })
        .click();
      const cards = visible(reviewer, '.queue-card');
      await visible(reviewer, `.queue-card[data-task-id="${taskId}"]`).waitFor();
      for (const kind of await cards.evaluateAll((all) => all.map((card) => card.getAttribute('data-kind')))) {
        expect(kind).toBe('extension');
      }
      await visible(reviewer, `.queue-card[data-task-id="${taskId}"]`).click();
      const sheet = visible(reviewer, `.sheet__panel[data-task-id="${taskId}"]`);
      await sheet.getByText('区里统一部署推迟到明年一月', { exact: false }).waitFor();
      await sheet.getByText(/申请延期至/).waitFor();
      // 不同意 without a comment is refused in the app; 同意 needs none.
      await button(reviewer, '.sheet__return', '不同意').click();
      await sheet.getByText('不同意时请写明理由').waitFor();
      await saveScreenshot(reviewer, 'requests-extension-sheet');
      expect(await spillsSideways(reviewer, { ignoreImages: true })).toEqual([]);
      await button(reviewer, '.sheet__approve', '同意').click();
      await toast(reviewer, '已同意');
      await visible(reviewer, `.queue-card[data-task-id="${taskId}"]`).waitFor({ state: 'detached' });
    });

    await withScreenshot(clerk, 'requests-extension-approved', async () => {
      await openTask(clerk, taskId);
      await visible(clerk, '.task-page__due')
        .getByText(`截止 ${asked.slice(0, 4)}年`)
        .waitFor();
      const original = visible(clerk, '.task-page__original');
      await original.waitFor();
      expect(await original.getAttribute('data-original')).toBe(before.dueDate);
      await visible(clerk, '[data-request="extension"][data-tone="ok"]').getByText('延期已同意').waitFor();
      await saveScreenshot(clerk, 'requests-extension-approved');
      await visible(clerk, '[data-action="extension.approve"]').getByText('同意延期').waitFor();
      expect(await spillsSideways(clerk, { ignoreImages: true })).toEqual([]);
    });
    const after = (await api(CLERK, 'tasks.get', { id: taskId })).task;
    expect(after).toMatchObject({ dueDate: asked, originalDueDate: before.dueDate });
    const { reminders } = await api(CLERK, 'reminders.list');
    expect(
      reminders.some((reminder: any) => reminder.kind === 'extension-approved' && reminder.taskId === taskId),
    ).toBe(true);
    await clerk.context().close();
    await reviewer.context().close();
  }, 150_000);

  it('a clerk asks for 不涉及; approved on the task, the unit’s totals drop by one; revoked, they come back', async () => {
    const taskId = fresh[1];
    const year = (await api(CLERK, 'tasks.get', { id: taskId })).task.year;
    const unitBefore = (await api(LEADER, 'summary.unit', { unitId: 'xijiao', year })).totals;
    const districtBefore = (await api(LEADER, 'summary.district', { year })).totals;

    const clerk = await app.phoneAs(CLERK);
    await withScreenshot(clerk, 'requests-exemption-ask', async () => {
      await openTask(clerk, taskId);
      await button(clerk, '.task-page__ask-button', '申请不涉及').click();
      const form = visible(clerk, '[data-form="exemption"]');
      await form.locator('textarea').fill('本街道没有这项职能，今年也没有承担');
      await button(clerk, '.task-page__form-send', '提交不涉及申请').click();
      await toast(clerk, '已提交不涉及申请');
      await visible(clerk, '[data-request="exemption"][data-tone="wait"]').waitFor();
    });

    // 区司法局's reviewer decides on the task page itself.
    const reviewer = await app.phoneAs(REVIEWER);
    await withScreenshot(reviewer, 'requests-exemption-decide', async () => {
      await openTask(reviewer, taskId);
      await visible(reviewer, '[data-request="exemption"]').getByText('本街道没有这项职能', { exact: false }).waitFor();
      await button(reviewer, '.task-page__form-refuse', '不同意').click();
      await visible(reviewer, '[data-form="decide"]').getByText('不同意时请写明理由').waitFor();
      await visible(reviewer, '[data-form="decide"]').scrollIntoViewIfNeeded();
      await saveScreenshot(reviewer, 'requests-exemption-decide');
      await button(reviewer, '.task-page__form-approve', '同意').click();
      await toast(reviewer, '已同意');
      await visible(reviewer, '[data-request="exemption"][data-tone="ok"]').getByText('已确认不涉及').waitFor();
      await visible(reviewer, '.task-page__head').getByText('不涉及').first().waitFor();
    });
    expect((await api(CLERK, 'tasks.get', { id: taskId })).task.status).toBe('exempt');

    // The unit's page and the dashboard count one task fewer, and show it apart.
    const leader = await app.phoneAs(LEADER);
    const stat = (page: Page, key: string, value: number) =>
      visible(page, `[data-stat="${key}"] .stat-grid__value`)
        .filter({ hasText: new RegExp(`^${value}$`) })
        .waitFor();
    await withScreenshot(leader, 'requests-exemption-totals', async () => {
      await leader.goto(`${app.url}/#/packages/leader/pages/unit/index?unitId=xijiao&year=${year}`);
      await stat(leader, 'total', unitBefore.total - 1);
      await stat(leader, 'exempt', unitBefore.exempt + 1);
      await visible(leader, `[data-group="exempt"] [data-task-id="${taskId}"]`).waitFor();
      await visible(leader, '#unit-totals').scrollIntoViewIfNeeded();
      await saveScreenshot(leader, 'requests-exemption-unit');
      await leader.goto(`${app.url}/#/packages/leader/pages/dashboard/index`);
      await stat(leader, 'total', districtBefore.total - 1);
      await stat(leader, 'exempt', districtBefore.exempt + 1);
    });

    // The clerk's list: in its own grey group, out of the counts.
    await withScreenshot(clerk, 'requests-exemption-list', async () => {
      await clerk.goto(`${app.url}/#/pages/tasks/index`);
      await visible(clerk, `[data-group="exempt"] [data-task-id="${taskId}"]`).waitFor();
      await visible(clerk, '[data-group="exempt"]').scrollIntoViewIfNeeded();
      await saveScreenshot(clerk, 'requests-exemption-list');
      const counted = await visible(clerk, '.tasks__count-value').allInnerTexts();
      const list = await api(CLERK, 'tasks.list', { year });
      expect(counted.reduce((sum, text) => sum + Number(text.trim()), 0)).toBe(
        list.tasks.filter((task: any) => task.status !== 'exempt').length,
      );
    });

    // Revoked with a comment (needed): the task is to report again, and counted again.
    await withScreenshot(reviewer, 'requests-exemption-revoke', async () => {
      await openTask(reviewer, taskId);
      await button(reviewer, '.task-page__form-refuse', '撤销不涉及').click();
      await visible(reviewer, '[data-form="revoke"]').getByText('撤销时请写明理由').waitFor();
      await visible(reviewer, '[data-form="revoke"] textarea').fill('今年该街道承担了此项工作');
      await button(reviewer, '.task-page__form-refuse', '撤销不涉及').click();
      await toast(reviewer, '已撤销不涉及');
      await visible(reviewer, '[data-request="exemption"][data-tone="no"]').getByText('不涉及已撤销').waitFor();
    });
    expect((await api(CLERK, 'tasks.get', { id: taskId })).task.status).toBe('pending');
    expect((await api(LEADER, 'summary.unit', { unitId: 'xijiao', year })).totals.total).toBe(unitBefore.total);
    await clerk.context().close();
    await reviewer.context().close();
    await leader.context().close();
  }, 150_000);

  it('filters the queue by unit and by item, with the counts of each kind under the filter', async () => {
    const expected = await api(REVIEWER, 'review.queue', { unitId: 'xijiao' });
    expect(expected.tasks.length).toBeGreaterThan(0);
    const itemNo = expected.tasks[0].itemNo;
    const both = await api(REVIEWER, 'review.queue', { unitId: 'xijiao', itemNo });
    const reviewer = await app.phoneAs(REVIEWER);
    await withScreenshot(reviewer, 'requests-queue-filters', async () => {
      await reviewer.goto(`${app.url}/#/packages/review/pages/queue/index`);
      await visible(reviewer, '.queue-card').first().waitFor();
      await visible(reviewer, '[data-chooser="unit"]').click();
      await visible(reviewer, '.filter-sheet [data-option="xijiao"]').click();
      await visible(reviewer, '[data-chooser="unit"]').getByText('单位：西郊街道').waitFor();
      await visible(reviewer, '#queue-count')
        .filter({ hasText: new RegExp(`^${expected.tasks.length}$`) })
        .waitFor();
      await visible(reviewer, '.queue__kind[data-kind="report"]')
        .filter({ hasText: `报送 ${expected.counts.report}` })
        .waitFor();
      const units = await visible(reviewer, '.queue-card .queue-card__unit').allInnerTexts();
      expect(new Set(units)).toEqual(new Set(['西郊街道']));
      await saveScreenshot(reviewer, 'requests-queue-by-unit');

      await visible(reviewer, '[data-chooser="item"]').click();
      await visible(reviewer, `.filter-sheet [data-option="${itemNo}"]`).click();
      await visible(reviewer, '#queue-count')
        .filter({ hasText: new RegExp(`^${both.tasks.length}$`) })
        .waitFor();
      expect(await visible(reviewer, '.queue-card').count()).toBe(both.tasks.length);

      // Back to all units: the chooser's 全部.
      await visible(reviewer, '[data-chooser="unit"]').click();
      await visible(reviewer, '.filter-sheet [data-option="all"]').click();
      await visible(reviewer, '[data-chooser="unit"]').getByText('单位：全部').waitFor();
      expect(await spillsSideways(reviewer, { ignoreImages: true })).toEqual([]);
    });
    await reviewer.context().close();
  }, 90_000);

  it('withdraws a report before review and sends it again; a resubmission after a return comes first, with what changed', async () => {
    const taskId = fresh[2];
    await api(CLERK, 'report.submit', { taskId, note: '已召开专题会议。', requestId: `e2e-${taskId}-1` });
    const clerk = await app.phoneAs(CLERK);
    await withScreenshot(clerk, 'requests-withdraw', async () => {
      await openTask(clerk, taskId);
      // After 报送: who reviews it, that the clerk will be told; the evidence is frozen.
      const report = visible(clerk, '[data-report="submitted"]');
      await report.getByText('已报送，等待区司法局审核').waitFor();
      await report.getByText('会在「我的 › 我的提醒」里告诉你', { exact: false }).waitFor();
      expect(await visible(clerk, '.task-page__add').count()).toBe(0);
      expect(await visible(clerk, '.task-page__submit').count()).toBe(0);
      await saveScreenshot(clerk, 'requests-submitted');
      expect(await spillsSideways(clerk, { ignoreImages: true })).toEqual([]);

      // 撤回 asks first; cancelled, nothing happens.
      await button(clerk, '.task-page__withdraw', '撤回').click();
      await clerk.locator('.taro-model__cancel').click();
      expect((await api(CLERK, 'tasks.get', { id: taskId })).task.status).toBe('submitted');
      await button(clerk, '.task-page__withdraw', '撤回').click();
      await clerk.locator('.taro-model__confirm', { hasText: '撤回' }).click();
      await toast(clerk, '已撤回');
      await visible(clerk, '.task-page__add').waitFor();
      await visible(clerk, '[data-action="withdraw"]').getByText('撤回报送').waitFor();

      // Changed and sent again.
      await visible(clerk, '.task-page__note textarea').fill('已召开专题会议，形成会议纪要。');
      await visible(clerk, '.task-page__submit').click();
      await visible(clerk, '[data-report="submitted"]').waitFor();
    });
    const sent = await api(CLERK, 'tasks.get', { id: taskId });
    expect(sent.task.status).toBe('submitted');
    expect(sent.task.note).toBe('已召开专题会议，形成会议纪要。');

    // Returned, changed and sent again: first in the reviewer's queue, with what changed.
    await api(REVIEWER, 'report.review', { taskId, decision: 'return', comment: '请写明参加人数' });
    await api(CLERK, 'report.submit', { taskId, note: '已召开专题会议，28人参加。', requestId: `e2e-${taskId}-3` });
    const reviewer = await app.phoneAs(REVIEWER);
    await withScreenshot(reviewer, 'requests-resubmitted', async () => {
      await reviewer.goto(`${app.url}/#/packages/review/pages/queue/index`);
      const card = visible(reviewer, `.queue-card[data-task-id="${taskId}"]`);
      await card.waitFor();
      expect(await card.getAttribute('data-resubmitted')).toBe('yes');
      await card.getByText('退回后重新报送').waitFor();
      const marks = await visible(reviewer, '.queue-card').evaluateAll((all) =>
        all.map((element) => element.getAttribute('data-resubmitted')),
      );
      expect(marks.indexOf('no')).toBeGreaterThan(marks.lastIndexOf('yes'));
      await card.click();
      const changes = visible(reviewer, '.sheet__changes');
      await changes.getByText('退回意见：请写明参加人数').waitFor();
      await changes.getByText('报送说明：已修改').waitFor();
      await changes.getByText('材料：没有增减').waitFor();
      await saveScreenshot(reviewer, 'requests-resubmitted-sheet');
      expect(await spillsSideways(reviewer, { ignoreImages: true })).toEqual([]);
    });
    await clerk.context().close();
    await reviewer.context().close();
  }, 150_000);
});
