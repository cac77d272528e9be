import { spillsSideways, withScreenshot } from './browser';
import { setUpLocalCloud } from './localCloud';

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
  { name: '审核', openid: 'demo-reviewer-sfj', route: 'packages/review/pages/queue/index', ready: '项等待处理' },
  { name: '我的', openid: 'demo-staff-xijiao', route: 'pages/me/index', ready: '西郊街道' },
];

describe('large system fonts at 320 px', () => {
  const app = setUpLocalCloud({ width: 320 });

  for (const screen of SCREENS) {
    it(`${screen.name} fits the width with text 1.5× larger`, async () => {
      const page = await app.phoneAs(screen.openid);
      await withScreenshot(page, `large-text-${screen.name}`, async () => {
        await page.goto(`${app.url}/#/${screen.route}`);
        await page.getByText(screen.ready).first().waitFor();
        await page.evaluate(() => {
          const root = document.documentElement;
          root.style.fontSize = `${parseFloat(getComputedStyle(root).fontSize) * 1.5}px`;
        });
        await page.waitForTimeout(300);
        expect(await spillsSideways(page, { ignoreSideScrollers: true })).toEqual([]);
      });
    }, 60_000);
  }
});
