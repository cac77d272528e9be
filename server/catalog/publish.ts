import type { CatalogImpact, CatalogListInfo, DroppedWork, ItemChange } from '../../src/contract/replies';
import type { Actor } from '../../src/core/authorization';
import {
  aliasesToRemember,
  catalogOfChoices,
  previewWithChoices,
  type CatalogChoices,
} from '../../src/core/catalog/choices';
import { blockingProblems, type CatalogInput, type CatalogPreview } from '../../src/core/catalog/preview';
import type { Catalog, CatalogItem } from '../../src/core/catalog/types';
import { yearOf } from '../../src/core/dates';
import { DomainError } from '../../src/core/errors';
import {
  dropByList,
  listedChanges,
  listedFieldsOf,
  restoreByList,
  updateFromList,
  type ListedFields,
} from '../../src/core/listChanges';
import { BASE_CATALOG_ID, type CatalogRecord, type GuidanceRecord, type TaskRecord } from '../../src/core/model';
import { taskForEvent } from '../../src/core/schedule/tasks';
import { unresolvedPhrases } from '../../src/core/units';
import type { Step, Transition } from '../../src/core/workflow';
import type { ApiContext } from '../context';
import {
  buildCatalogView,
  catalogForYear,
  findItem,
  forgetDistrictContext,
  unitName,
  type CatalogView,
  type DistrictContext,
} from '../districtContext';
import { applyToStoredTask } from '../systemChanges';
import { derivedTasks, taskYearRange, todayOf } from '../tasks';
import { listInfo } from './views';

/** The admin's choices and the years, as the preview and publish payloads carry them. */
export interface PublishChoices extends CatalogChoices {
  years?: number[];
}

/** The draft of a list with the admin's choices applied, against the district's directory. */
export function previewFor(context: DistrictContext, input: CatalogInput, choices: CatalogChoices): CatalogPreview {
  return previewWithChoices(input, {
    directory: context.directory,
    defaultDueDate: context.district.defaultDueDate,
    ...choices,
  });
}

/** The years a list may be published for: from the district's first year to two years ahead. */
export function checkYears(api: ApiContext, context: DistrictContext, years: number[]): number[] {
  const { first } = taskYearRange(context, todayOf(api));
  const last = yearOf(todayOf(api)) + 2;
  const unique = [...new Set(years)].sort((a, b) => a - b);
  const outside = unique.find((year) => year < first || year > last);
  if (outside !== undefined) {
    throw new DomainError('INVALID_ARGUMENT', `只能为${first}年至${last}年发布任务清单（${outside}年不在其中）`);
  }
  return unique;
}

const hasWork = (task: TaskRecord) =>
  task.evidenceCount > 0 ||
  task.firstSubmittedAt !== null ||
  task.status === 'submitted' ||
  task.status === 'approved' ||
  task.status === 'returned';

/** What the new list wants of a stored task; null when it no longer gives the task. */
function wantedOf(view: CatalogView, task: TaskRecord, derived: Map<string, TaskRecord>) {
  const item = view.itemsByNo.get(task.itemNo);
  if (!item) return null;
  if (task.kind === 'event' && task.eventDate) {
    const ruleKey = task.key.slice(0, task.key.length - task.eventDate.length - 1);
    try {
      const spec = taskForEvent(task.unitId, task.itemNo, task.eventDate, view.schedule, ruleKey);
      return { item, fields: listedFieldsOf(spec, item.level1, item.level2) };
    } catch {
      return null;
    }
  }
  const record = derived.get(task.id);
  if (!record) return null;
  return { item, fields: listedFieldsOf(record, item.level1, item.level2) };
}

type Plan =
  | { kind: 'update'; task: TaskRecord; fields: ListedFields; textChanged: boolean }
  | { kind: 'restore'; task: TaskRecord; fields: ListedFields; textChanged: boolean }
  | { kind: 'drop'; task: TaskRecord };

interface YearPlan {
  impact: CatalogImpact;
  plans: Plan[];
}

/**
 * What publishing `next` for a year does to its tasks: the tasks the year has now (derived from
 * its list, or stored) against those the new list gives. Stored tasks whose item is unchanged
 * (number and text) and that the new list still gives are kept as they are; those it gives with
 * other particulars take them and keep their work; those it no longer gives are dropped — kept,
 * with their evidence and history, out of every total.
 */
