import type { CatalogListInfo, CatalogPreviewReply, DirectoryUnit, DraftItemView } from '../../../../contract/replies';
import type { CatalogProblem } from '../../../../core/catalog/preview';
import type { IndicatorLevel1 } from '../../../../core/catalog/types';

/** 管理 → 任务清单, the parts that are not the screen (tested in Node). */

export interface Choices {
  /** A phrase the directory does not know → the unit ids it stands for. */
  phraseMap: Record<string, string[]>;
  /** Item number → its lead unit ids (items that name none). */
  leads: Record<string, string[]>;
  /** Item number → YYYY-MM-DD. */
  dates: Record<string, string>;
}

export const NO_CHOICES: Choices = { phraseMap: {}, leads: {}, dates: {} };

/** What a blocking problem asks the admin to do. */
export type Fix =
  | { kind: 'phrase'; phrase: string; problem: CatalogProblem }
  | { kind: 'lead'; itemNo: number; problem: CatalogProblem }
  | { kind: 'date'; itemNo: number; problem: CatalogProblem }
  | { kind: 'other'; problem: CatalogProblem };

/** Each blocking problem with the choice that settles it; one fix per phrase however often it occurs. */
export function fixesOf(problems: readonly CatalogProblem[]): Fix[] {
  const fixes: Fix[] = [];
  const phrases = new Set<string>();
  for (const problem of problems) {
    if (!problem.blocking) continue;
    if (problem.phrase !== undefined) {
      if (!phrases.has(problem.phrase)) fixes.push({ kind: 'phrase', phrase: problem.phrase, problem });
      phrases.add(problem.phrase);
    } else if (problem.itemNo !== undefined && /牵头单位/.test(problem.message)) {
      fixes.push({ kind: 'lead', itemNo: problem.itemNo, problem });
    } else if (problem.itemNo !== undefined && /^完成时限/.test(problem.message)) {
      fixes.push({ kind: 'date', itemNo: problem.itemNo, problem });
    } else {
      fixes.push({ kind: 'other', problem });
    }
  }
  return fixes;
}

/** The notes the admin should read but need not act on. */
export function notesOf(problems: readonly CatalogProblem[]): CatalogProblem[] {
  return problems.filter((problem) => !problem.blocking);
}

/** The choices sent: only those made, so that an empty map is not sent at all. */
export function choicePayload(choices: Choices) {
  const payload: { phraseMap?: Choices['phraseMap']; leads?: Choices['leads']; dates?: Choices['dates'] } = {};
  if (Object.keys(choices.phraseMap).length > 0) payload.phraseMap = choices.phraseMap;
  if (Object.keys(choices.leads).length > 0) payload.leads = choices.leads;
  if (Object.keys(choices.dates).length > 0) payload.dates = choices.dates;
  return payload;
}

/** The years a list may be published for: this year and the next two (next year first chosen). */
export function yearOptions(today: string): number[] {
  const year = Number(today.slice(0, 4));
  return [year, year + 1, year + 2];
}

/** Ready-made choices for a phrase that stands for many units: every township, every street … */
export function unitGroups(units: readonly DirectoryUnit[]): Array<{ label: string; ids: string[] }> {
  const active = units.filter((unit) => !unit.disabled);
  const of = (...kinds: DirectoryUnit['kind'][]) =>
    active.filter((unit) => kinds.includes(unit.kind)).map((unit) => unit.id);
  return [
    { label: '全部乡镇', ids: of('township') },
    { label: '全部街道', ids: of('street') },
    { label: '全部乡镇和街道', ids: of('township', 'street') },
    { label: '全部区政府部门', ids: of('department') },
    { label: '全部区直单位', ids: of('agency') },
  ].filter((group) => group.ids.length > 0);
}

/** Unit names for ids, in the directory's order; ids it lacks left out. */
export function namesOf(ids: readonly string[], units: readonly DirectoryUnit[]): string[] {
  const wanted = new Set(ids);
  return units.filter((unit) => wanted.has(unit.id)).map((unit) => unit.name);
}

/** A short list of names: the first few and how many more. */
export function shortList(names: readonly string[], shown = 4): string {
  if (names.length <= shown) return names.join('、');
  return `${names.slice(0, shown).join('、')}等${names.length}个单位`;
}

/** The draft's items under their indicators, as the document orders them. */
export function itemsByIndicator(
  indicators: readonly IndicatorLevel1[],
  items: readonly DraftItemView[],
): Array<{ label: string; groups: Array<{ label: string; items: DraftItemView[] }> }> {
  const byNo = new Map(items.map((item) => [item.no, item]));
  return indicators.map((level1) => ({
    label: level1.label,
    groups: level1.children.map((level2) => ({
      label: level2.label,
      items: level2.items.flatMap((no) => (byNo.has(no) ? [byNo.get(no) as DraftItemView] : [])),
    })),
  }));
}

/** One line on what publishing does to a year's tasks. */
export function impactLine(impact: NonNullable<CatalogPreviewReply['impact']>[number]): string {
  const parts = [`新增${impact.added}项`, `有变化${impact.changed}项`, `移出${impact.dropped}项`];
  return `${impact.year}年：发布后共${impact.after}项任务（现有${impact.before}项；${parts.join('，')}）`;
}

/** Whether the list as previewed may be published: nothing blocking left, a year chosen. */
export function canPublish(preview: CatalogPreviewReply | null, years: readonly number[]): boolean {
  return preview !== null && preview.blocking === 0 && years.length > 0;
}

/** Dropped tasks that have evidence or a report, over the years previewed. */
export function droppedWork(preview: CatalogPreviewReply | null) {
  return (preview?.impact ?? []).flatMap((impact) =>
    impact.droppedWithWork.map((task) => ({ ...task, year: impact.year })),
  );
}

/** The years a list applies to, in words: 2027年及以后 · 此前各年 · 已被后来的清单取代. */
export function listYearsWords(list: Pick<CatalogListInfo, 'years' | 'andLater'>): string {
  if (list.years === null) return list.andLater ? '各年' : '此前各年（早于已发布的清单）';
  if (list.years.length === 0) return list.andLater ? '以后各年' : '已被后来的清单取代';
  return `${list.years.join('、')}年${list.andLater ? '及以后' : ''}`;
}
