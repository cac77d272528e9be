import { z } from 'zod';
import { guidanceByItem, itemView, listInfo, allLists } from '../catalog/views';
import { loadDistrictContext } from '../districtContext';
import { memberHandler } from '../handler';
import { year } from '../validation';

/** The list that applies to a year, with each item's 佐证材料要求 (any member: it is the public list). */
export default memberHandler('catalog.get', z.object({ year }).strict(), async (input, { api, actor }) => {
  const context = await loadDistrictContext(api.store, actor.districtId);
  const view = context.forYear(input.year);
  const written = await guidanceByItem(api, actor.districtId, view.id);
  return {
    year: input.year,
    list: listInfo(context, view),
    source: view.catalog.source,
    indicators: view.catalog.indicators,
    items: view.catalog.items.map((item) => itemView(context, view, item, written.get(item.no), actor)),
    lists: allLists(context),
  };
});