async function planYear(
  api: ApiContext,
  context: DistrictContext,
  next: CatalogView,
  current: CatalogListInfo,
  year: number,
): Promise<YearPlan> {
  const old = context.forYear(year);
  const stored = await api.store.listTasks(context.district.id, { year });
  const before = new Map(derivedTasks(context, year, old));
  for (const task of stored) before.set(task.id, task);
  const after = derivedTasks(context, year, next);

  const plans: Plan[] = [];
  const byItem = new Map<number, { added: number; changed: number; dropped: number; withWork: number }>();
  const tally = (itemNo: number, key: 'added' | 'changed' | 'dropped', work: boolean) => {
    const counts = byItem.get(itemNo) ?? { added: 0, changed: 0, dropped: 0, withWork: 0 };
    counts[key] += 1;
    if (work) counts.withWork += 1;
    byItem.set(itemNo, counts);
  };
  const droppedWithWork: DroppedWork[] = [];
  let counted = 0;
  let unchanged = 0;
  let changed = 0;
  let added = 0;
  let dropped = 0;

  for (const task of before.values()) {
    const isStored = task.version > 0;
    const wasDropped = Boolean(task.exemption?.catalogDrop);
    if (!wasDropped) counted += 1;
    const wanted = wantedOf(next, task, after);
    const oldItem = old.itemsByNo.get(task.itemNo);
    if (!wanted) {
      if (wasDropped) continue;
      dropped += 1;
      tally(task.itemNo, 'dropped', isStored && hasWork(task));
      if (!isStored) continue;
      plans.push({ kind: 'drop', task });
      if (hasWork(task)) {
        droppedWithWork.push({
          id: task.id,
          unitName: unitName(context, task.unitId),
          itemNo: task.itemNo,
          title: findItem(context, year, task.itemNo)?.item.title ?? `第${task.itemNo}项`,
          label: task.label,
          status: task.status,
          evidenceCount: task.evidenceCount,
        });
      }
      continue;
    }
    const textChanged = oldItem !== undefined && oldItem.text !== wanted.item.text;
    if (wasDropped) {
      added += 1;
      tally(task.itemNo, 'added', hasWork(task));
      plans.push({ kind: 'restore', task, fields: wanted.fields, textChanged });
      continue;
    }
    const differs = textChanged || listedChanges(task, wanted.fields).length > 0;
    if (!differs) {
      unchanged += 1;
      continue;
    }
    changed += 1;
    tally(task.itemNo, 'changed', isStored && hasWork(task));
    if (isStored) plans.push({ kind: 'update', task, fields: wanted.fields, textChanged });
  }
  for (const task of after.values()) {
    if (before.has(task.id)) continue;
    added += 1;
    tally(task.itemNo, 'added', false);
  }

  const items: CatalogImpact['items'] = [...byItem.entries()]
    .sort(([a], [b]) => a - b)
    .map(([itemNo, counts]) => {
      const oldItem = old.itemsByNo.get(itemNo);
      const newItem = next.itemsByNo.get(itemNo);
      const change: ItemChange = !oldItem ? 'added' : !newItem ? 'dropped' : 'changed';
      return {
        itemNo,
        title: (newItem ?? oldItem)?.title ?? `第${itemNo}项`,
        change,
        tasks: counts.added + counts.changed + counts.dropped,
        withWork: counts.withWork,
      };
    });
  // Items whose text changed but whose tasks the year does not have (no unit assigned) still show.
  for (const item of next.catalog.items) {
    const oldItem = old.itemsByNo.get(item.no);
    if (oldItem && oldItem.text !== item.text && !byItem.has(item.no)) {
      items.push({ itemNo: item.no, title: item.title, change: 'changed', tasks: 0, withWork: 0 });
    }
  }
  items.sort((a, b) => a.itemNo - b.itemNo);

  return {
    impact: {
      year,
      current,
      before: counted,
      after: after.size + stored.filter((task) => task.kind === 'event' && wantedOf(next, task, after)).length,
      added,
      changed,
      dropped,
      unchanged,
      stored: stored.length,
      items,
      droppedWithWork,
    },
    plans,
  };
}

