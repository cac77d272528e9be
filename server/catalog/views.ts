import type { CatalogItemView, CatalogListInfo, ItemGuidance } from '../../src/contract/replies';
import { allowed, type Actor } from '../../src/core/authorization';
import { proposeGuidance } from '../../src/core/catalog/guidance';
import { scheduleWords } from '../../src/core/catalog/scheduleWords';
import type { CatalogItem } from '../../src/core/catalog/types';
import type { CatalogRecord, GuidanceRecord } from '../../src/core/model';
import type { ApiContext } from '../context';
import {
  catalogForYear,
  catalogNamingYear,
  findItem,
  type CatalogView,
  type DistrictContext,
} from '../districtContext';

/** The years a published list applies to now, of those it names: those no list published after it took. */
export function effectiveYears(context: DistrictContext, record: CatalogRecord): number[] {
  return record.years
    .filter((year) => catalogNamingYear(context.catalogs, year)?.id === record.id)
    .sort((a, b) => a - b);
}

/** Whether the list goes on applying after the last year a list names (until another is published). */
export function appliesLater(context: DistrictContext, record: CatalogRecord): boolean {
  const last = Math.max(...context.catalogs.flatMap((candidate) => candidate.years));
  return catalogForYear(context.catalogs, last + 1)?.id === record.id;
}

export function listInfo(context: DistrictContext, view: CatalogView): CatalogListInfo {
  const { source } = view.catalog;
  return {
    id: view.id,
    title: source.title || '任务清单',
    docNo: source.docNo,
    years: view.record ? effectiveYears(context, view.record) : null,
    andLater: view.record ? appliesLater(context, view.record) : context.catalogs.length === 0,
    publishedAt: view.record?.publishedAt ?? null,
    publishedByName: view.record?.publishedByName ?? null,
    itemCount: view.catalog.items.length,
  };
}

/** Every list the district keeps: its own first, then those published, oldest first. */
export function allLists(context: DistrictContext): CatalogListInfo[] {
  return [context.base, ...context.catalogs.map((record) => context.viewOf(record))].map((view) =>
    listInfo(context, view),
  );
}

/** An item's guidance: as written (an empty text: none), or else the importer's proposal. */
export function guidanceOf(item: CatalogItem, written: GuidanceRecord | undefined): ItemGuidance | null {
  if (written) {
    if (written.text.trim() === '') return null;
    return { text: written.text, proposed: false, updatedAt: written.updatedAt, updatedByName: written.updatedByName };
  }
  const proposal = proposeGuidance(item.text, item.schedule);
  return proposal ? { text: proposal, proposed: true, updatedAt: null, updatedByName: null } : null;
}

export async function guidanceByItem(
  api: ApiContext,
  districtId: string,
  catalogId: string,
): Promise<Map<number, GuidanceRecord>> {
  const records = await api.store.listGuidance(districtId, catalogId);
  return new Map(records.map((record) => [record.itemNo, record]));
}

/** The guidance of the item a task of that year was made from. */
export async function taskGuidance(
  api: ApiContext,
  context: DistrictContext,
  year: number,
  itemNo: number,
): Promise<ItemGuidance | null> {
  const found = findItem(context, year, itemNo);
  if (!found) return null;
  const written = await guidanceByItem(api, context.district.id, found.view.id);
  return guidanceOf(found.item, written.get(itemNo));
}

export function itemView(
  context: DistrictContext,
  view: CatalogView,
  item: CatalogItem,
  written: GuidanceRecord | undefined,
  actor: Actor,
): CatalogItemView {
  const leadUnitIds = view.leadsByItem.get(item.no) ?? [];
  return {
    no: item.no,
    level1: item.level1,
    level2: item.level2,
    title: item.title,
    text: item.text,
    leadUnits: item.leadUnits,
    responsibleUnits: item.responsibleUnits,
    deadline: item.deadline ?? null,
    schedule: item.schedule,
    scheduleWords: scheduleWords(item, context.district.defaultDueDate),
    leadUnitIds,
    guidance: guidanceOf(item, written),
    canEditGuidance: allowed(actor, { kind: 'guidance.set', leadUnitIds }),
  };
}
