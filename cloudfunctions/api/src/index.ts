/**
 * The `api` cloud function: who calls (from WeChat, never the payload), then the router.
 * Deployed as the esbuild bundle of this file (npm run build:functions).
 */
import { randomBytes } from 'crypto';
import cloud from 'wx-server-sdk';
import { ensureDeploymentReady } from './cloudSetup';
import type { ApiContext } from './contract';
import { CloudFileStorage } from './files/CloudFileStorage';
import { handleCall } from './router';
import type { CloudDatabase } from './store/cloudDatabaseTypes';
import { CloudDbStore } from './store/CloudDbStore';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

const api: ApiContext = {
  store: new CloudDbStore(cloud.database({ throwOnNotFound: false }) as unknown as CloudDatabase),
  files: new CloudFileStorage(cloud),
  now: () => new Date(),
  newId: () => randomBytes(12).toString('hex'),
  demoMode: false,
  log: (message, detail) => console.error(message, detail),
};

export async function main(event: { action?: unknown; payload?: unknown } = {}) {
  await ensureDeploymentReady(api.store, process.env, api.now());
  const { OPENID } = cloud.getWXContext();
  return handleCall({ action: event.action, payload: event.payload, openid: OPENID ?? null }, api);
}
