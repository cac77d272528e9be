import { createHash } from 'crypto';
import { createWorkingCalendar, type HolidayCalendarData } from '../src/core/calendar';
import type { CatalogItem } from '../src/core/catalog/types';
import { DomainError } from '../src/core/errors';
import type { DistrictRecord, UnitRecord } from '../src/core/model';
import type { Store } from '../src/core/ports/Store';
import type { ScheduleContext } from '../src/core/schedule/tasks';
import { assignmentIndex, leadUnitIds, type Assignment, type Directory, type UnitGroup } from '../src/core/units';
import defaultHolidays from '../data/holidays.json';
import defaultUnits from '../data/units.json';

/** A district's catalog, directory and calendar, read once and shared by the calls that need them. */
export interface DistrictContext {
  district: DistrictRecord;
  directory: Directory;
  schedule: ScheduleContext;
  units: UnitRecord[];
  unitsById: Map<string, UnitRecord>;
  itemsByNo: Map<number, CatalogItem>;
  leadsByItem: Map<number, string[]>;
  assignmentsByUnit: Map<string, Assignment[]>;
  /** Changes whenever the directory, catalog or default due date do: the year's tasks follow it. */
  fingerprint: string;
}

/** The group phrases of the list; a district's own directory may define more in future. */
export const GROUP_PHRASES: UnitGroup[] = (defaultUnits as { groups: UnitGroup[] }).groups;
const CACHE_MS = 10_000;
const cache = new Map<string, { context: DistrictContext; loadedAt: number }>();

export function buildDistrictContext(
  district: DistrictRecord,
  units: UnitRecord[],
  calendarData: HolidayCalendarData,
): DistrictContext {
  const directory: Directory = {
    district: {
      id: district.id,
      name: district.name,
      fullName: district.fullName,
      defaultDueDate: district.defaultDueDate,
    },
    groups: GROUP_PHRASES,
    units,
  };
  const { catalog } = district;
  const leadsByItem = new Map(catalog.items.map((item) => [item.no, leadUnitIds(item.no, catalog, directory)]));
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([district.defaultDueDate, catalog.items.map((item) => item.schedule), units]))
    .digest('hex')
    .slice(0, 16);
  const assignmentsByUnit = assignmentIndex(catalog, directory);
  return {
    district,
    directory,
    schedule: { catalog, directory, calendar: createWorkingCalendar(calendarData), assignments: assignmentsByUnit },
    units,
    unitsById: new Map(units.map((unit) => [unit.id, unit])),
    itemsByNo: new Map(catalog.items.map((item) => [item.no, item])),
    leadsByItem,
    assignmentsByUnit,
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
  const [district, units, calendar] = await Promise.all([
    store.getDistrict(districtId),
    store.listUnits(districtId),
    store.getCalendar(),
  ]);
  if (!district) throw new DomainError('NOT_FOUND', '找不到所在的区，请联系管理员');
  const context = buildDistrictContext(district, units, calendar ?? (defaultHolidays as HolidayCalendarData));
  cache.set(districtId, { context, loadedAt: nowMs });
  return context;
}

/** After a change to the district or its directory: the next call reads it afresh. */
export function forgetDistrictContext(districtId: string): void {
  cache.delete(districtId);
}

export function unitName(context: DistrictContext, unitId: string): string {
  return context.unitsById.get(unitId)?.name ?? unitId;
}

export function itemOf(context: DistrictContext, itemNo: number): CatalogItem {
  const item = context.itemsByNo.get(itemNo);
  if (!item) throw new DomainError('NOT_FOUND', `任务清单中没有第${itemNo}项`);
  return item;
}

export function ledItemNos(context: DistrictContext, unitId: string): number[] {
  return [...context.leadsByItem].filter(([, leads]) => leads.includes(unitId)).map(([no]) => no);
}
