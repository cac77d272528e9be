import type { ExportFunctionAction } from '../../src/contract/actions';
import type { HandlerTable } from '../handler';
import catalogPreview from './catalogPreview';
import catalogPublish from './catalogPublish';
import exportXlsx from './exportXlsx';
import reportAnnual from './reportAnnual';

/**
 * The actions that build files (exceljs, docx) or read a Word file (mammoth: the task list's
 * preview and publishing). Too big for the `api` bundle (1 MB), so they are served by the `export`
 * cloud function (and by the local cloud), never by API_HANDLERS.
 */
export const EXPORT_HANDLERS: HandlerTable<ExportFunctionAction> = {
  'export.xlsx': exportXlsx,
  'report.annual': reportAnnual,
  'catalog.preview': catalogPreview,
  'catalog.publish': catalogPublish,
};
