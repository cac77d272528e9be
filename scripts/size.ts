/**
 * npm run size — the production weapp build's package sizes against WeChat's budget: the main
 * package within 600 KB and everything within 1.5 MB (WeChat itself allows 2 MB per package).
 * Licence texts extracted by the minifier are not uploaded (packOptions.ignore) and not counted.
 */
import { spawnSync } from 'child_process';
import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';

const ROOT = join(__dirname, '..');
const WEAPP = join(ROOT, 'dist', 'weapp');
export const MAIN_BUDGET = 600 * 1024;
export const TOTAL_BUDGET = 1.5 * 1024 * 1024;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

export function packageSizes(): {
  mainPackageBytes: number;
  totalPackageBytes: number;
  subPackages: Record<string, number>;
} {
  const app = JSON.parse(readFileSync(join(WEAPP, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }> };
  const roots = (app.subPackages ?? []).map((sub) => sub.root.replace(/\/$/, ''));
  const subPackages: Record<string, number> = Object.fromEntries(roots.map((root) => [root, 0]));
  let main = 0;
  for (const file of files(WEAPP)) {
    if (file.endsWith('.LICENSE.txt') || file.endsWith('project.config.json')) continue;
    const path = relative(WEAPP, file);
    const size = statSync(file).size;
    const root = roots.find((candidate) => path.startsWith(`${candidate}/`));
    if (root) subPackages[root] += size;
    else main += size;
  }
  const total = main + Object.values(subPackages).reduce((sum, size) => sum + size, 0);
  return { mainPackageBytes: main, totalPackageBytes: total, subPackages };
}

if (require.main === module) {
  if (!process.argv.includes('--no-build')) {
    const build = spawnSync(join(ROOT, 'node_modules', '.bin', 'taro'), ['build', '--type', 'weapp'], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production' },
      encoding: 'utf8',
    });
    if (build.status !== 0) {
      console.error(build.stdout, build.stderr);
      process.exit(1);
    }
  }
  const sizes = packageSizes();
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(`主包 ${kb(sizes.mainPackageBytes)}（上限 ${kb(MAIN_BUDGET)}）`);
  for (const [root, size] of Object.entries(sizes.subPackages)) console.log(`  分包 ${root} ${kb(size)}`);
  console.log(`全部 ${kb(sizes.totalPackageBytes)}（上限 ${kb(TOTAL_BUDGET)}）`);
  const over = sizes.mainPackageBytes > MAIN_BUDGET || sizes.totalPackageBytes > TOTAL_BUDGET;
  if (over) console.error('超出体积预算');
  process.exitCode = over ? 1 : 0;
}
