/**
 * The `export` cloud function: the actions that build files (export.xlsx, report.annual). They run
 * apart from `api` because exceljs and docx alone would take the api bundle over 1 MB. Same router,
 * same identity (from WeChat, never the payload), same envelope; only the handler table differs.
 */
import { randomBytes } from 'crypto';
import cloud from 'wx-server-sdk';
import type { ApiContext } from '../../api/src/contract';
import { CloudFileStorage } from '../../api/src/files/CloudFileStorage';
import { EXPORT_HANDLERS } from '../../api/src/handlers/exports';
import { handleCall } from '../../api/src/router';
import type { CloudDatabase } from '../../api/src/store/cloudDatabaseTypes';
import { CloudDbStore } from '../../api/src/store/CloudDbStore';

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
  const { OPENID } = cloud.getWXContext();
  return handleCall({ action: event.action, payload: event.payload, openid: OPENID ?? null }, api, EXPORT_HANDLERS);
}
