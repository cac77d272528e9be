import { spawnSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { h5BuildIsCurrent, H5_DIR } from '../../local/h5Build';
import { ROOT } from '../helpers/fixtures';

describe('the Taro builds', () => {
  it('builds the WeChat mini-program with the catalog page', () => {
    const result = spawnSync(join(ROOT, 'node_modules', '.bin', 'taro'), ['build', '--type', 'weapp'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    expect(result.status).toBe(0);
    const app = JSON.parse(readFileSync(join(ROOT, 'dist', 'weapp', 'app.json'), 'utf8'));
    expect(app.pages).toContain('pages/catalog/index');
    expect(existsSync(join(ROOT, 'dist', 'weapp', 'pages', 'catalog', 'index.js'))).toBe(true);
  }, 240_000);

  it('builds the H5 app, current with its sources', () => {
    expect(h5BuildIsCurrent()).toBe(true);
    expect(readFileSync(join(H5_DIR, 'index.html'), 'utf8')).toContain('法治政府建设任务清单');
  });
});
