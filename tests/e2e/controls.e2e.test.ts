import { join } from 'path';
import type { Page } from 'playwright-core';
import { SCREENSHOTS, visible, withScreenshot } from './browser';
import { setUpLocalCloud } from './localCloud';

/**
 * Controls that read right (issue 12), in the H5 build at 360 px: no button looks disabled when it is
 * not, the spinner turns without errors, back closes what is open before it leaves the page, a
 * half-written comment is not dropped silently, pushed pages have a title and a way back, a long
 * note says when it was cut, and larger text still fits.
 */

const STAFF = 'demo-staff-xijiao';
const REVIEWER = 'demo-reviewer-sfj';

/** Text 1.5 times as large, sizes of boxes unchanged: what the phone's font setting does (textZoom). */
async function enlargeText(page: Page, factor = 1.5): Promise<void> {
  await page.evaluate((scale) => {
    const elements = Array.from(document.querySelectorAll<HTMLElement>('body *'));
    const sizes = elements.map((element) => parseFloat(getComputedStyle(element).fontSize));
    elements.forEach((element, index) => {
      if (sizes[index]) element.style.fontSize = `${sizes[index] * scale}px`;
    });
  }, factor);
  await page.waitForTimeout(300);
}

describe('field conditions: controls that read right', () => {
  const app = setUpLocalCloud({ width: 360 });
  const errors: string[] = [];
  let fresh: string[];

  const phone = async (openid: string, width?: number): Promise<Page> => {
    const page = await app.phoneAs(openid, width);
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    return page;
  };
  const submitButton = (page: Page) => page.locator('.task-page__submit >> visible=true');

  beforeAll(async () => {
    const list = await app.api(STAFF, 'tasks.list', {});
    fresh = list.tasks
      .filter((task: any) => task.status === 'pending' && task.evidenceCount === 0)
      .map((task: any) => task.id);
    expect(fresh.length).toBeGreaterThanOrEqual(3);
  });

  it('the ready 报送 reads as ready: white text at full opacity, no disabled attribute anywhere', async () => {
    const page = await phone(STAFF);
    await withScreenshot(page, 'controls-submit-ready', async () => {
      await page.goto(`${app.url}/#/pages/task/index?id=${fresh[0]}`);
      await submitButton(page).waitFor();
      const look = await submitButton(page).evaluate((element) => {
        const style = getComputedStyle(element);
        return { color: style.color, opacity: style.opacity, disabled: element.hasAttribute('disabled') };
      });
      expect(look.disabled).toBe(false);
      expect(look.opacity).toBe('1');
      // rgb(…) is opaque; the disabled look was rgba(255, 255, 255, 0.6).
      expect(look.color).toMatch(/^rgb\(/);
      expect(await page.locator('[disabled="false"]').count()).toBe(0);
      await page.screenshot({ path: join(SCREENSHOTS, 'controls-task-360.png') });
    });
  }, 60_000);

  it('报送 shows its spinner while it works, without errors', async () => {
    const page = await phone(STAFF);
    await withScreenshot(page, 'controls-spinner', async () => {
      await page.route('**/api/report.submit', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.continue();
      });
      await page.goto(`${app.url}/#/pages/task/index?id=${fresh[1]}`);
      await submitButton(page).waitFor();
      await page.locator('.task-page__note textarea').fill('已组织专题学习一次。');
      await submitButton(page).click();
      const spinner = page.locator('.task-page__submit[loading] .weui-loading >> visible=true');
      await spinner.waitFor();
      await expect(submitButton(page).innerText()).resolves.toContain('正在报送');
      await page.screenshot({ path: join(SCREENSHOTS, 'controls-spinner.png') });
      await page.locator('.task-page__head [data-light="blue"]').waitFor();
      await spinner.waitFor({ state: 'detached' });
    });
  }, 60_000);

  it('a task opened by mistake and left at once: back shows the list again, not a blank page', async () => {
    const page = await phone(STAFF);
    await withScreenshot(page, 'controls-quick-back', async () => {
      await page.goto(`${app.url}/#/pages/tasks/index`);
      const row = page.locator(`[data-task-id="${fresh[2]}"] >> visible=true`);
      for (let attempt = 0; attempt < 3; attempt++) {
        await row.click();
        // The clerk sees the task begin to open and taps back at once, before its slide-in has ended.
        await page.locator('.taro-navigation-bar-back >> visible=true').click();
        await row.waitFor({ timeout: 10_000 });
        await page.waitForTimeout(600);
        await expect(row.isVisible()).resolves.toBe(true);
      }
    });
  }, 60_000);

  it('a pushed page has a title and a way back; the leader’s 导出 Excel is not greyed out', async () => {
    const page = await phone(STAFF);
    await withScreenshot(page, 'controls-navigation-bar', async () => {
      await page.goto(`${app.url}/#/pages/tasks/index`);
      await page.locator(`[data-task-id="${fresh[2]}"]`).click();
      await submitButton(page).waitFor();
      const bar = page.locator('#taro-navigation-bar');
      await expect(bar.locator('.taro-navigation-bar-title').innerText()).resolves.toBe('任务详情');
      const back = bar.locator('.taro-navigation-bar-back');
      await expect(back.isVisible()).resolves.toBe(true);
      await back.click();
      await page.locator(`[data-task-id="${fresh[2]}"] >> visible=true`).waitFor();
    });
    const leader = await phone('demo-leader');
    await withScreenshot(leader, 'controls-export', async () => {
      await leader.goto(`${app.url}/#/packages/leader/pages/dashboard/index`);
      const exportButton = visible(leader, '.export-button');
      await exportButton.waitFor();
      expect(await exportButton.getAttribute('disabled')).toBeNull();
      expect(await leader.locator('[disabled="false"]').count()).toBe(0);
    });
  }, 60_000);

  it('back from the review sheet with a comment written asks first; back again closes the sheet, not the queue', async () => {
    const page = await phone(REVIEWER);
    await withScreenshot(page, 'controls-review-back', async () => {
      await page.goto(`${app.url}/#/packages/review/pages/queue/index`);
      await visible(page, '.queue-card').first().click();
      const sheet = page.locator('.sheet');
      await sheet.waitFor();
      await sheet.locator('.sheet__comment textarea').fill('请补充签到表');
      const address = page.url();

      await page.goBack();
      await page.getByText('放弃这条审核意见？').waitFor();
      await page.getByText('继续填写').click();
      await expect(sheet.count()).resolves.toBe(1);
      await expect(sheet.locator('.sheet__comment textarea').inputValue()).resolves.toBe('请补充签到表');

      await page.goBack();
      await page.getByText('放弃这条审核意见？').waitFor();
      await page.locator('.taro-model__confirm').click();
      await sheet.waitFor({ state: 'detached' });
      expect(page.url()).toBe(address);
      await visible(page, '.queue-card').first().waitFor();

      // Without a comment, back simply closes the sheet.
      await visible(page, '.queue-card').first().click();
      await sheet.waitFor();
      await page.goBack();
      await sheet.waitFor({ state: 'detached' });
      await visible(page, '.queue-card').first().waitFor();
    });
  }, 60_000);

  it('back from the admin’s unit chooser closes the chooser and stays in 管理', async () => {
    const page = await phone('demo-admin');
    await withScreenshot(page, 'controls-chooser-back', async () => {
      await page.goto(`${app.url}/#/packages/admin/pages/manage/index`);
      await page.locator('.adm-select', { hasText: '请选择单位' }).click();
      await page.locator('.adm-chooser').waitFor();
      await page.goBack();
      await page.locator('.adm-chooser').waitFor({ state: 'detached' });
      await page.locator('.adm-select', { hasText: '请选择单位' }).waitFor();
    });
  }, 60_000);

  it('a pasted note past 1,000 characters is cut and says so; the count turns red; the box writes in the app’s font', async () => {
    const page = await phone(STAFF);
    await withScreenshot(page, 'controls-long-note', async () => {
      await page.goto(`${app.url}/#/pages/task/index?id=${fresh[0]}`);
      const box = page.locator('.task-page__note textarea');
      await box.waitFor();
      const count = page.locator('.task-page__section-note', { hasText: '/1000' });

      await box.fill('说'.repeat(950));
      await expect(count.getAttribute('data-tone')).resolves.toBe('near');

      await box.fill('会'.repeat(3290));
      await page.getByText('超出了2290字').waitFor();
      await expect(box.inputValue()).resolves.toHaveLength(1000);
      await expect(count.innerText()).resolves.toBe('1000/1000');
      await expect(count.getAttribute('data-tone')).resolves.toBe('full');
      const red = await count.evaluate((element) => getComputedStyle(element).color);
      expect(red).toBe('rgb(180, 40, 45)');
      const font = await box.evaluate((element) => getComputedStyle(element).fontFamily);
      expect(font).not.toMatch(/monospace/i);
      expect(font).toContain('sans-serif');
      await page.screenshot({ path: join(SCREENSHOTS, 'controls-long-note.png') });
    });
  }, 60_000);

  it('with text 1.5× larger the ring percentages stay inside their rings and file names keep their extension whole', async () => {
    const leader = await phone('demo-leader', 360);
    await withScreenshot(leader, 'controls-large-rings', async () => {
      await leader.goto(`${app.url}/#/packages/leader/pages/dashboard/index`);
      await visible(leader, '.ring__value').first().waitFor();
      await enlargeText(leader);
      const rings = await leader.locator('.ring >> visible=true').evaluateAll((elements) =>
        elements.map((ring) => {
          const hole = (ring.querySelector('.ring__hole') as HTMLElement).getBoundingClientRect();
          const value = (ring.querySelector('.ring__value') as HTMLElement).getBoundingClientRect();
          return value.left >= hole.left - 0.5 && value.right <= hole.right + 0.5 && value.right <= window.innerWidth;
        }),
      );
      expect(rings.length).toBeGreaterThanOrEqual(3);
      expect(rings.every(Boolean)).toBe(true);
      await leader.screenshot({ path: join(SCREENSHOTS, 'controls-large-rings.png') });
    });

    const list = await app.api(STAFF, 'tasks.list', {});
    const withPhotos = list.tasks.find((task: any) => task.evidenceCount >= 1);
    expect(withPhotos).toBeTruthy();
    const page = await phone(STAFF, 360);
    await withScreenshot(page, 'controls-large-file-names', async () => {
      await page.goto(`${app.url}/#/pages/task/index?id=${withPhotos.id}`);
      await visible(page, '.evidence-grid__name').first().waitFor();
      await enlargeText(page);
      const names = await page.locator('.evidence-grid__name >> visible=true').evaluateAll((elements) =>
        elements.map((name) => {
          const tail = name.querySelector('.file-name__tail') as HTMLElement | null;
          return {
            text: name.textContent ?? '',
            tail: tail?.textContent ?? '',
            // One box: the extension is not broken over two lines.
            tailWhole: tail ? tail.getClientRects().length === 1 : false,
          };
        }),
      );
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) {
        expect(name.tailWhole).toBe(true);
        const ext = /\.\w+$/.exec(name.text)?.[0];
        if (ext) expect(name.tail.endsWith(ext)).toBe(true);
      }
      await page.screenshot({ path: join(SCREENSHOTS, 'controls-large-file-names.png') });
    });
  }, 90_000);

  it('logged no NotFoundError: insertBefore on any of these screens (every loading toggle used to)', () => {
    expect(errors.filter((text) => /insertBefore|NotFoundError/.test(text))).toEqual([]);
  });
});
