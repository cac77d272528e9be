import type { HolidayCalendarData } from '../src/core/calendar';
import type { Catalog } from '../src/core/catalog/types';
import type { Instant } from '../src/core/model';
import type { Store } from '../src/core/ports/Store';
import { unresolvedPhrases, type Directory } from '../src/core/units';

export interface DistrictSetup {
  catalog: Catalog;
  directory: Directory;
  calendar: HolidayCalendarData;
  at: Instant;
}

/**
 * Creates a district from its imported catalog and directory (and the national holiday calendar
 * if none is kept yet). Does nothing for a district that already exists.
 */
export async function bootstrapDistrict(store: Store, setup: DistrictSetup): Promise<boolean> {
  const { district } = setup.directory;
  if (await store.getDistrict(district.id)) return false;
  const unknown = unresolvedPhrases(setup.catalog, setup.directory);
  if (unknown.length > 0) throw new Error(`the directory lacks units the catalog names: ${unknown.join(', ')}`);
  for (const unit of setup.directory.units) {
    await store.saveUnit({ ...unit, districtId: district.id, disabled: unit.disabled ?? false, updatedAt: setup.at });
  }
  if (!(await store.getCalendar())) await store.saveCalendar(setup.calendar);
  await store.saveDistrict({
    id: district.id,
    name: district.name,
    fullName: district.fullName,
    defaultDueDate: district.defaultDueDate,
    catalog: setup.catalog,
    taskYears: {},
    createdAt: setup.at,
  });
  return true;
}
