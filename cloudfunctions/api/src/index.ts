/**
 * The `api` cloud function: who calls (from WeChat, never the payload), then the router.
 * Deployed as the esbuild bundle of this file (npm run build:functions).
 */
import { callerOpenid, createCloudContext } from '../../../server/wechat/cloudContext';
import { ensureDeploymentReady } from '../../../server/wechat/cloudSetup';
import { API_HANDLERS } from '../../../server/handlers';
import { handleCall } from '../../../server/router';

const api = createCloudContext();

export async function main(event: { action?: unknown; payload?: unknown } = {}) {
  await ensureDeploymentReady(api.store, process.env, api.now());
  return handleCall({ action: event.action, payload: event.payload, openid: callerOpenid() }, api, API_HANDLERS);
}
