import { readFileSync } from 'fs';
import { join } from 'path';
import { createWorkingCalendar, type HolidayCalendarData } from '../../src/core/calendar';
import type { Catalog } from '../../src/core/catalog/types';
import type { ScheduleContext } from '../../src/core/schedule/tasks';
import type { Directory } from '../../src/core/units';

export const ROOT = join(__dirname, '..', '..');
/** The official list as the district received it (a public notice: 此件主动公开), kept in the repo. */
export const REFERENCE_PATH = join(ROOT, 'data', 'source', 'changjiang-2024-45-task-list.txt');

export function readJson<T>(relative: string): T {
  return JSON.parse(readFileSync(join(ROOT, relative), 'utf8')) as T;
}

export function referenceText(): string {
  return readFileSync(REFERENCE_PATH, 'utf8');
}

export function loadCatalog(): Catalog {
  return readJson<Catalog>('data/catalog.json');
}

export function loadDirectory(): Directory {
  return readJson<Directory>('data/units.json');
}

export function loadHolidays(): HolidayCalendarData {
  return readJson<HolidayCalendarData>('data/holidays.json');
}

export function scheduleContext(overrides: Partial<ScheduleContext> = {}): ScheduleContext {
  return {
    catalog: loadCatalog(),
    directory: loadDirectory(),
    calendar: createWorkingCalendar(loadHolidays()),
    ...overrides,
  };
}

export function unitByName(directory: Directory, name: string) {
  const unit = directory.units.find((candidate) => candidate.name === name);
  if (!unit) throw new Error(`no unit named ${name} in the directory`);
  return unit;
}
