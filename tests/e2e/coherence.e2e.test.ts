import type { Page } from 'playwright-core';
import { saveScreenshot, spillsSideways, visible, withScreenshot } from './browser';
import { setUpLocalCloud } from './localCloud';

/**
 * 全区进展 at 360 px reads the same everywhere on one screen: each ring with its counts and what it
 * counts, the trend's caption as of the summary's date with the ring's rate and counts, totals that
 * add up (待报送 shown, 不涉及 apart); the ranking gives counts and puts units with too few due tasks
 * last, unranked; only the district's years are offered; 催办 is offered only where something is overdue.
 */

const LEADER = 'demo-leader';

describe('dashboard coherence', () => {
  const app = setUpLocalCloud({ width: 360 });
  const api = (action: string, payload: unknown = {}) => app.api(LEADER, action, payload);

  const statValue = async (page: Page, key: string) =>
    Number(await visible(page, `[data-stat="${key}"] .stat-grid__value`).innerText());

  it('the rings, the trend caption and the totals agree', async () => {
    const summary = await api('summary.district', {});
    const { totals, trend, asOf } = summary;
    const page = await app.phoneAs(LEADER);
    await withScreenshot(page, 'coherence-dashboard', async () => {
      await page.goto(`${app.url}/#/packages/leader/pages/dashboard/index`);
      await visible(page, '[data-ring="report"]').waitFor();

      // Each ring: its rate, its counts, what it counts.
      const ring = async (key: string) => ({
        rate: Number(await visible(page, `[data-ring="${key}"]`).getAttribute('data-rate')),
        value: await visible(page, `[data-ring="${key}"] .ring__value`).innerText(),
        counts: await visible(page, `[data-ring="${key}"] .ring__counts`).innerText(),
        caption: await visible(page, `[data-ring="${key}"] .ring__caption`).innerText(),
      });
      const completion = await ring('completion');
      const report = await ring('report');
      const onTime = await ring('ontime');
      expect(completion).toMatchObject({ counts: `${totals.approved}/${totals.total}`, caption: '已通过/全部' });
      expect(report.counts).toBe(`${totals.reported}/${totals.total}`);
      expect(report.caption.replace(/\s/g, '')).toBe('已报送（待审核+已通过）/全部');
      expect(onTime).toMatchObject({ counts: `${totals.onTime}/${totals.due}`, caption: '按时报送/已到期' });
      expect(report.rate).toBeCloseTo(totals.reported / totals.total, 3);

      // The trend's last point is the rings, and its caption says so as of the summary's date.
      const last = trend[trend.length - 1];
      expect(last).toMatchObject({ asOf, total: totals.total, reported: totals.reported, approved: totals.approved });
      const caption = await visible(page, '.trend__caption').innerText();
      const day = `截至${Number(asOf.slice(5, 7))}月${Number(asOf.slice(8, 10))}日`;
      expect(caption).toBe(
        `${day}：报送率 ${report.value}（${report.counts}），完成率 ${completion.value}（${completion.counts}）`,
      );
      await visible(page, '.dash__asof').filter({ hasText: day }).waitFor();

      // The totals add up: 全部任务 = 待报送 + 已退回 + 待审核 + 已通过; 不涉及 apart.
      const total = await statValue(page, 'total');
      const parts = await Promise.all(
        ['pending', 'returned', 'submitted', 'approved'].map((key) => statValue(page, key)),
      );
      expect(total).toBe(totals.total);
      expect(parts.reduce((sum, part) => sum + part, 0)).toBe(total);
      expect(await statValue(page, 'pending')).toBe(totals.pending);
      expect(await statValue(page, 'exempt')).toBe(totals.exempt);
      expect(await statValue(page, 'overdue')).toBe(totals.overdue);
      await saveScreenshot(page, 'coherence-rings-totals');
      await visible(page, '#dash-trend').scrollIntoViewIfNeeded();
      await saveScreenshot(page, 'coherence-trend');
      expect(await spillsSideways(page, { ignoreImages: true })).toEqual([]);
    });
    await page.context().close();
  }, 90_000);

  it('ranks with counts first, the units with too few due tasks after, unranked and marked', async () => {
    const summary = await api('summary.district', {});
    const page = await app.phoneAs(LEADER);
    await withScreenshot(page, 'coherence-ranking', async () => {
      await page.goto(`${app.url}/#/packages/leader/pages/dashboard/index`);
      await visible(page, '#dash-units [data-unit-id]').first().waitFor();
      await visible(page, '#dash-units .dash__more').click();
      const rows = visible(page, '#dash-units [data-unit-id]');
      expect(await rows.count()).toBe(summary.units.length);
      const shown = await rows.evaluateAll((all) =>
        all.map((row) => ({
          id: row.getAttribute('data-unit-id'),
          ranked: row.getAttribute('data-ranked'),
          text: (row as HTMLElement).innerText,
        })),
      );
      const unranked = summary.units.filter((unit: any) => !unit.ranked);
      expect(unranked.length).toBeGreaterThan(0);
      // Ranked ones first, in rank order, numbered; then the others, not numbered, saying why.
      const firstUnranked = shown.findIndex((row) => row.ranked === 'no');
      expect(firstUnranked).toBe(summary.units.length - unranked.length);
      shown.forEach((row, index) => {
        const unit = summary.units.find((candidate: any) => candidate.unitId === row.id);
        expect(row.text).toContain(`${unit.approved}/${unit.total}`);
        if (index < firstUnranked) {
          expect(row.text).toContain(`${unit.rank}. ${unit.name}`);
        } else {
          expect(row.ranked).toBe('no');
          expect(row.text).toContain(`到期任务不足${summary.minDueToRank}项，暂不排名`);
          expect(row.text).not.toMatch(/^\d+\. /);
        }
      });
      await rows.nth(firstUnranked).scrollIntoViewIfNeeded();
      await saveScreenshot(page, 'coherence-unranked');
      expect(await spillsSideways(page, { ignoreImages: true })).toEqual([]);
    });
    await page.context().close();
  }, 90_000);

  it('offers only the district’s years, and 催办 only where something is overdue', async () => {
    const { years, year } = await api('summary.district', {});
    const session = await api('session.get');
    expect(session.years).toEqual(years);
    expect(years).not.toContain(2025);
    const page = await app.phoneAs(LEADER);
    await withScreenshot(page, 'coherence-years', async () => {
      await page.goto(`${app.url}/#/packages/leader/pages/dashboard/index`);
      await visible(page, '.dash__year').first().waitFor();
      expect(await visible(page, '.dash__year').allInnerTexts()).toEqual(years.map((choice: number) => `${choice}年`));

      // This year has overdue work: 催办 next to it.
      await visible(page, '[data-overdue-unit] .urge-button').first().waitFor();

      // Next year nothing is due yet: nothing overdue, nothing to urge.
      const next = years.find((choice: number) => choice > year);
      const later = await api('summary.district', { year: next });
      expect(later.totals.overdue).toBe(0);
      await visible(page, '.dash__year')
        .filter({ hasText: `${next}年` })
        .click();
      await visible(page, '.dash__title')
        .filter({ hasText: `${next}年度` })
        .waitFor();
      await visible(page, '#dash-overdue').getByText('没有逾期任务').waitFor();
      expect(await visible(page, '.urge-button').count()).toBe(0);
    });

    // A unit's page: 催办 only for a unit with something overdue.
    const { units } = await api('summary.district', { year });
    const late = units.find((unit: any) => unit.overdue > 0);
    const clear = units.find((unit: any) => unit.overdue === 0 && unit.total > 0);
    await withScreenshot(page, 'coherence-urge', async () => {
      await page.goto(`${app.url}/#/packages/leader/pages/unit/index?unitId=${late.unitId}&year=${year}`);
      await visible(page, '.unit__urge .urge-button').waitFor();
      await page.goto(`${app.url}/#/packages/leader/pages/unit/index?unitId=${clear.unitId}&year=${year}`);
      await visible(page, '.unit__name').filter({ hasText: clear.name }).waitFor();
      await visible(page, '[data-stat="total"]').waitFor();
      expect(await visible(page, '.urge-button').count()).toBe(0);
      expect(await spillsSideways(page, { ignoreImages: true })).toEqual([]);
    });
    await page.context().close();
  }, 90_000);
});
