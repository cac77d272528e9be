import { z } from 'zod';
import { authorize } from '../../src/core/authorization';
import { DomainError } from '../../src/core/errors';
import type { GuidanceRecord } from '../../src/core/model';
import { itemView } from '../catalog/views';
import { loadDistrictContext } from '../districtContext';
import { memberHandler } from '../handler';
import { itemNo, text, year } from '../validation';

export const GUIDANCE_MAX_CHARS = 500;

const schema = z.object({ year, itemNo, text: text(GUIDANCE_MAX_CHARS) }).strict();

/**
 * 佐证材料要求 of an item of a year's list, written by a reviewer of a unit that leads it or by the
 * admin; staff see it on top of the task. An empty text means "none" (the proposal no longer shows).
 * It belongs to the list, so every year the list applies to shows it.
 */
export default memberHandler('guidance.set', schema, async (input, { api, actor, user }) => {
  const context = await loadDistrictContext(api.store, actor.districtId);
  const view = context.forYear(input.year);
  const item = view.itemsByNo.get(input.itemNo);
  if (!item) throw new DomainError('NOT_FOUND', `${input.year}年的任务清单中没有第${input.itemNo}项`);
  authorize(actor, { kind: 'guidance.set', leadUnitIds: view.leadsByItem.get(item.no) ?? [] });
  const record: GuidanceRecord = {
    districtId: actor.districtId,
    catalogId: view.id,
    itemNo: item.no,
    text: input.text,
    updatedAt: api.now().toISOString(),
    updatedBy: actor.openid,
    updatedByName: user.name,
  };
  await api.store.saveGuidance(record);
  return { item: itemView(context, view, item, record, actor) };
});
