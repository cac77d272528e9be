import { createHash } from 'crypto';
import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'fs';
import { extname, join, relative } from 'path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'zlib';

const ROOT = join(__dirname, '..');
export const H5_DIR = join(ROOT, 'dist', 'h5');
const STAMP = join(H5_DIR, '.source-hash');
const SOURCES = ['src', 'config', 'data', 'package-lock.json', 'babel.config.js', 'local/h5Build.ts'];

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => filesUnder(join(path, name)));
}

/** A hash of everything the H5 build is made from: the build is stale when it changes. */
export function sourceHash(): string {
  const hash = createHash('sha256');
  for (const file of SOURCES.flatMap((source) => filesUnder(join(ROOT, source)))) {
    hash.update(relative(ROOT, file));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

/** The build is current when it was made from these sources and every script it loads is there. */
export function h5BuildIsCurrent(): boolean {
  const index = join(H5_DIR, 'index.html');
  if (!existsSync(index) || !existsSync(STAMP) || readFileSync(STAMP, 'utf8') !== sourceHash()) return false;
  const scripts = [...readFileSync(index, 'utf8').matchAll(/src="\/([^"]+)"/g)].map((match) => match[1]);
  return scripts.every((script) => existsSync(join(H5_DIR, script)));
}

/** Kinds of file worth compressing (images and fonts are compressed already). */
const COMPRESSIBLE = new Set(['.js', '.css', '.html', '.svg', '.json', '.txt', '.map']);
/** Below this a compressed copy saves less than its headers cost. */
const COMPRESS_FROM_BYTES = 1024;

/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy beside each script, style sheet and page of the
 * build, once, at the best level: the local cloud sends the copy the browser accepts
 * (local/staticFiles.ts) instead of compressing on every request. A copy that saves nothing is
 * not kept. Returns the files compressed.
 */
export function precompress(dir: string): Array<{ file: string; bytes: number; br: number; gz: number }> {
  const done: Array<{ file: string; bytes: number; br: number; gz: number }> = [];
  for (const file of filesUnder(dir)) {
    if (!COMPRESSIBLE.has(extname(file)) || file.endsWith('.LICENSE.txt')) continue;
    const bytes = readFileSync(file);
    if (bytes.length < COMPRESS_FROM_BYTES) continue;
    const br = brotliCompressSync(bytes, {
      params: {
        [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
        [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
        [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    });
    const gz = gzipSync(bytes, { level: 9 });
    if (br.length < bytes.length) writeFileSync(`${file}.br`, br);
    if (gz.length < bytes.length) writeFileSync(`${file}.gz`, gz);
    done.push({ file: relative(dir, file), bytes: bytes.length, br: br.length, gz: gz.length });
  }
  return done;
}

const LOCK = join(ROOT, 'dist', '.h5-build.lock');

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** One build at a time: concurrent test runs would otherwise write dist/h5 together. */
function withBuildLock(build: () => void): void {
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      const stale = existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 5 * 60_000;
      if (stale) rmSync(LOCK, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error('another H5 build is still running');
      else sleep(500);
    }
  }
  try {
    build();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** Builds the H5 app when it is missing or older than its sources. */
export function ensureH5Build(log: (line: string) => void = console.log): void {
  if (h5BuildIsCurrent()) return;
  withBuildLock(() => buildH5(log));
}

function buildH5(log: (line: string) => void): void {
  if (h5BuildIsCurrent()) return;
  log('正在构建 H5 页面（约需 20 秒）…');
  const hash = sourceHash();
  // Built beside the served folder and swapped in at the end: a server running meanwhile never
  // sees a half-written app.
  const next = `${H5_DIR}.next`;
  rmSync(next, { recursive: true, force: true });
  const result = spawnSync(join(ROOT, 'node_modules', '.bin', 'taro'), ['build', '--type', 'h5'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production', TARO_OUTPUT_ROOT: relative(ROOT, next) },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0 || !existsSync(join(next, 'index.html'))) {
    log(`${result.stdout}\n${result.stderr}`);
    throw new Error('H5 构建失败，请查看上面的输出');
  }
  precompress(next);
  writeFileSync(join(next, '.source-hash'), hash);
  const old = `${H5_DIR}.old`;
  rmSync(old, { recursive: true, force: true });
  if (existsSync(H5_DIR)) renameSync(H5_DIR, old);
  renameSync(next, H5_DIR);
  rmSync(old, { recursive: true, force: true });
}
