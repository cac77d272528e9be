/**
 * The `export` cloud function: the actions that build files (export.xlsx, report.annual). They run
 * apart from `api` because exceljs and docx alone would take the api bundle over 1 MB. Same router,
 * same identity (from WeChat, never the payload), same envelope; only the handler table differs.
 */
import { EXPORT_HANDLERS } from '../../../server/handlers/exportHandlers';
import { createCloudFunction } from '../../../server/wechat/entry';

const cloudFunction = createCloudFunction();

export const main = (event: { action?: unknown; payload?: unknown } = {}) =>
  cloudFunction.serve(event, EXPORT_HANDLERS);
