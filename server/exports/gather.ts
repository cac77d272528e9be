import { daysBetween, shanghaiDate, type IsoDate } from '../../src/core/dates';
import type { EvidenceRecord, TaskRecord, UnitRecord } from '../../src/core/model';
import { ratesFromBuckets } from '../../src/core/rates';
import { isOverdue } from '../../src/core/status';
import { UNIT_KIND_LABEL } from '../../src/core/units';
import { openRequestOf, REQUEST_LABEL } from '../../src/core/workflow';
import type { ApiContext } from '../context';
import { indicatorsOf, itemOf, unitName, type DistrictContext } from '../districtContext';
import { bucketsByScope, indicatorRates, rounded, unitRanking } from '../summaries';
import { listYearTasks, yearCounters } from '../tasks';
import type { AnnualReportData, ReportTask } from './annualReport';
import type { DistrictWorkbookData } from './districtWorkbook';

/** The store reads behind the exports: the same counters and rankings as summary.district. */

function byUnitAndItem(context: DistrictContext) {
  const order = new Map(context.units.map((unit, index) => [unit.id, index]));
  return (a: TaskRecord, b: TaskRecord) =>
    (order.get(a.unitId) ?? 0) - (order.get(b.unitId) ?? 0) ||
    a.itemNo - b.itemNo ||
    a.dueDate.localeCompare(b.dueDate) ||
    a.id.localeCompare(b.id);
}

/** 不涉及 and 延期 in words, for the workbook's 明细 and the annual report. */
export function remarkOf(task: TaskRecord): string {
  const parts: string[] = [];
  if (task.status === 'exempt' && task.exemption) parts.push(`经牵头单位同意不涉及：${task.exemption.reason}`);
  if (task.originalDueDate) {
    const reason = task.extension?.status === 'approved' ? `（理由：${task.extension.reason}）` : '';
    parts.push(`经同意延期，截止日期由${task.originalDueDate}调整为${task.dueDate}${reason}`);
  }
  const open = openRequestOf(task);
  if (open) parts.push(`${REQUEST_LABEL[open]}申请待牵头单位审批`);
  return parts.join('；');
}

const decidedOn = (instant: string | null) => (instant ? shanghaiDate(new Date(instant)) : null);

function taskRow(task: TaskRecord, context: DistrictContext, asOf: IsoDate) {
  const { title } = itemOf(context, task.year, task.itemNo);
  const { itemNo, label, dueDate, status } = task;
  return {
    unitName: unitName(context, task.unitId),
    itemNo,
    title,
    label,
    dueDate,
    status,
    daysOverdue: daysBetween(dueDate, asOf),
  };
}

export async function gatherDistrictWorkbook(
  api: ApiContext,
  context: DistrictContext,
  year: number,
  asOf: IsoDate,
): Promise<DistrictWorkbookData> {
  const [counters, tasks] = await Promise.all([
    yearCounters(api, context, year),
    listYearTasks(api, context, { year }),
  ]);
  tasks.sort(byUnitAndItem(context));
  const byScope = bucketsByScope(counters);
  const labels = new Map<string, string>();
  for (const level1 of indicatorsOf(context, year)) {
    labels.set(`1:${level1.no}`, level1.label);
    for (const level2 of level1.children) labels.set(`2:${level2.no}`, level2.label);
  }
  return {
    districtName: context.district.name,
    year,
    asOf,
    generatedAt: api.now(),
    totals: rounded(ratesFromBuckets(byScope.get('district') ?? [], asOf)),
    units: unitRanking(context, byScope, asOf).map((unit) => ({ ...unit, kindLabel: UNIT_KIND_LABEL[unit.kind] })),
    indicators: indicatorRates(context, year, byScope, asOf).flatMap(({ children, ...level1 }) => [
      { ...level1, level: 1 as const, label: labels.get(`1:${level1.no}`) ?? level1.name },
      ...children.map((level2) => ({
        ...level2,
        level: 2 as const,
        label: labels.get(`2:${level2.no}`) ?? level2.name,
      })),
    ]),
    overdue: tasks
      .filter((task) => isOverdue(task, asOf))
      .map((task) => taskRow(task, context, asOf))
      .sort((a, b) => b.daysOverdue - a.daysOverdue),
    tasks: tasks.map((task) => ({
      ...taskRow(task, context, asOf),
      firstSubmittedOn: task.firstSubmittedOn,
      reviewedOn: task.reviewedAt ? shanghaiDate(new Date(task.reviewedAt)) : null,
      reviewComment: task.reviewComment,
      evidenceCount: task.evidenceCount,
      originalDueDate: task.originalDueDate,
      remark: remarkOf(task),
    })),
    exemptions: tasks
      .filter((task) => task.status === 'exempt')
      .map((task) => ({
        ...taskRow(task, context, asOf),
        reason: task.exemption?.reason ?? '',
        decidedOn: decidedOn(task.exemption?.decidedAt ?? null),
        decidedByName: task.exemption?.decidedByName ?? null,
      })),
  };
}

