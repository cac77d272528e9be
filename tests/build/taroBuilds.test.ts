import { spawnSync } from 'child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type * as h5Build from '../../local/h5Build';
import { h5BuildIsCurrent, H5_DIR } from '../../local/h5Build';
import { MAIN_BUDGET, packageSizes, TOTAL_BUDGET } from '../../scripts/size';
import { ROOT } from '../support/fixtures';

describe('the Taro builds', () => {
  it('builds the WeChat mini-program: tab pages in the main package, the rest in subpackages, within budget', () => {
    const result = spawnSync(join(ROOT, 'node_modules', '.bin', 'taro'), ['build', '--type', 'weapp'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production', TARO_APP_ID: 'wx0123456789abcdef' },
    });
    expect(result.status).toBe(0);
    // Opened on its own in DevTools, the built folder names the district's appid and finds the
    // cloud functions beside it (dist/cloudfunctions).
    const project = JSON.parse(readFileSync(join(ROOT, 'dist', 'weapp', 'project.config.json'), 'utf8'));
    expect(project).toMatchObject({
      appid: 'wx0123456789abcdef',
      miniprogramRoot: './',
      cloudfunctionRoot: '../cloudfunctions/',
    });
    expect(join(ROOT, 'dist', 'weapp', project.cloudfunctionRoot)).toBe(join(ROOT, 'dist', 'cloudfunctions') + '/');
    const app = JSON.parse(readFileSync(join(ROOT, 'dist', 'weapp', 'app.json'), 'utf8'));
    expect(app.pages).toEqual(expect.arrayContaining(['pages/tasks/index', 'pages/task/index', 'pages/me/index']));
    expect(app.tabBar.list.map((tab: { pagePath: string }) => tab.pagePath)).toContain('pages/tasks/index');
    expect(app.subPackages.map((sub: { root: string }) => sub.root)).toEqual(
      expect.arrayContaining(['packages/review', 'packages/leader', 'packages/admin']),
    );
    expect(existsSync(join(ROOT, 'dist', 'weapp', 'packages', 'more', 'pages', 'catalog', 'index.js'))).toBe(true);
    // The phone's back closes a sheet before the page (BackCatcher): WeChat's page-container is in the
    // build, listening for the moment the back gesture closes it.
    const templates = readFileSync(join(ROOT, 'dist', 'weapp', 'base.wxml'), 'utf8');
    expect(templates).toMatch(/<page-container [^>]*bindafterleave="eh"/);
    const sizes = packageSizes();
    expect(sizes.mainPackageBytes).toBeLessThanOrEqual(MAIN_BUDGET);
    expect(sizes.totalPackageBytes).toBeLessThanOrEqual(TOTAL_BUDGET);
  }, 240_000);

  it('builds the H5 app, and the build it made counts as current', () => {
    // On a clean checkout the global setup has just built it: this fails if the build changes its
    // own sources or its stamp (every start would rebuild), or loses a script its page loads.
    expect(readFileSync(join(H5_DIR, 'index.html'), 'utf8')).toContain('法治政府建设任务清单');
    expect(h5BuildIsCurrent()).toBe(true);
  });
});

/** Everything the H5 build is made from, as `local/h5Build.ts` should hash it. */
const BUILD_SOURCES = ['src', 'config', 'data', 'package-lock.json', 'babel.config.js'];

describe('the H5 staleness check', () => {
  let root: string;
  let check: typeof h5Build;

  /**
   * A copy of the checkout with the built app, and `local/h5Build.ts` copied into it so that it
   * judges the copy: its sources can be changed here without touching the real tree (or making a
   * server running on it rebuild). The copy's stamp is rewritten for the copied sources, as the build
   * would write it, so the test does not depend on the real tree being unchanged since the build.
   */
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'h5-stale-'));
    mkdirSync(join(root, 'local'));
    copyFileSync(join(ROOT, 'local', 'h5Build.ts'), join(root, 'local', 'h5Build.ts'));
    for (const source of BUILD_SOURCES) cpSync(join(ROOT, source), join(root, source), { recursive: true });
    cpSync(H5_DIR, join(root, 'dist', 'h5'), { recursive: true });
    check = jest.requireActual<typeof h5Build>(join(root, 'local', 'h5Build.ts'));
    expect(check.H5_DIR).toBe(join(root, 'dist', 'h5'));
    writeFileSync(join(check.H5_DIR, '.source-hash'), check.sourceHash());
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('counts an unchanged copy current, and a source only touched (newer mtime, same bytes) still current', () => {
    expect(check.h5BuildIsCurrent()).toBe(true);
    const later = new Date(Date.now() + 3_600_000);
    for (const file of ['src/app.tsx', 'config/index.ts', 'package-lock.json'])
      utimesSync(join(root, file), later, later);
    expect(check.h5BuildIsCurrent()).toBe(true);
  });

  it.each([
    'src/app.tsx',
    'src/app.scss',
    'config/index.ts',
    'data/holidays.json',
    'package-lock.json',
    'babel.config.js',
  ])('reports the build stale when %s changes, and current again when it is restored', (file) => {
    const path = join(root, file);
    const original = readFileSync(path);
    try {
      writeFileSync(path, Buffer.concat([original, Buffer.from('\n')]));
      expect(check.h5BuildIsCurrent()).toBe(false);
    } finally {
      writeFileSync(path, original);
    }
    expect(check.h5BuildIsCurrent()).toBe(true);
  });

  it('reports the build stale when a source file is added or renamed', () => {
    const added = join(root, 'src', 'pages', 'stale-probe.ts');
    writeFileSync(added, 'export {};\n');
    expect(check.h5BuildIsCurrent()).toBe(false);
    rmSync(added);
    expect(check.h5BuildIsCurrent()).toBe(true);

    // Same bytes in the same order, only the name differs: the build would no longer find it.
    renameSync(join(root, 'src', 'app.scss'), join(root, 'src', 'app.sass'));
    expect(check.h5BuildIsCurrent()).toBe(false);
    renameSync(join(root, 'src', 'app.sass'), join(root, 'src', 'app.scss'));
    expect(check.h5BuildIsCurrent()).toBe(true);
  });

  it('reports the build not current when a script its page loads, the page or the stamp is missing', () => {
    const html = readFileSync(join(check.H5_DIR, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b[^>]*\ssrc="([^"]+)"/g)].map((match) => match[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const path = join(check.H5_DIR, script.replace(/^\//, ''));
      const moved = `${path}.moved`;
      renameSync(path, moved);
      try {
        expect(check.h5BuildIsCurrent()).toBe(false);
      } finally {
        renameSync(moved, path);
      }
    }
    expect(check.h5BuildIsCurrent()).toBe(true);

    for (const name of ['index.html', '.source-hash']) {
      const path = join(check.H5_DIR, name);
      renameSync(path, `${path}.moved`);
      try {
        expect(check.h5BuildIsCurrent()).toBe(false);
      } finally {
        renameSync(`${path}.moved`, path);
      }
    }
    expect(check.h5BuildIsCurrent()).toBe(true);
  });
});
