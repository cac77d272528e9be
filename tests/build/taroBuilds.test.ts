import { spawnSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { h5BuildIsCurrent, H5_DIR } from '../../local/h5Build';
import { MAIN_BUDGET, packageSizes, TOTAL_BUDGET } from '../../scripts/size';
import { ROOT } from '../support/fixtures';

describe('the Taro builds', () => {
  it('builds the WeChat mini-program: tab pages in the main package, the rest in subpackages, within budget', () => {
    const result = spawnSync(join(ROOT, 'node_modules', '.bin', 'taro'), ['build', '--type', 'weapp'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    expect(result.status).toBe(0);
    const app = JSON.parse(readFileSync(join(ROOT, 'dist', 'weapp', 'app.json'), 'utf8'));
    expect(app.pages).toEqual(expect.arrayContaining(['pages/tasks/index', 'pages/task/index', 'pages/me/index']));
    expect(app.tabBar.list.map((tab: { pagePath: string }) => tab.pagePath)).toContain('pages/tasks/index');
    expect(app.subPackages.map((sub: { root: string }) => sub.root)).toEqual(
      expect.arrayContaining(['packages/review', 'packages/leader', 'packages/admin']),
    );
    expect(existsSync(join(ROOT, 'dist', 'weapp', 'packages', 'more', 'pages', 'catalog', 'index.js'))).toBe(true);
    const sizes = packageSizes();
    expect(sizes.mainPackageBytes).toBeLessThanOrEqual(MAIN_BUDGET);
    expect(sizes.totalPackageBytes).toBeLessThanOrEqual(TOTAL_BUDGET);
  }, 240_000);

  it('builds the H5 app, current with its sources', () => {
    expect(h5BuildIsCurrent()).toBe(true);
    expect(readFileSync(join(H5_DIR, 'index.html'), 'utf8')).toContain('法治政府建设任务清单');
  });
});
