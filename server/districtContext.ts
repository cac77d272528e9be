import { createHash } from 'crypto';
import { createWorkingCalendar, type HolidayCalendarData, type WorkingCalendar } from '../src/core/calendar';
import type { Catalog, CatalogItem, IndicatorLevel1 } from '../src/core/catalog/types';
import { DomainError } from '../src/core/errors';
import { BASE_CATALOG_ID, type CatalogRecord, type DistrictRecord, type UnitRecord } from '../src/core/model';
import type { Store } from '../src/core/ports/Store';
import type { ScheduleContext } from '../src/core/schedule/tasks';
import { assignmentIndex, leadUnitIds, type Assignment, type Directory, type UnitGroup } from '../src/core/units';
import defaultHolidays from '../data/holidays.json';
import defaultUnits from '../data/units.json';

/**
 * One task list as the year it applies to sees it: its items, who leads each, each unit's
 * assignments, and the schedule context that derives the year's tasks from it.
 */
export interface CatalogView {
  /** BASE_CATALOG_ID for the district's own list, else the published list's id. */
  id: string;
  catalog: Catalog;
  /** The published list; null for the district's own. */
  record: CatalogRecord | null;
  itemsByNo: Map<number, CatalogItem>;
  leadsByItem: Map<number, string[]>;
  assignmentsByUnit: Map<string, Assignment[]>;
  schedule: ScheduleContext;
}

/** A district's lists, directory and calendar, read once and shared by the calls that need them. */
export interface DistrictContext {
  district: DistrictRecord;
  directory: Directory;
  units: UnitRecord[];
  unitsById: Map<string, UnitRecord>;
  /** The holiday calendar as kept (or the committed one, where none is kept yet). */
  calendarData: HolidayCalendarData;
  calendar: WorkingCalendar;
  /** The published lists, oldest first. */
  catalogs: CatalogRecord[];
  /** The list that applies to a year: the latest published for it, else the district's own. */
  forYear(year: number): CatalogView;
  /**
   * Where to find an item a task of that year was made from: the year's list first, then the
   * other lists (newest first), then the district's own. A task whose item a later list dropped
   * is still shown with the item it was made from.
   */
  viewsFor(year: number): CatalogView[];
  /** The district's own list (`district.catalog`): for the years no published list names. */
  base: CatalogView;
  /** The view of a published list (null: the district's own). */
  viewOf(record: CatalogRecord | null): CatalogView;
  /** Changes whenever the directory, the lists or the default due date do: the years' tasks follow it. */
  fingerprint: string;
}

/** The group phrases of the list; a district's own directory may define more in future. */
export const GROUP_PHRASES: UnitGroup[] = (defaultUnits as { groups: UnitGroup[] }).groups;
const CACHE_MS = 10_000;
const cache = new Map<string, { context: DistrictContext; loadedAt: number }>();

export function directoryOf(district: DistrictRecord, units: UnitRecord[]): Directory {
  return {
    district: {
      id: district.id,
      name: district.name,
      fullName: district.fullName,
      defaultDueDate: district.defaultDueDate,
    },
    groups: GROUP_PHRASES,
    units,
  };
}

/** A list's view for a directory and calendar (the publish preview builds one for a draft). */
export function buildCatalogView(
  id: string,
  catalog: Catalog,
  record: CatalogRecord | null,
  directory: Directory,
  calendar: WorkingCalendar,
): CatalogView {
  const assignmentsByUnit = assignmentIndex(catalog, directory);
  return {
    id,
    catalog,
    record,
    itemsByNo: new Map(catalog.items.map((item) => [item.no, item])),
    leadsByItem: new Map(catalog.items.map((item) => [item.no, leadUnitIds(item.no, catalog, directory)])),
    assignmentsByUnit,
    schedule: { catalog, directory, calendar, assignments: assignmentsByUnit },
  };
}

/** The list published last for a year that it names; null when none names it. */
export function catalogNamingYear(catalogs: readonly CatalogRecord[], year: number): CatalogRecord | null {
  for (let index = catalogs.length - 1; index >= 0; index -= 1) {
    if (catalogs[index].years.includes(year)) return catalogs[index];
  }
  return null;
}

/**
 * Which published list applies to a year: the one published last for it; for a year no list
 * names, the list of the latest earlier year one names (a list goes on applying until another is
 * published); before the first year any list names, none (the district's own list).
 */
export function catalogForYear(catalogs: readonly CatalogRecord[], year: number): CatalogRecord | null {
  const named = catalogNamingYear(catalogs, year);
  if (named) return named;
  const earlier = catalogs.flatMap((record) => record.years).filter((candidate) => candidate < year);
  return earlier.length > 0 ? catalogNamingYear(catalogs, Math.max(...earlier)) : null;
}

