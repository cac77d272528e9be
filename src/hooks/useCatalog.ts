import { forgetRecentAnswers, useApi } from './useApi';
import { useMutation } from './useMutation';

/** The task list of a year, each item with its 佐证材料要求 (`catalog.get`). */
export function useYearCatalog(year: number | null) {
  return useApi('catalog.get', year === null ? null : { year });
}

/** 管理 → 任务清单: read a list without storing anything, then publish it for years (admin). */
export function useCatalogPreview() {
  return useMutation('catalog.preview');
}

export function useCatalogPublish() {
  return useMutation('catalog.publish');
}

/** Writes an item's 佐证材料要求 (its lead unit's reviewers, the admin). */
export function useGuidanceSave() {
  return useMutation('guidance.set');
}

/** 管理 → 节假日: the years the holiday calendar holds, and setting one (admin). */
export function useHolidayCalendar(enabled: boolean) {
  return useApi('calendar.get', enabled ? {} : null);
}

export function useHolidaySave() {
  return useMutation('calendar.set');
}

/**
 * After a list is published or a calendar set: remembered answers that depend on them (the year's
 * list, task lists and details, the calendar) would be stale.
 */
export function forgetCatalogAnswers(): void {
  for (const prefix of ['catalog.', 'calendar.', 'tasks.', 'summary.']) forgetRecentAnswers(prefix);
}