/** A view of a draft's catalog, as if published (nothing stored). */
const DRAFT_ID = 'draft';

function draftView(context: DistrictContext, catalog: Catalog): CatalogView {
  return buildCatalogView(DRAFT_ID, catalog, null, context.directory, context.calendar);
}

/** The catalog a preview would publish: blocking problems refused, every unit found. */
export function catalogToPublish(context: DistrictContext, preview: CatalogPreview, choices: CatalogChoices): Catalog {
  const blocking = blockingProblems(preview);
  if (blocking.length > 0) {
    const shown = blocking.slice(0, 3).map((problem) => `${problem.where}${problem.message}`);
    throw new DomainError(
      'FAILED_PRECONDITION',
      `还有${blocking.length}处需要先处理：${shown.join('；')}${blocking.length > 3 ? '……' : ''}`,
    );
  }
  const catalog = catalogOfChoices(preview, context.directory, choices.phraseMap);
  const lost = unresolvedPhrases(catalog, context.directory);
  if (lost.length > 0) {
    throw new DomainError('FAILED_PRECONDITION', `单位名录中找不到“${lost.join('、')}”：请为它们选择对应的单位`);
  }
  return catalog;
}

/**
 * The years whose list changes when a list is published for `years`: those, and the later years
 * it goes on to apply to (up to the last a list may be published for), where none names them.
 */
export function affectedYears(api: ApiContext, context: DistrictContext, years: number[]): number[] {
  const { first } = taskYearRange(context, todayOf(api));
  const last = Math.max(yearOf(todayOf(api)) + 2, ...years);
  const draft = { id: DRAFT_ID, years } as CatalogRecord;
  const withDraft = [...context.catalogs, draft];
  const listOf = (catalogs: CatalogRecord[], year: number) => catalogForYear(catalogs, year)?.id ?? BASE_CATALOG_ID;
  const affected: number[] = [];
  for (let year = Math.min(first, ...years); year <= last; year += 1) {
    if (listOf(context.catalogs, year) !== listOf(withDraft, year)) affected.push(year);
  }
  return affected;
}

/** What publishing a catalog for those years would do to each affected year's tasks (nothing stored). */
export async function impactOf(
  api: ApiContext,
  context: DistrictContext,
  catalog: Catalog,
  years: number[],
): Promise<CatalogImpact[]> {
  const view = draftView(context, catalog);
  const plans = await Promise.all(
    affectedYears(api, context, years).map((year) =>
      planYear(api, context, view, listInfo(context, context.forYear(year)), year),
    ),
  );
  return plans.map((plan) => plan.impact);
}

const sameItem = (a: CatalogItem | undefined, b: CatalogItem) => a !== undefined && a.text === b.text;

/**
 * Publishes a list for years. Refused — nothing written — while anything blocking is left, or
 * when it would drop tasks that have evidence or a report and the admin has not confirmed
 * (`confirmDrop`). Then: the list is stored (with the guidance of unchanged items carried over
 * from the list it takes the years of), the stored tasks of those years follow it, and the phrases
 * the admin mapped are remembered as aliases of their units.
 */
