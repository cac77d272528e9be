import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { inviteLastDay } from '../../src/packages/admin/pages/manage/adminLogic';
import { spillsSideways, withScreenshot } from './browser';
import { setUpLocalCloud } from './localCloud';

/** 管理 as the demo admin, on a 320 px phone: invite codes, people, units. */
describe('管理', () => {
  const app = setUpLocalCloud({ width: 320 });

  async function call(openid: string, action: string, payload: unknown = {}) {
    const reply = await fetch(`${app.url}/api/${action}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Openid': openid },
      body: JSON.stringify(payload),
    });
    return (await reply.json()) as { ok: boolean; data?: any; error?: { code: string; message: string } };
  }

  const { phoneAs } = app;

  async function openManage(page: Page): Promise<void> {
    await page.goto(`${app.url}/#/packages/admin/pages/manage/index`);
    await page.locator('.manage__tab', { hasText: '邀请码' }).waitFor();
  }

  /** Reads the QR code shown on the page the way a phone camera would: its pixels, through jsQR. */
  async function scanQr(page: Page): Promise<string | null> {
    const size = 300;
    // Pixels travel as one character each (dark or light): an array of numbers would crawl over the protocol.
    const ink = await page.evaluate(async (side) => {
      const shown = document.querySelector('.qr-code img') as HTMLImageElement;
      const image = new Image();
      image.src = shown.src;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = side;
      canvas.height = side;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0, side, side);
      const { data } = context.getImageData(0, 0, side, side);
      let text = '';
      for (let offset = 0; offset < data.length; offset += 4) text += data[offset] < 128 ? '1' : '0';
      return text;
    }, size);
    const pixels = new Uint8ClampedArray(size * size * 4);
    for (let index = 0; index < ink.length; index += 1) {
      const value = ink[index] === '1' ? 0 : 255;
      pixels.set([value, value, value, 255], index * 4);
    }
    return jsQR(pixels, size, size)?.data ?? null;
  }

  const confirmModal = (page: Page) => page.locator('.taro-model__confirm').click();

  it('makes an invite code for 西郊街道/经办人 that shows large, scans to the bind page, and binds', async () => {
    const page = await phoneAs('demo-admin');
    await withScreenshot(page, 'admin-invite', async () => {
      await openManage(page);
      await page.locator('.adm-select', { hasText: '请选择单位' }).click();
      await page.locator('.adm-chooser input').fill('西郊');
      expect(await page.locator('.adm-chooser__row').count()).toBe(1);
      await page.locator('.adm-chooser__row', { hasText: '西郊街道' }).click();
      await page.locator('.adm-chip', { hasText: '经办人' }).click();
      expect(await spillsSideways(page, { scope: '.manage' })).toEqual([]);
      await page.locator('.adm-button', { hasText: '生成邀请码' }).click();

      const code = (await page.locator('.adm-invite__code').innerText()).trim();
      expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
      await page.getByText('西郊街道 · 经办人').waitFor();
      await page.getByText('可供 10 人绑定').waitFor();
      const [year, month, day] = inviteLastDay(7, new Date()).split('-').map(Number);
      await page.getByText(`${year}年${month}月${day}日 23:59 前有效`, { exact: true }).waitFor();
      expect(await scanQr(page)).toBe(`${app.url}/#/pages/me/index?invite=${code}`);
      expect(await spillsSideways(page, { scope: '.manage' })).toEqual([]);

      // the code on the screen is a real one: a new person binds with it to 西郊街道 as 经办人
      const bound = await call('demo-new-from-admin-test', 'session.bind', { inviteCode: code, name: '新经办' });
      expect(bound).toMatchObject({ ok: true, data: { user: { unitId: 'xijiao', role: 'staff' } } });
    });
  }, 90_000);

  it('lists the people by unit and disables a clerk, who is then refused; the admin cannot disable themself', async () => {
    const target = (await call('demo-admin', 'admin.users.list', { unitId: 'lvmeng' })).data.users[0];
    const page = await phoneAs('demo-admin');
    await withScreenshot(page, 'admin-people', async () => {
      await openManage(page);
      await page.locator('.manage__tab', { hasText: '人员' }).click();
      await page.locator('.adm-group__title', { hasText: '吕蒙乡' }).waitFor();
      await page.locator('.adm-person', { hasText: '赵区长' }).waitFor();
      await page.locator('.adm-person', { hasText: '钱管理（我）' }).waitFor();
      expect(await spillsSideways(page, { scope: '.manage' })).toEqual([]);

      const row = page.locator('.adm-group', { hasText: '吕蒙乡' }).locator('.adm-person', { hasText: target.name });
      expect(await row.locator('.adm-tag--off').count()).toBe(0);
      await row.locator('.adm-action', { hasText: '停用' }).click();
      await page
        .locator('.taro-modal__text', { hasText: `停用后，${target.name}（吕蒙乡）将不能再使用小程序` })
        .waitFor();
      await confirmModal(page);
      await row.locator('.adm-tag--off', { hasText: '已停用' }).waitFor();
      await row.locator('.adm-action', { hasText: '启用' }).waitFor();
      expect(await call(target.openid, 'tasks.list', { year: 2026 })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });

      const me = page.locator('.adm-person', { hasText: '钱管理（我）' });
      await me.locator('.adm-action', { hasText: '停用' }).click();
      await confirmModal(page);
      await page.locator('.taro-modal__text', { hasText: '不能停用自己' }).waitFor();
      await confirmModal(page);
      expect(await me.locator('.adm-tag--off').count()).toBe(0);
    });
  }, 90_000);

  it('adds 区数据局 to the directory and shows why a rename the task list depends on is refused', async () => {
    const page = await phoneAs('demo-admin');
    await withScreenshot(page, 'admin-units', async () => {
      await openManage(page);
      await page.locator('.manage__tab', { hasText: '单位' }).click();
      await page.locator('.adm-button', { hasText: '新增单位' }).click();
      await page.locator('.adm-unit-form input[placeholder="如：区数据局"]').fill('区数据局');
      await page.locator('.adm-unit-form .adm-chip', { hasText: '区政府部门' }).click();
      await page.locator('.adm-unit-form input[placeholder="如：行政执法部门"]').fill('行政执法部门');
      await page.locator('.adm-unit-form input[placeholder="如：区政府办"]').fill('数据局');
      expect(await spillsSideways(page, { scope: '.manage' })).toEqual([]);
      await page.locator('.adm-unit-form .adm-button', { hasText: '保存' }).click();

      const added = page.locator('.adm-group', { hasText: '区政府部门' }).locator('.adm-unit', { hasText: '区数据局' });
      await added.waitFor();
      await added.locator('.adm-tag', { hasText: '行政执法部门' }).waitFor();
      await added.getByText('简称：数据局').waitFor();
      const directory = await call('demo-admin', 'admin.units.list');
      expect(directory.data.units).toContainEqual(
        expect.objectContaining({ name: '区数据局', kind: 'department', tags: ['行政执法部门'] }),
      );

      // 区政府办公室 is written 区政府办 in the list: dropping that alias would orphan the phrase
      await page.locator('.adm-unit', { hasText: '区政府办公室' }).click();
      await page.locator('.adm-unit-form input[placeholder="如：区政府办"]').fill('');
      await page.locator('.adm-unit-form .adm-button', { hasText: '保存' }).click();
      await page.locator('.adm-unit-form .adm-error', { hasText: '将找不到对应单位' }).waitFor();
      expect(await spillsSideways(page, { scope: '.manage' })).toEqual([]);
      const after = await call('demo-admin', 'admin.units.list');
      expect(after.data.units.find((unit: { id: string }) => unit.id === 'zfb').aliases).toContain('区政府办');
    });
  }, 90_000);

  it('refuses anyone but an admin', async () => {
    const page = await phoneAs('demo-staff-xijiao');
    await withScreenshot(page, 'admin-refused', async () => {
      await page.goto(`${app.url}/#/packages/admin/pages/manage/index`);
      await page.getByText('只有管理员可以使用管理功能').waitFor();
      expect(await page.locator('.manage__tab').count()).toBe(0);
    });
  }, 60_000);
});