/** Photos shown as thumbnails: JPEG and PNG only, each and all together kept to a size a document can carry. */
export const PHOTO_LIMITS = {
  types: ['image/jpeg', 'image/png'],
  maxBytes: 5 << 20,
  maxTotalBytes: 30 << 20,
  maxCount: 60,
};
const PARALLEL = 4;

async function inBatches<T, R>(items: T[], run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += PARALLEL) {
    results.push(...(await Promise.all(items.slice(start, start + PARALLEL).map(run))));
  }
  return results;
}

/** The bytes of the photos to show, by file id; a photo that cannot be read is left out (its name still listed). */
async function readPhotos(api: ApiContext, evidence: EvidenceRecord[]): Promise<Map<string, Buffer>> {
  const chosen = new Map<string, EvidenceRecord>();
  let total = 0;
  for (const record of evidence) {
    if (!PHOTO_LIMITS.types.includes(record.mime) || record.size > PHOTO_LIMITS.maxBytes) continue;
    if (chosen.has(record.fileId) || chosen.size >= PHOTO_LIMITS.maxCount) continue;
    if (total + record.size > PHOTO_LIMITS.maxTotalBytes) continue;
    total += record.size;
    chosen.set(record.fileId, record);
  }
  const read = await inBatches([...chosen.keys()], async (fileId) => {
    try {
      return [fileId, await api.files.read(fileId)] as const;
    } catch (error) {
      api.log?.('annual report: photo left out', { fileId, error });
      return null;
    }
  });
  return new Map(read.filter((entry): entry is readonly [string, Buffer] => entry !== null));
}

export async function gatherAnnualReport(
  api: ApiContext,
  context: DistrictContext,
  unit: UnitRecord,
  year: number,
  asOf: IsoDate,
): Promise<AnnualReportData> {
  const districtId = context.district.id;
  const all = (await listYearTasks(api, context, { unitId: unit.id, year })).sort(byUnitAndItem(context));
  const tasks = all.filter((task) => task.status !== 'exempt');
  const withEvidence = tasks.filter((task) => task.evidenceCount > 0);
  const instructions = (await api.store.listInstructions(districtId, { unitId: unit.id, limit: 1000 }))
    .filter((instruction) => shanghaiDate(new Date(instruction.createdAt)).slice(0, 4) === String(year))
    .reverse();
  const labels = new Map(all.map((task) => [task.id, `第${task.itemNo}项（${task.label}）`]));
  const lists = await inBatches(withEvidence, (task) => api.store.listEvidenceForTask(districtId, task.id));
  const evidenceOf = new Map(withEvidence.map((task, index) => [task.id, lists[index]]));
  const photos = await readPhotos(api, lists.flat());
  const reportTask = (task: TaskRecord): ReportTask => ({
    ...task,
    title: itemOf(context, task.year, task.itemNo).title,
    remark: remarkOf(task),
    evidence: (evidenceOf.get(task.id) ?? []).map((record) => ({
      name: record.name,
      photo: photos.get(record.fileId),
    })),
  });
  const { source, indicators } = context.forYear(year).catalog;
  return {
    unitName: unit.name,
    year,
    asOf,
    source: { title: source.title, docNo: source.docNo },
    sections: indicators.map((level1) => ({
      name: level1.name,
      tasks: tasks.filter((task) => task.level1 === level1.no).map(reportTask),
    })),
    overdue: tasks
      .filter((task) => isOverdue(task, asOf))
      .map((task) => taskRow(task, context, asOf))
      .sort((a, b) => b.daysOverdue - a.daysOverdue || a.itemNo - b.itemNo),
    exemptions: all
      .filter((task) => task.status === 'exempt')
      .map((task) => ({
        itemNo: task.itemNo,
        title: itemOf(context, task.year, task.itemNo).title,
        label: task.label,
        reason: task.exemption?.reason ?? '',
        decidedOn: decidedOn(task.exemption?.decidedAt ?? null),
      })),
    instructions: instructions.map((instruction) => ({
      date: shanghaiDate(new Date(instruction.createdAt)),
      authorName: instruction.authorName,
      text: instruction.text,
      on: instruction.taskId ? (labels.get(instruction.taskId) ?? null) : null,
    })),
  };
}
