import { spillsSideways, visible, withScreenshot } from './browser';
import { setUpLocalCloud } from './localCloud';

/**
 * 区领导 (demo-leader) on a phone: the 工作台's summary, the district dashboard (rates, ranking,
 * overdue with 催办), a figure that moves when a report is approved, and the drill-down from a unit
 * to one of its tasks; at 320 px nothing spills sideways.
 */

const LEADER = 'demo-leader';
const REVIEWER = 'demo-reviewer-sfj';

describe('leader: 全区进展', () => {
  const app = setUpLocalCloud();
  const { phoneAs } = app;
  const api = (action: string, payload: unknown, openid: string = LEADER) => app.api(openid, action, payload);

  const exactly = (value: number | string) => new RegExp(`^${value}$`);

  /** The 催办 reminders the unit's clerk has received. */
  async function urgeReminders(unitId: string): Promise<any[]> {
    const { reminders } = await api('reminders.list', {}, `demo-staff-${unitId}`);
    return reminders.filter((reminder: any) => reminder.kind === 'urge');
  }

  let year: number;

  beforeAll(async () => {
    year = (await api('summary.district', {})).year;
  });

  it('shows the three rates and the ranking; an approval moves them; a unit drills down to a task', async () => {
    const before = await api('summary.district', { year });
    const page = await phoneAs(LEADER);
    await withScreenshot(page, 'leader-dashboard', async () => {
      // 工作台: the district at a glance, one tap from the dashboard.
      await page.goto(`${app.url}/#/pages/workbench/index`);
      const glance = visible(page, '[data-entry="district-summary"]');
      await glance.getByText(`${Math.round(before.totals.completionRate * 1000) / 10}%`).waitFor();
      await glance.getByText('查看全区进展').click();
      await page.waitForURL(/packages\/leader\/pages\/dashboard\/index/);

      // Three rates as rings, the counts, and the units ranked by completion.
      const rings = visible(page, '[data-ring]');
      await rings.first().waitFor();
      expect(await rings.count()).toBe(3);
      const ringText = await visible(page, '.dash__rings').innerText();
      for (const label of ['完成率', '报送率', '按时报送率']) expect(ringText).toContain(label);
      await visible(page, '[data-stat="approved"] .stat-grid__value')
        .filter({ hasText: exactly(before.totals.approved) })
        .waitFor();
      const ranking = visible(page, '#dash-units [data-unit-id]');
      expect(await ranking.count()).toBe(Math.min(10, before.units.length));
      expect(await ranking.first().getAttribute('data-unit-id')).toBe(before.units[0].unitId);
      expect(await ranking.first().innerText()).toContain(`1. ${before.units[0].name}`);
      const rateBefore = Number(await visible(page, '[data-ring="completion"]').getAttribute('data-rate'));
      expect(rateBefore).toBeCloseTo(before.totals.completionRate, 4);
    });

    // A reviewer approves one more report; the dashboard, reloaded, counts it.
    const { tasks: waiting } = await api('review.queue', {}, REVIEWER);
    await api('report.review', { taskId: waiting[0].id, decision: 'approve' }, REVIEWER);
    await withScreenshot(page, 'leader-dashboard-after-approval', async () => {
      await page.reload();
      await visible(page, '[data-stat="approved"] .stat-grid__value')
        .filter({ hasText: exactly(before.totals.approved + 1) })
        .waitFor();
      const rateAfter = Number(await visible(page, '[data-ring="completion"]').getAttribute('data-rate'));
      expect(rateAfter).toBeGreaterThan(before.totals.completionRate);
    });

    // Drill down: a unit's page lists its tasks; a task opens the task page.
    const unitId = waiting[0].unitId as string;
    const unit = await api('summary.unit', { unitId, year });
    await withScreenshot(page, 'leader-drill-down', async () => {
      const row = visible(page, `#dash-units [data-unit-id="${unitId}"]`);
      if ((await row.count()) === 0) await visible(page, '#dash-units .dash__more').click();
      await row.click();
      await page.waitForURL(new RegExp(`packages/leader/pages/unit/index\\?unitId=${unitId}`));
      const tasks = visible(page, '#unit-tasks [data-task-id]');
      await tasks.first().waitFor();
      expect(await tasks.count()).toBe(unit.tasks.length);
      await visible(page, '.unit__name').filter({ hasText: unit.unit.name }).waitFor();
      await visible(page, '[data-group="approved"]').waitFor();
      const taskId = await tasks.first().getAttribute('data-task-id');
      await tasks.first().click();
      await page.waitForURL(/pages\/task\/index\?id=/);
      expect(page.url()).toContain(`pages/task/index?id=${taskId}`);
    });
    await page.context().close();
  }, 120_000);

  it('urges a unit with overdue tasks after asking first, and the unit is reminded', async () => {
    const summary = await api('summary.district', { year });
    expect(summary.overdue.length).toBeGreaterThan(0);
    const page = await phoneAs(LEADER);
    let unitId = '';
    await withScreenshot(page, 'leader-urge', async () => {
      await page.goto(`${app.url}/#/packages/leader/pages/dashboard/index`);
      const group = visible(page, '[data-overdue-unit]').first();
      await group.waitFor();
      unitId = (await group.getAttribute('data-overdue-unit')) ?? '';
      const unitName = summary.overdue.find((task: any) => task.unitId === unitId).unitName;

      // Cancelling the confirmation sends nothing.
      await group.getByText('催办该单位').click();
      await page.locator('.taro-modal__text', { hasText: `将提醒${unitName}的经办人` }).waitFor();
      await page.locator('.taro-model__cancel').click();
      expect(await urgeReminders(unitId)).toHaveLength(0);

      await group.getByText('催办该单位').click();
      await page.locator('.taro-model__confirm', { hasText: '催办' }).click();
      await page.locator('.taro__toast', { hasText: /已催办，已提醒\d+人/ }).waitFor({ state: 'attached' });
    });
    expect((await urgeReminders(unitId)).length).toBeGreaterThan(0);

    // The same unit again today: the server's reason is shown, not a silent failure.
    await withScreenshot(page, 'leader-urge-again', async () => {
      await visible(page, `[data-overdue-unit="${unitId}"]`).getByText('催办该单位').click();
      await page.locator('.taro-model__confirm', { hasText: '催办' }).click();
      await page.locator('.taro-modal__text', { hasText: '今天催办过的不再重复' }).waitFor();
    });
    await page.context().close();
  }, 90_000);

  it('gives a clerk their own unit’s progress from the 工作台, without 催办; an unbound visitor is sent to bind', async () => {
    const clerk = 'demo-staff-xijiao';
    const own = await api('summary.unit', { unitId: 'xijiao', year }, clerk);
    const page = await phoneAs(clerk);
    await withScreenshot(page, 'leader-clerk-own-unit', async () => {
      await page.goto(`${app.url}/#/pages/workbench/index`);
      const entry = visible(page, '[data-entry="own-unit"]');
      await entry.getByText(`已完成 ${own.totals.approved}/${own.totals.total}`, { exact: false }).waitFor();
      expect(await visible(page, '[data-entry="review-queue"], [data-entry="district-summary"]').count()).toBe(0);
      await entry.click();
      await page.waitForURL(/packages\/leader\/pages\/unit\/index\?unitId=xijiao/);
      await visible(page, '#unit-tasks [data-task-id]').first().waitFor();
      expect(await visible(page, '#unit-tasks [data-task-id]').count()).toBe(own.tasks.length);
      expect(await visible(page, '.urge-button').count()).toBe(0);
    });
    await page.context().close();

    const stranger = await phoneAs('demo-new-visitor');
    await withScreenshot(stranger, 'leader-unbound', async () => {
      await stranger.goto(`${app.url}/#/pages/workbench/index`);
      await visible(stranger, '.empty-state').getByText('您还没有绑定单位').waitFor();
      await visible(stranger, '.wb__bind-button').click();
      await stranger.waitForURL(/pages\/me\/index/);
    });
    await stranger.context().close();
  }, 90_000);

  it('switches year, and at 320 px the dashboard and a unit page fit the screen', async () => {
    const page = await phoneAs(LEADER, 320);
    await withScreenshot(page, 'leader-320', async () => {
      await page.goto(`${app.url}/#/packages/leader/pages/dashboard/index`);
      await visible(page, '#dash-units [data-unit-id]').first().waitFor();
      await visible(page, '#dash-units .dash__more').click();
      await visible(page, '#dash-overdue .dash__more').click();
      expect(await spillsSideways(page, { ignoreImages: true })).toEqual([]);

      // Only the years the district has tasks for are offered (none before it began).
      const { years } = await api('summary.district', { year });
      expect(await visible(page, '.dash__year').allInnerTexts()).toEqual(years.map((choice: number) => `${choice}年`));
      const other = years.find((choice: number) => choice !== year);
      const previous = await api('summary.district', { year: other });
      expect(previous.totals.total).toBeGreaterThan(0);
      await visible(page, '.dash__year')
        .filter({ hasText: `${other}年` })
        .click();
      await visible(page, '.dash__title')
        .filter({ hasText: `${other}年度` })
        .waitFor();
      await visible(page, '[data-stat="total"] .stat-grid__value')
        .filter({ hasText: exactly(previous.totals.total) })
        .waitFor();
      expect(await spillsSideways(page, { ignoreImages: true })).toEqual([]);

      await page.goto(`${app.url}/#/packages/leader/pages/unit/index?unitId=xijiao&year=${year}`);
      await visible(page, '#unit-tasks [data-task-id]').first().waitFor();
      expect(await spillsSideways(page, { ignoreImages: true })).toEqual([]);
    });
    await page.context().close();
  }, 90_000);
});
