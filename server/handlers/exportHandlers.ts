import type { ExportAction } from '../../src/contract/actions';
import type { HandlerTable } from '../handler';
import exportXlsx from './exportXlsx';
import reportAnnual from './reportAnnual';

/**
 * The actions that build files. They need exceljs and docx, too big for the `api` bundle (1 MB), so
 * they are served by the `export` cloud function (and by the local cloud), never by API_HANDLERS.
 */
export const EXPORT_HANDLERS: HandlerTable<ExportAction> = {
  'export.xlsx': exportXlsx,
  'report.annual': reportAnnual,
};
