import type { CloudDatabase } from '../../server/wechat/store/cloudDatabaseTypes';
import { CloudDbStore } from '../../server/wechat/store/CloudDbStore';
import { createCollections } from '../../server/wechat/store/setup';
import { applyEnv, startCloudEmulator, type CloudEmulator, type CloudEmulatorOptions } from './cloudEmulator';

/**
 * The real wx-server-sdk, loaded afresh and pointed at a cloud emulator: what the project's
 * WeChat adapters run against in tests, as they would against the real service.
 */
export interface RealCloud {
  emulator: CloudEmulator;
  /** The wx-server-sdk module, initialised for the emulator's environment. */
  cloud: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  database(options?: { throwOnNotFound?: boolean }): CloudDatabase;
  /** The caller of the next function invocation (WX_OPENID); '' for a timer trigger. */
  callAs(openid: string): void;
  stop(): Promise<void>;
}

/**
 * A module loaded anew: under jest in an isolated registry (a new function instance); in a plain
 * Node run (the bench) Node's own cache serves, which is one instance for the whole run.
 */
export function freshRequire(path: string): any {
  // eslint-disable-line @typescript-eslint/no-explicit-any
  if (typeof jest === 'undefined') return require(path); // eslint-disable-line @typescript-eslint/no-require-imports
  let loaded: unknown;
  jest.isolateModules(() => {
    loaded = require(path); // eslint-disable-line @typescript-eslint/no-require-imports
  });
  return loaded;
}

/**
 * The SDK warns when a request takes over 3 s, from a timer it does not clear when the request
 * fails: after an unreachable environment that warning can come once the test file is done, which
 * jest counts against the run. It says nothing the tests need, so it is left out.
 */
function quietSlowRequestWarnings(): void {
  const warn = console.warn.bind(console);
  if ((console.warn as { quiet?: boolean }).quiet) return;
  const quiet = Object.assign(
    (...args: unknown[]) => {
      if (/longer than 3s/.test(String(args[0]))) return;
      warn(...args);
    },
    { quiet: true },
  );
  console.warn = quiet;
}

export async function startRealCloud(options: CloudEmulatorOptions = {}): Promise<RealCloud> {
  quietSlowRequestWarnings();
  const emulator = await startCloudEmulator(options);
  const restore = applyEnv(emulator.sdkEnv());
  const cloud = freshRequire('wx-server-sdk');
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  return {
    emulator,
    cloud,
    database: (databaseOptions = {}) => cloud.database(databaseOptions) as CloudDatabase,
    callAs: (openid) => {
      if (openid) process.env.WX_OPENID = openid;
      else delete process.env.WX_OPENID;
    },
    stop: async () => {
      restore();
      await emulator.stop();
    },
  };
}

/** A CloudDbStore over a fresh emulated environment, with its collections made as the setup makes them. */
export async function cloudStoreOnEmulator(
  options: CloudEmulatorOptions & { throwOnNotFound?: boolean } = {},
): Promise<{ store: CloudDbStore; real: RealCloud; cleanup: () => Promise<void> }> {
  const real = await startRealCloud(options);
  const db = real.database({ throwOnNotFound: options.throwOnNotFound ?? false });
  await createCollections(db);
  real.emulator.resetRequests();
  return { store: new CloudDbStore(db), real, cleanup: () => real.stop() };
}
