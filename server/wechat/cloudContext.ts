import { randomBytes } from 'crypto';
import cloud from 'wx-server-sdk';
import type { ApiContext } from '../context';
import { CloudFileStorage } from './CloudFileStorage';
import { SubscribeMessageSender, templateFromEnv, type SubscribeMessageApi } from './SubscribeMessageSender';
import type { CloudDatabase } from './store/cloudDatabaseTypes';
import { CloudDbStore } from './store/CloudDbStore';

/**
 * What every cloud function runs against in WeChat: the cloud database, cloud storage, subscribe
 * messages (when a template is configured) and mini-program codes. One place, for api, remind and
 * export alike.
 */
export function createCloudContext(env: NodeJS.ProcessEnv = process.env): ApiContext & { db: CloudDatabase } {
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  const db = cloud.database({ throwOnNotFound: false }) as unknown as CloudDatabase;
  const store = new CloudDbStore(db);
  const template = templateFromEnv(env);
  return {
    db,
    store,
    files: new CloudFileStorage(cloud),
    now: () => new Date(),
    newId: () => randomBytes(12).toString('hex'),
    demoMode: false,
    log: (message, detail) => console.error(message, detail),
    sender: template
      ? new SubscribeMessageSender(cloud.openapi.subscribeMessage as unknown as SubscribeMessageApi, store, template)
      : undefined,
    miniProgramCode: async (scene, page) => {
      // The code opens the released version unless the function's env says trial/develop (before release).
      const envVersion = env.WXACODE_ENV_VERSION ?? 'release';
      const reply = await cloud.openapi.wxacode.getUnlimited({ scene, page, checkPath: false, envVersion });
      if (!Buffer.isBuffer(reply.buffer))
        throw new Error(`wxacode.getUnlimited: ${String(reply.errMsg ?? 'no image')}`);
      return reply.buffer;
    },
  };
}

/** The caller as WeChat says, never from the payload. */
export function callerOpenid(): string | null {
  return cloud.getWXContext().OPENID ?? null;
}
