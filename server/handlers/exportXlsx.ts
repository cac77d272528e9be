import { z } from 'zod';
import { authorize } from '../../src/core/authorization';
import { loadDistrictContext } from '../districtContext';
import { deliver } from '../exports/deliver';
import { buildDistrictWorkbook, districtWorkbookName, XLSX_MIME } from '../exports/districtWorkbook';
import { gatherDistrictWorkbook } from '../exports/gather';
import { memberHandler } from '../handler';
import { todayOf } from '../tasks';
import { isoDate, year } from '../validation';

const schema = z.object({ year, asOf: isoDate.optional() }).strict();

/** The district status workbook (.xlsx), with the same numbers as summary.district. */
export default memberHandler('export.xlsx', schema, async (input, { api, actor }) => {
  authorize(actor, { kind: 'export.district' });
  const context = await loadDistrictContext(api.store, actor.districtId);
  const data = await gatherDistrictWorkbook(api, context, input.year, input.asOf ?? todayOf(api));
  const content = await buildDistrictWorkbook(data);
  return deliver(api, actor.districtId, districtWorkbookName(data), content, XLSX_MIME);
});
