import type { Browser, Page } from 'playwright-core';
import { startLocalServer, type RunningServer } from '../helpers/localServer';
import { launchBrowser, phoneAs, withScreenshot } from './browser';

/**
 * A 320 px phone with large system fonts (text 1.5 times the size): every main screen still fits
 * the width — text wraps instead of running off the edge.
 */
const SCREENS: Array<{ name: string; openid: string; route: string; ready: string }> = [
  { name: '任务', openid: 'demo-staff-xijiao', route: 'pages/tasks/index', ready: '逾期' },
  {
    name: '任务详情',
    openid: 'demo-staff-xijiao',
    route: 'pages/task/index?id=xijiao-2026-1-d0301',
    ready: '每年3月1日前',
  },
  { name: '工作台', openid: 'demo-leader', route: 'pages/workbench/index', ready: '查看全区进展' },
  { name: '全区进展', openid: 'demo-leader', route: 'packages/leader/pages/dashboard/index', ready: '完成率' },
  { name: '审核', openid: 'demo-reviewer-sfj', route: 'packages/review/pages/queue/index', ready: '份材料' },
  { name: '我的', openid: 'demo-staff-xijiao', route: 'pages/me/index', ready: '西郊街道' },
];

/**
 * Elements of the page in front that reach past the screen's edges. Content inside a deliberate
 * horizontal scroller (a strip narrower than the screen that scrolls sideways) does not count.
 */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const front = document.querySelector('.taro_page_show') ?? document.body;
    const inSideScroller = (element: Element): boolean => {
      for (let node = element.parentElement; node && node !== front; node = node.parentElement) {
        const style = getComputedStyle(node);
        const scrolls = style.overflowX === 'auto' || style.overflowX === 'scroll';
        if (scrolls && node.getBoundingClientRect().width < window.innerWidth - 1) return true;
      }
      return false;
    };
    return Array.from(front.querySelectorAll('*'))
      .filter((element) => {
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) return false;
        return (box.right > window.innerWidth + 1 || box.left < -1) && !inSideScroller(element);
      })
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}: ${element.textContent?.slice(0, 20)}`);
  });
}

describe('large system fonts at 320 px', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startLocalServer();
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const screen of SCREENS) {
    it(`${screen.name} fits the width with text 1.5× larger`, async () => {
      const page = await phoneAs(browser, screen.openid, 320);
      await withScreenshot(page, `large-text-${screen.name}`, async () => {
        await page.goto(`${server.url}/#/${screen.route}`);
        await page.getByText(screen.ready).first().waitFor();
        await page.evaluate(() => {
          const root = document.documentElement;
          root.style.fontSize = `${parseFloat(getComputedStyle(root).fontSize) * 1.5}px`;
        });
        await page.waitForTimeout(300);
        expect(await overflowing(page)).toEqual([]);
      });
    }, 60_000);
  }
});
