/**
 * The `api` cloud function: every action but the file builders. Who calls comes from WeChat,
 * never the payload. Deployed as the esbuild bundle of this file (npm run build:functions).
 */
import { API_HANDLERS } from '../../../server/handlers';
import { createCloudFunction } from '../../../server/wechat/entry';

const cloudFunction = createCloudFunction();

export const main = (event: { action?: unknown; payload?: unknown } = {}) => cloudFunction.serve(event, API_HANDLERS);
