import { z } from 'zod';
import { authorize } from '../../src/core/authorization';
import { DomainError } from '../../src/core/errors';
import { loadDistrictContext } from '../districtContext';
import { annualReportName, buildAnnualReport, DOCX_MIME } from '../exports/annualReport';
import { deliver } from '../exports/deliver';
import { gatherAnnualReport } from '../exports/gather';
import { memberHandler } from '../handler';
import { todayOf } from '../tasks';
import { id, year } from '../validation';

const schema = z.object({ unitId: id, year }).strict();

/** A unit's annual 法治政府建设 report as a Word draft, from its tasks, notes and evidence. */
export default memberHandler('report.annual', schema, async (input, { api, actor }) => {
  authorize(actor, { kind: 'report.annual', unitId: input.unitId });
  const context = await loadDistrictContext(api.store, actor.districtId);
  const unit = context.unitsById.get(input.unitId);
  if (!unit) throw new DomainError('NOT_FOUND', '找不到该单位');
  const data = await gatherAnnualReport(api, context, unit, input.year, todayOf(api));
  const content = await buildAnnualReport(data);
  return deliver(api, actor.districtId, annualReportName(unit.name, input.year), content, DOCX_MIME);
});
