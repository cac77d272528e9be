/**
 * The `api` cloud function: who calls (from WeChat, never the payload), then the router.
 * Deployed as the esbuild bundle of this file (npm run build:functions).
 */
import { randomBytes } from 'crypto';
import cloud from 'wx-server-sdk';
import { ensureDeploymentReady } from './cloudSetup';
import type { ApiContext } from './contract';
import { CloudFileStorage } from './files/CloudFileStorage';
import { SubscribeMessageSender, templateFromEnv, type SubscribeMessageApi } from './reminders/subscribeSender';
import { handleCall } from './router';
import type { CloudDatabase } from './store/cloudDatabaseTypes';
import { CloudDbStore } from './store/CloudDbStore';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

const store = new CloudDbStore(cloud.database({ throwOnNotFound: false }) as unknown as CloudDatabase);
const template = templateFromEnv(process.env);

const api: ApiContext = {
  store,
  files: new CloudFileStorage(cloud),
  now: () => new Date(),
  newId: () => randomBytes(12).toString('hex'),
  demoMode: false,
  log: (message, detail) => console.error(message, detail),
  // Returns and urges reach people at once; the daily run in the remind function does the rest.
  sender: template
    ? new SubscribeMessageSender(cloud.openapi.subscribeMessage as unknown as SubscribeMessageApi, store, template)
    : undefined,
  miniProgramCode: async (scene, page) => {
    // The code opens the released version unless the function's env says trial/develop (before release).
    const envVersion = process.env.WXACODE_ENV_VERSION ?? 'release';
    const reply = await cloud.openapi.wxacode.getUnlimited({ scene, page, checkPath: false, envVersion });
    if (!Buffer.isBuffer(reply.buffer)) throw new Error(`wxacode.getUnlimited: ${String(reply.errMsg ?? 'no image')}`);
    return reply.buffer;
  },
};

export async function main(event: { action?: unknown; payload?: unknown } = {}) {
  await ensureDeploymentReady(api.store, process.env, api.now());
  const { OPENID } = cloud.getWXContext();
  return handleCall({ action: event.action, payload: event.payload, openid: OPENID ?? null }, api);
}
