import type { Page } from 'playwright-core';
import { setUpLocalCloud } from './localCloud';

/**
 * User text is text everywhere: an admin names a unit with markup that would run a script, and no
 * screen that shows the name turns it into markup — page titles included (Taro's H5 router writes
 * titles with innerHTML). The check is on the DOM itself, not only on the script not running (the
 * local cloud's CSP would stop an inline handler anyway; a WebView without it would not).
 */
const NAME = '<img src=x onerror=__xss=1>荷塘';

describe('a unit named with markup', () => {
  const app = setUpLocalCloud();

  beforeAll(async () => {
    const { units } = await app.api('demo-admin', 'admin.units.list');
    const hetang = units.find((unit: { id: string }) => unit.id === 'hetang');
    await app.api('demo-admin', 'admin.units.upsert', {
      unit: { ...hetang, name: NAME, aliases: [...hetang.aliases, '荷塘乡'] },
    });
  });

  /** Whether the page shows the name as text and holds no element made from it. */
  async function expectNameAsText(page: Page) {
    await page.getByText(NAME, { exact: false }).first().waitFor();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  }

  it.each([
    ['the leader’s dashboard', 'demo-leader', '/#/packages/leader/pages/dashboard/index'],
    ['the unit’s own page, its name as the title', 'demo-leader', '/#/packages/leader/pages/unit/index?unitId=hetang'],
    ['the admin’s directory', 'demo-admin', '/#/packages/admin/pages/manage/index'],
    ['the unit’s clerk’s 我的', 'demo-staff-hetang', '/#/pages/me/index'],
  ])('shows it as text on %s', async (_where, openid, path) => {
    const page = await app.phoneAs(openid);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${app.url}${path}`);
    if (path.includes('manage')) await page.locator('.manage__tab', { hasText: '单位' }).click();
    if (path.includes('dashboard'))
      await page
        .getByText(/展开全部 \d+ 个单位/)
        .first()
        .click();
    await expectNameAsText(page);
    if (path.includes('unit/index')) {
      await page.waitForFunction((name) => document.title === name, NAME);
      const title = page.locator('.taro-navigation-bar-title');
      if (await title.count()) expect(await title.first().textContent()).toBe(NAME);
    }
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
