/**
 * The `export` cloud function: the actions that build files (export.xlsx, report.annual). They run
 * apart from `api` because exceljs and docx alone would take the api bundle over 1 MB. Same router,
 * same identity (from WeChat, never the payload), same envelope; only the handler table differs.
 */
import { callerOpenid, createCloudContext } from '../../../server/wechat/cloudContext';
import { EXPORT_HANDLERS } from '../../../server/handlers/exportHandlers';
import { handleCall } from '../../../server/router';

const api = createCloudContext();

export async function main(event: { action?: unknown; payload?: unknown } = {}) {
  return handleCall({ action: event.action, payload: event.payload, openid: callerOpenid() }, api, EXPORT_HANDLERS);
}