export function buildDistrictContext(
  district: DistrictRecord,
  units: UnitRecord[],
  calendarData: HolidayCalendarData,
  catalogs: CatalogRecord[] = [],
): DistrictContext {
  const directory = directoryOf(district, units);
  const calendar = createWorkingCalendar(calendarData);
  const fingerprint = createHash('sha256')
    .update(
      JSON.stringify([
        district.defaultDueDate,
        district.catalog.items.map((item) => item.schedule),
        catalogs.map((record) => [record.id, record.years]),
        units,
      ]),
    )
    .digest('hex')
    .slice(0, 16);
  // Views are built when first asked for: a year looks at one list, most calls at one year.
  const views = new Map<string, CatalogView>();
  const viewOf = (record: CatalogRecord | null): CatalogView => {
    const id = record?.id ?? BASE_CATALOG_ID;
    let view = views.get(id);
    if (!view) {
      view = buildCatalogView(id, record?.catalog ?? district.catalog, record, directory, calendar);
      views.set(id, view);
    }
    return view;
  };
  const base = viewOf(null);
  const forYear = (year: number) => viewOf(catalogForYear(catalogs, year));
  return {
    district,
    directory,
    units,
    unitsById: new Map(units.map((unit) => [unit.id, unit])),
    calendarData,
    calendar,
    catalogs,
    forYear,
    viewsFor(year) {
      const first = forYear(year);
      const others = [...catalogs].reverse().filter((record) => record.id !== first.id);
      const list = [first, ...others.map(viewOf)];
      return first.id === BASE_CATALOG_ID ? list : [...list, base];
    },
    base,
    viewOf,
    fingerprint,
  };
}

export async function loadDistrictContext(
  store: Store,
  districtId: string,
  nowMs = Date.now(),
): Promise<DistrictContext> {
  const cached = cache.get(districtId);
  if (cached && nowMs - cached.loadedAt < CACHE_MS) return cached.context;
  const [district, units, calendar, catalogs] = await Promise.all([
    store.getDistrict(districtId),
    store.listUnits(districtId),
    store.getCalendar(),
    store.listCatalogs(districtId),
  ]);
  if (!district) throw new DomainError('NOT_FOUND', '找不到所在的区，请联系管理员');
  const context = buildDistrictContext(district, units, calendar ?? (defaultHolidays as HolidayCalendarData), catalogs);
  cache.set(districtId, { context, loadedAt: nowMs });
  return context;
}

/** After a change to the district, its directory, its lists or the calendar: the next call reads it afresh. */
export function forgetDistrictContext(districtId?: string): void {
  if (districtId === undefined) cache.clear();
  else cache.delete(districtId);
}

export function unitName(context: DistrictContext, unitId: string): string {
  return context.unitsById.get(unitId)?.name ?? unitId;
}

/** An item of a year's tasks, and the list it was found in (the year's, or one it was made from). */
export function findItem(
  context: DistrictContext,
  year: number,
  itemNo: number,
): { item: CatalogItem; view: CatalogView } | null {
  for (const view of context.viewsFor(year)) {
    const item = view.itemsByNo.get(itemNo);
    if (item) return { item, view };
  }
  return null;
}

export function itemOf(context: DistrictContext, year: number, itemNo: number): CatalogItem {
  const found = findItem(context, year, itemNo);
  if (!found) throw new DomainError('NOT_FOUND', `任务清单中没有第${itemNo}项`);
  return found.item;
}

/** The units that lead an item of a year's tasks (they review its reports). */
export function leadsOf(context: DistrictContext, year: number, itemNo: number): string[] {
  return findItem(context, year, itemNo)?.view.leadsByItem.get(itemNo) ?? [];
}

/** The 一级 and 二级指标 of an item of a year's tasks. */
export function indicatorOf(context: DistrictContext, year: number, item: CatalogItem) {
  const view = findItem(context, year, item.no)?.view ?? context.forYear(year);
  const level1 = view.catalog.indicators.find((indicator) => indicator.no === item.level1);
  const level2 = level1?.children.find((indicator) => indicator.no === item.level2);
  return { level1, level2 };
}

/** The indicators of the list that applies to a year. */
export function indicatorsOf(context: DistrictContext, year: number): IndicatorLevel1[] {
  return context.forYear(year).catalog.indicators;
}

/** The items a unit leads in a year's list. */
export function ledItemNos(context: DistrictContext, year: number, unitId: string): number[] {
  return [...context.forYear(year).leadsByItem].filter(([, leads]) => leads.includes(unitId)).map(([no]) => no);
}
