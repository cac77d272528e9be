import { mkdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { Page } from 'playwright-core';
import { docxFromParagraphs } from '../support/docx';
import { ROOT } from '../support/fixtures';
import { SCREENSHOTS, spillsSideways, visible, withScreenshot } from './browser';
import { setUpLocalCloud } from './localCloud';

/**
 * Another district's list, another year: the admin uploads a Word list written as numbered
 * paragraphs with 牵头单位： lines, maps the one phrase the directory does not know, publishes it
 * for next year, and a township clerk sees next year's tasks with the 佐证材料要求 on top.
 */
describe('管理 → 任务清单: publishing next year’s list', () => {
  const app = setUpLocalCloud({ width: 360 });
  const nextYear = new Date().getFullYear() + 1;

  /** 昌江's items 1–9 as paragraphs; item 3 names its towns 各乡镇 and item 7 gets its lead written in. */
  const LIST = readFileSync(join(ROOT, 'tests', 'fixtures', 'catalogs', 'paragraphs-labelled.txt'), 'utf8')
    .replace(/(3\n各级政府[\s\S]*?责任单位：)区政府各部门，各乡（镇）街道/, '$1各乡镇')
    .replace('责任单位：各乡（镇）街道\n配合单位：区发改委', '牵头单位：区发改委\n责任单位：各乡（镇）街道');

  /** A screenshot to look at (360 px wide), scrolled to what it is of. */
  const shot = async (page: Page, name: string, at?: string) => {
    if (at) await visible(page, at).first().scrollIntoViewIfNeeded();
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  };

  it('uploads a .docx in another shape, maps one phrase, publishes for next year; a clerk sees it with guidance', async () => {
    const admin = await app.phoneAs('demo-admin');
    await withScreenshot(admin, 'catalog-publish-admin', async () => {
      await admin.goto(`${app.url}/#/packages/admin/pages/manage/index`);
      await visible(admin, '.manage__more-link').filter({ hasText: '任务清单' }).click();
      await visible(admin, '.cat-card__title').filter({ hasText: '正在使用的清单' }).waitFor();
      await visible(admin, '.cat-list__title').first().waitFor();

      const chooser = admin.waitForEvent('filechooser');
      await visible(admin, '.cat-button').filter({ hasText: '选择 Word 文件' }).click();
      await (
        await chooser
      ).setFiles({
        name: '某区2027年法治政府建设任务清单.docx',
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        buffer: await docxFromParagraphs(LIST),
      });
      await visible(admin, '.cat-card__title').filter({ hasText: '还有1处需要处理' }).waitFor();
      await visible(admin, '.cat-fix__message').filter({ hasText: '“各乡镇”在单位名录中找不到' }).waitFor();
      await visible(admin, '.cat-item__title').filter({ hasText: '各级政府及其部门主要负责人' }).waitFor();
      await visible(admin, '.cat-item__when').filter({ hasText: '每年3月1日前：报告（上一年度）' }).waitFor();
      expect(await spillsSideways(admin)).toEqual([]);
      await shot(admin, 'catalog-publish-preview-360', '.cat-fix');
      await shot(admin, 'catalog-publish-items-360', '.cat-l1');

      await visible(admin, '.cat-button').filter({ hasText: '选择“各乡镇”指的单位' }).click();
      await visible(admin, '.cat-picker .cat-chip').filter({ hasText: '全部乡镇' }).first().click();
      expect(await visible(admin, '.cat-picker__row--on').count()).toBe(4);
      expect(await spillsSideways(admin)).toEqual([]);
      await shot(admin, 'catalog-publish-picker-360');
      await visible(admin, '.cat-picker .cat-button').filter({ hasText: '确定（已选4个）' }).click();

      await visible(admin, '.cat-card__title').filter({ hasText: '没有需要处理的问题' }).waitFor();
      await visible(admin, '.cat-made__text')
        .filter({ hasText: '“各乡镇”指：鲇鱼山镇、丽阳镇、荷塘乡、吕蒙乡' })
        .waitFor();
      await visible(admin, '.cat-card__title').filter({ hasText: '发布后的变化' }).waitFor();
      await visible(admin, '.cat-impact__line')
        .filter({ hasText: `${nextYear}年：发布后共` })
        .waitFor();
      expect(await spillsSideways(admin)).toEqual([]);
      await shot(admin, 'catalog-publish-impact-360', '.cat-impact');

      await visible(admin, '.cat-button')
        .filter({ hasText: `发布为${nextYear}年的任务清单` })
        .click();
      await admin.locator('.taro-model__confirm').click();
      await visible(admin, '.cat-card__title').filter({ hasText: '已发布' }).waitFor();
      await visible(admin, '.cat-note')
        .filter({ hasText: '已记住：“各乡镇”指鲇鱼山镇、丽阳镇、荷塘乡、吕蒙乡' })
        .waitFor();
      await shot(admin, 'catalog-publish-done-360', '.cat-card--done');
    });

    // The lead unit's reviewer writes item 1's 佐证材料要求 for next year's list.
    const reviewer = await app.phoneAs('demo-reviewer-sfj');
    await withScreenshot(reviewer, 'catalog-publish-guidance', async () => {
      await reviewer.goto(`${app.url}/#/packages/more/pages/catalog/index?year=${nextYear}`);
      await visible(reviewer, '.catalog__heading')
        .filter({ hasText: `${nextYear}年任务清单` })
        .waitFor();
      await visible(reviewer, '.catalog-item').first().click();
      await visible(reviewer, '.catalog__guidance-button').filter({ hasText: '修改佐证材料要求' }).click();
      await visible(reviewer, '.catalog__guidance-input textarea').fill('报告正文（加盖公章）；政府网站公开页面截图');
      await visible(reviewer, '.catalog__guidance-button').filter({ hasText: '保存' }).click();
      await visible(reviewer, '.catalog__guidance-text').filter({ hasText: '政府网站公开页面截图' }).waitFor();
      expect(await spillsSideways(reviewer)).toEqual([]);
      await shot(reviewer, 'catalog-publish-guidance-360', '.catalog__guidance');
    });

    const clerk = await app.phoneAs('demo-staff-hetang');
    await withScreenshot(clerk, 'catalog-publish-clerk', async () => {
      await clerk.goto(`${app.url}/#/pages/tasks/index`);
      await visible(clerk, '.tasks__year-value')
        .filter({ hasText: String(nextYear - 1) })
        .waitFor();
      await visible(clerk, '[aria-label="下一年"]').click();
      await visible(clerk, '.tasks__year-value')
        .filter({ hasText: `${nextYear}年` })
        .waitFor();
      // Next year's tasks come from the new list: its 9 items, item 3 reaching 荷塘乡 through 各乡镇.
      await visible(clerk, '.task-row__no').filter({ hasText: '第3项' }).first().waitFor();
      const numbers = await visible(clerk, '.task-row__no').allInnerTexts();
      expect(new Set(numbers)).toEqual(
        new Set(['第1项', '第2项', '第3项', '第4项', '第5项', '第6项', '第7项', '第8项', '第9项']),
      );
      await shot(clerk, 'catalog-publish-clerk-list-360');

      await visible(clerk, '.task-row').filter({ hasText: '第1项' }).first().click();
      const guidance = visible(clerk, '.guidance-card');
      await guidance.filter({ hasText: '政府网站公开页面截图' }).waitFor();
      // On top: above the evidence and the note.
      const guidanceTop = (await guidance.boundingBox())?.y ?? Infinity;
      const evidenceTop = (
        await visible(clerk, '.task-page__section-title')
          .filter({ hasText: /^佐证材料$/ })
          .boundingBox()
      )?.y;
      expect(guidanceTop).toBeLessThan(evidenceTop ?? 0);
      await visible(clerk, '.guidance-card__toggle').click();
      await visible(clerk, '.guidance-card__text').filter({ hasText: '每年3月1日前' }).waitFor();
      expect(await spillsSideways(clerk)).toEqual([]);
      await shot(clerk, 'catalog-publish-clerk-task-360', '.guidance-card');
    });

    // This year's list is untouched: 41 items still.
    const thisYear = await app.api('demo-staff-hetang', 'catalog.get', { year: nextYear - 1 });
    expect(thisYear.items).toHaveLength(41);
  }, 240_000);

  it('reads the holidays a pasted notice gives before saving, and saves the year', async () => {
    const admin = await app.phoneAs('demo-admin');
    await withScreenshot(admin, 'holidays-admin', async () => {
      await admin.goto(`${app.url}/#/packages/admin/pages/holidays/index`);
      await visible(admin, '.cat-card__title').filter({ hasText: '已录入的年份' }).waitFor();
      await visible(admin, '.cat-chip')
        .filter({ hasText: `${nextYear - 1}年` })
        .first()
        .waitFor();
      const notice = readFileSync(join(ROOT, 'tests', 'fixtures', 'holidays', '2027-test.txt'), 'utf8')
        .split('\n')
        .filter((line) => !line.startsWith('#'))
        .join('\n')
        .replace(/2027/g, String(nextYear));
      await visible(admin, '.cat-chip')
        .filter({ hasText: `${nextYear}年` })
        .last()
        .click();
      await visible(admin, '.cat-textarea textarea').fill(notice);
      await visible(admin, '.hol-year__dates').filter({ hasText: '1月1日至1月3日（3天）' }).waitFor();
      await visible(admin, '.hol-year__dates').filter({ hasText: '2月14日、2月20日、4月25日、5月8日' }).waitFor();
      expect(await spillsSideways(admin)).toEqual([]);
      await shot(admin, 'holidays-read-360', '.hol-year');
      if (nextYear === 2027) {
        await visible(admin, '.cat-button')
          .filter({ hasText: `保存${nextYear}年的安排` })
          .click();
        await visible(admin, '.cat-note')
          .filter({ hasText: `已保存${nextYear}年的节假日安排` })
          .waitFor();
      }
    });
  }, 120_000);
});
