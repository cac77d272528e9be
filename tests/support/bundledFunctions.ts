import { copyFileSync, mkdtempSync, symlinkSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { buildFunctions } from '../../scripts/build-functions';
import { ROOT } from './fixtures';
import { freshRequire, type RealCloud } from './realCloud';

export type Envelope = { ok: boolean; data?: any; error?: { code: string; message: string } }; // eslint-disable-line @typescript-eslint/no-explicit-any
export type FunctionMain = (event: Record<string, unknown>) => Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let built: Promise<unknown> | null = null;

/** The deployable bundles, built once per test file. */
export function buildOnce(): Promise<unknown> {
  built ??= buildFunctions(() => undefined);
  return built;
}

/**
 * A deployed function as WeChat runs it: its bundle alone in a folder, requiring the real
 * wx-server-sdk (installed beside it, as 云端安装依赖 does), loaded afresh — a new instance.
 */
export function loadFunction(name: 'api' | 'remind' | 'export'): FunctionMain {
  const dir = mkdtempSync(join(tmpdir(), `fn-${name}-`));
  copyFileSync(join(ROOT, 'dist', 'cloudfunctions', name, 'index.js'), join(dir, 'index.js'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const { main } = freshRequire(join(dir, 'index.js')) as { main?: FunctionMain };
  if (!main) throw new Error(`${name}: no main`);
  return main;
}

/** Calls a function as `openid` (WeChat puts the caller in the invocation's context). */
export function invoker(real: RealCloud, main: FunctionMain) {
  const call = (openid: string, action: string, payload: unknown = {}): Promise<Envelope> => {
    real.callAs(openid);
    return main({ action, payload });
  };
  const ok = async (openid: string, action: string, payload: unknown = {}) => {
    const reply = await call(openid, action, payload);
    if (!reply.ok) throw new Error(`${action}: ${reply.error?.code} ${reply.error?.message}`);
    return reply.data;
  };
  return { call, ok };
}
