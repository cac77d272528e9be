import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Page } from 'playwright-core';
import { makePng } from '../support/sampleFiles';
import { setUpLocalCloud } from './localCloud';

/**
 * Issue 13, row 8: the H5 app works under the local cloud's Content-Security-Policy. In Chromium,
 * a clerk opens a task and adds a photo (a blob: preview, an upload that reads it back), an admin
 * makes an invite code (a QR code as a data: URL), a leader opens the dashboard (inline styles):
 * no `securitypolicyviolation` event and no CSP message in the console, on any of it.
 */

interface Watched {
  page: Page;
  /** Violations reported to the page, and console messages about the policy. */
  problems: () => Promise<string[]>;
}

describe('the H5 app under the Content-Security-Policy', () => {
  const app = setUpLocalCloud();
  let photo: string;

  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'csp-e2e-'));
    photo = join(dir, '现场照片.png');
    writeFileSync(photo, makePng(64, 48, 33));
  });

  /** A phone page running the app as `openid`, recording every policy violation from the first script on. */
  async function phoneAs(openid: string): Promise<Watched> {
    const page = await app.phoneAs(openid);
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) => {
        seen.push(`${event.violatedDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}`);
      });
    });
    const consoleProblems: string[] = [];
    page.on('console', (message) => {
      if (/Content[- ]Security[- ]Policy|Refused to (load|execute|apply|connect|frame)/i.test(message.text())) {
        consoleProblems.push(message.text());
      }
    });
    page.on('pageerror', (error) => {
      if (/Content[- ]Security[- ]Policy|unsafe-eval/i.test(error.message)) consoleProblems.push(error.message);
    });
    return {
      page,
      problems: async () => [
        ...consoleProblems,
        ...(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)),
      ],
    };
  }

  it('the app is served with the policy: no inline script but its own by hash, no eval, no framing', async () => {
    const response = await fetch(`${app.url}/`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+(;|$)/);
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('a clerk opens a task and adds a photo: no violation', async () => {
    const { page, problems } = await phoneAs('demo-staff-xijiao');
    await page.goto(`${app.url}/#/pages/tasks/index`);
    await page.getByText('西郊街道').first().waitFor();
    const pending = page.locator('[data-task-id][data-light="grey"]').first();
    await pending.waitFor();
    await pending.click();
    await page.locator('.task-page__head [data-light]').waitFor();
    const cells = page.locator('.evidence-grid__cell');
    const before = await cells.count();
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.locator('taro-button-core', { hasText: '拍照/相册' }).first().click(),
    ]);
    await chooser.setFiles([photo]);
    await cells.nth(before).waitFor();
    // The photo shows (a blob: preview, then the uploaded file from /files/) and was uploaded.
    await page.waitForFunction(
      () =>
        Array.from(document.querySelectorAll('.evidence-grid__cell img')).some(
          (image) => (image as HTMLImageElement).complete && (image as HTMLImageElement).naturalWidth > 0,
        ),
      undefined,
      { timeout: 15_000 },
    );
    await page.waitForTimeout(500);
    expect(await problems()).toEqual([]);
  }, 120_000);

  it('an admin makes an invite code shown as a QR code: no violation', async () => {
    const { page, problems } = await phoneAs('demo-admin');
    await page.goto(`${app.url}/#/packages/admin/pages/manage/index`);
    await page.locator('.manage__tab', { hasText: '邀请码' }).waitFor();
    await page.locator('.adm-select', { hasText: '请选择单位' }).click();
    await page.locator('.adm-chooser input').fill('西郊');
    await page.locator('.adm-chooser__row', { hasText: '西郊街道' }).click();
    await page.locator('.adm-chip', { hasText: '经办人' }).click();
    await page.locator('.adm-button', { hasText: '生成邀请码' }).click();
    await page.locator('.adm-invite__code').waitFor();
    await page.waitForFunction(() => {
      const image = document.querySelector('.qr-code img') as HTMLImageElement | null;
      return Boolean(image?.complete && image.naturalWidth > 0 && image.src.startsWith('data:'));
    });
    expect(await problems()).toEqual([]);
  }, 120_000);

  it('a leader opens the district dashboard: no violation', async () => {
    const { page, problems } = await phoneAs('demo-leader');
    await page.goto(`${app.url}/#/packages/leader/pages/dashboard/index`);
    await page.locator('.ring__dial').first().waitFor();
    await page.waitForTimeout(500);
    expect(await problems()).toEqual([]);
  }, 120_000);
});
