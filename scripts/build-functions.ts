/**
 * npm run build:functions — bundles each cloud function's TypeScript with esbuild into a deployable
 * folder under dist/cloudfunctions/<name>/ (index.js, package.json, config.json). The only runtime
 * dependency left outside the bundle is wx-server-sdk, which WeChat installs on deploy.
 */
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, statSync } from 'fs';
import { join } from 'path';

const ROOT = join(__dirname, '..');
export const FUNCTIONS = ['api', 'remind', 'export'];
export const BUNDLE_LIMIT_BYTES = 1024 * 1024;
/**
 * `export` carries exceljs and docx (about 1.5 MB): it is kept apart so `api` stays under 1 MB and
 * loads fast. Its own cap is far below what WeChat accepts for a function's code package.
 */
export const BUNDLE_LIMITS: Record<string, number> = { export: 4 * 1024 * 1024 };

export async function buildFunctions(log: (line: string) => void = console.log): Promise<Record<string, number>> {
  const sizes: Record<string, number> = {};
  for (const name of FUNCTIONS) {
    const source = join(ROOT, 'cloudfunctions', name);
    const out = join(ROOT, 'dist', 'cloudfunctions', name);
    mkdirSync(out, { recursive: true });
    await build({
      entryPoints: [join(source, 'src', 'index.ts')],
      outfile: join(out, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      minify: true,
      legalComments: 'none',
      external: ['wx-server-sdk'],
      logLevel: 'warning',
    });
    for (const file of ['package.json', 'config.json']) {
      if (existsSync(join(source, file))) copyFileSync(join(source, file), join(out, file));
    }
    sizes[name] = statSync(join(out, 'index.js')).size;
    log(`${name}: ${(sizes[name] / 1024).toFixed(1)} KB → ${join('dist', 'cloudfunctions', name)}`);
    const limit = BUNDLE_LIMITS[name] ?? BUNDLE_LIMIT_BYTES;
    if (sizes[name] > limit) throw new Error(`${name} bundle is over ${limit / 1024 / 1024} MB`);
  }
  return sizes;
}

if (require.main === module) {
  buildFunctions().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