export async function publishCatalog(
  api: ApiContext,
  context: DistrictContext,
  input: CatalogInput,
  choices: CatalogChoices & { years: number[]; confirmDrop?: boolean },
  actor: Actor,
  actorName: string,
) {
  const years = checkYears(api, context, choices.years);
  const preview = previewFor(context, input, choices);
  const catalog = catalogToPublish(context, preview, choices);
  const view = draftView(context, catalog);
  const yearPlans = await Promise.all(
    affectedYears(api, context, years).map((year) =>
      planYear(api, context, view, listInfo(context, context.forYear(year)), year),
    ),
  );
  const atRisk = yearPlans.flatMap((plan) => plan.impact.droppedWithWork);
  if (atRisk.length > 0 && !choices.confirmDrop) {
    const first = atRisk[0];
    throw new DomainError(
      'FAILED_PRECONDITION',
      `新清单不再包含${atRisk.length}项已有材料或已报送的任务（如${first.unitName}第${first.itemNo}项）：请确认后再发布，这些任务及其材料会保留，但不再计入统计`,
    );
  }

  const at = api.now().toISOString();
  const record: CatalogRecord = {
    districtId: context.district.id,
    id: `list-${api.newId()}`,
    years,
    catalog,
    publishedAt: at,
    publishedBy: actor.openid,
    publishedByName: actorName,
  };
  // The guidance written for an item carries over to the same item (number and text) of the new list.
  const from = context.forYear(years[0]);
  const written = await api.store.listGuidance(context.district.id, from.id);
  const carried: GuidanceRecord[] = written
    .filter((entry) => {
      const item = catalog.items.find((candidate) => candidate.no === entry.itemNo);
      return item !== undefined && sameItem(from.itemsByNo.get(entry.itemNo), item);
    })
    .map((entry) => ({ ...entry, catalogId: record.id }));
  await api.store.addCatalog(record, carried);

  const step: Step = {
    at,
    actor: { openid: actor.openid, name: actorName, role: actor.role, unitId: actor.unitId },
  };
  const title = catalog.source.title || '任务清单';
  for (const { plans, impact } of yearPlans) {
    const why = `${impact.year}年改用新发布的任务清单（${title}）`;
    for (const plan of plans) {
      await applyToStoredTask(api, plan.task, (current) => transitionOf(plan, current, step, record.id, why));
    }
  }

  const aliases = await rememberAliases(api, context, choices, at);
  forgetDistrictContext(context.district.id);
  const published: CatalogListInfo = {
    id: record.id,
    title,
    docNo: catalog.source.docNo,
    years,
    andLater: !context.catalogs.some((other) => other.years.some((year) => year > Math.max(...years))),
    publishedAt: at,
    publishedByName: actorName,
    itemCount: catalog.items.length,
  };
  return { catalog: published, impact: yearPlans.map((plan) => plan.impact), aliases };
}

function transitionOf(plan: Plan, current: TaskRecord, step: Step, catalogId: string, why: string): Transition | null {
  if (plan.kind === 'drop') return dropByList(current, step, catalogId, `${why}，新清单不再包含这项任务`);
  const note = plan.textChanged ? `${why}，第${current.itemNo}项原文有修改` : why;
  if (plan.kind === 'update') {
    return (
      updateFromList(current, step, plan.fields, note) ?? (plan.textChanged ? textOnly(current, step, note) : null)
    );
  }
  const restored = restoreByList(current, step, `${why}，新清单又包含这项任务`);
  if (!restored) return null;
  const updated = updateFromList(restored.after, step, plan.fields, note);
  return updated ? { after: updated.after, history: [...restored.history, ...updated.history] } : restored;
}

/** The item's text changed but nothing the task keeps: the history still tells the unit. */
function textOnly(task: TaskRecord, step: Step, note: string): Transition {
  return {
    after: { ...task, version: task.version + 1, updatedAt: step.at },
    history: [
      {
        districtId: task.districtId,
        taskId: task.id,
        at: step.at,
        actorOpenid: step.actor.openid,
        actorName: step.actor.name,
        actorRole: step.actor.role,
        actorUnitId: step.actor.unitId,
        action: 'catalog.update',
        fromStatus: task.status,
        toStatus: task.status,
        comment: null,
        detail: `${note}，请按新的原文核对材料`,
      },
    ],
  };
}

/** Each phrase the admin mapped, kept as an alias of the units chosen for it. */
async function rememberAliases(
  api: ApiContext,
  context: DistrictContext,
  choices: CatalogChoices,
  at: string,
): Promise<Array<{ phrase: string; unitNames: string[] }>> {
  const byUnit = aliasesToRemember(context.directory, choices.phraseMap ?? {});
  const byPhrase = new Map<string, string[]>();
  for (const [unitId, phrases] of byUnit) {
    const unit = context.unitsById.get(unitId);
    if (!unit) continue;
    await api.store.saveUnit({ ...unit, aliases: [...unit.aliases, ...phrases], updatedAt: at });
    for (const phrase of phrases) byPhrase.set(phrase, [...(byPhrase.get(phrase) ?? []), unit.name]);
  }
  return [...byPhrase.entries()].map(([phrase, unitNames]) => ({ phrase, unitNames }));
}
