import { isIsoDate, isMonthDay } from '../dates';
import type { Directory } from '../units';
import { deriveSchedule } from './deriveSchedule';
import { proposeGuidance } from './guidance';
import {
  catalogWithMappedPhrases,
  previewCatalog,
  type CatalogInput,
  type CatalogPreview,
  type CatalogProblem,
  type PreviewOptions,
} from './preview';
import { resolvePhrase, type PhraseMap } from './resolveUnits';
import type { Catalog } from './types';

/**
 * What the admin decides about a draft before publishing it: which units a phrase the directory
 * does not know stands for (remembered as an alias of those units), the lead unit of an item that
 * names none, and a date for an item whose 完成时限 could not be read (or any other item).
 */
export interface CatalogChoices {
  phraseMap?: PhraseMap;
  /** Item number → the unit ids that lead it, for items that name no lead unit. */
  leads?: Record<string, string[]>;
  /** Item number → YYYY-MM-DD (once, by that date) or MM-DD (every year by that day). */
  dates?: Record<string, string>;
}

/** A date the admin set, as the 完成时限 phrase the schedule is read from. */
export function deadlinePhraseOf(date: string): string | null {
  if (isIsoDate(date)) {
    const [year, month, day] = date.split('-').map(Number);
    return `${year}年${month}月${day}日前`;
  }
  const written: string = date;
  if (isMonthDay(written)) {
    const [month, day] = written.split('-').map(Number);
    return `每年${month}月${day}日前`;
  }
  return null;
}

const NO_LEAD = /没有牵头单位|没有写牵头单位和责任单位/;
const DEADLINE = /^完成时限/;

/**
 * The draft with the admin's choices applied: mapped phrases resolve, chosen leads and dates
 * replace what was missing, and the problems they settle are gone. A choice for an item the draft
 * does not have, or a lead for an item that names its own, is a blocking problem of its own (the
 * admin chose against another version of the list).
 */
export function previewWithChoices(
  input: CatalogInput,
  options: Omit<PreviewOptions, 'phraseMap'> & CatalogChoices = {},
): CatalogPreview {
  const { leads = {}, dates = {}, phraseMap, ...rest } = options;
  const preview = previewCatalog(input, { ...rest, ...(phraseMap ? { phraseMap } : {}) });
  const { directory } = options;
  const names = new Map((directory?.units ?? []).map((unit) => [unit.id, unit.name]));
  const settled: Array<(problem: CatalogProblem) => boolean> = [];
  const added: CatalogProblem[] = [];
  const items = new Map(preview.draft.items.map((item) => [item.no, item]));

  for (const [key, unitIds] of Object.entries(leads)) {
    const no = Number(key);
    const item = items.get(no);
    const where = `第${key}项`;
    if (!item) {
      added.push({ where, message: `清单中没有第${key}项：为它选择的牵头单位没有用上，请重新预览`, blocking: true });
      continue;
    }
    if (item.leadUnits.length > 0) {
      added.push({ where, message: '这一项已写明牵头单位，不能另选：请重新预览', blocking: true, itemNo: no });
      continue;
    }
    const unknown = unitIds.filter((id) => !names.has(id));
    if (unknown.length > 0 || unitIds.length === 0) {
      added.push({ where, message: '为这一项选择的牵头单位不在单位名录中：请重新选择', blocking: true, itemNo: no });
      continue;
    }
    item.leadUnits = [...new Set(unitIds.map((id) => names.get(id) as string))];
    if (item.resolved) item.resolved = { ...item.resolved, lead: [...new Set(unitIds)] };
    settled.push((problem) => problem.itemNo === no && problem.phrase === undefined && NO_LEAD.test(problem.message));
  }

  for (const [key, date] of Object.entries(dates)) {
    const no = Number(key);
    const item = items.get(no);
    const phrase = deadlinePhraseOf(date);
    const where = `第${key}项`;
    if (!item) {
      added.push({ where, message: `清单中没有第${key}项：为它设定的日期没有用上，请重新预览`, blocking: true });
      continue;
    }
    if (!phrase) {
      added.push({ where, message: `设定的日期“${date}”不正确`, blocking: true, itemNo: no });
      continue;
    }
    item.deadline = phrase;
    item.schedule = deriveSchedule(item.text, phrase);
    const guidance = proposeGuidance(item.text, item.schedule);
    if (guidance) item.guidance = guidance;
    else delete item.guidance;
    settled.push((problem) => problem.itemNo === no && DEADLINE.test(problem.message));
  }

  const problems = [...preview.problems.filter((problem) => !settled.some((done) => done(problem))), ...added];
  return { draft: preview.draft, problems };
}

/** The catalog to publish: the draft as chosen, with mapped phrases written as the units' names. */
export function catalogOfChoices(preview: CatalogPreview, directory: Directory, phraseMap: PhraseMap = {}): Catalog {
  return catalogWithMappedPhrases(preview.draft, directory, phraseMap);
}

/**
 * The aliases to remember: each phrase the directory did not know, added to the units chosen for
 * it (unit id → the phrases to add), so that the next list that writes it resolves it.
 */
export function aliasesToRemember(directory: Directory, phraseMap: PhraseMap): Map<string, string[]> {
  const byUnit = new Map<string, string[]>();
  for (const [phrase, unitIds] of Object.entries(phraseMap)) {
    if (resolvePhrase(phrase, directory).kind !== 'unknown') continue;
    for (const unitId of new Set(unitIds)) {
      const unit = directory.units.find((candidate) => candidate.id === unitId);
      if (!unit || unit.aliases.includes(phrase)) continue;
      byUnit.set(unitId, [...(byUnit.get(unitId) ?? []), phrase]);
    }
  }
  return byUnit;
}
