import type { IsoDate } from '../dates';

/** Which units a per-year count applies to, as the sentence that states it names them. */
export type CountAppliesTo = 'all' | 'government' | 'department' | 'lead';

/** A deadline on the same month and day every year (item 1: 03-01 and 04-01). */
export interface FixedDeadline {
  key: string;
  monthDay: string;
  /** What is due, e.g. 报告（上一年度）. */
  label: string;
  /** The period the report covers, as the text says it: 上一年度, 当年上半年 … */
  covers: string;
  quote: string;
}

/** A deadline counted from an event the unit records (item 13: 5 working days after adjusting). */
export interface EventRule {
  key: string;
  trigger: string;
  action: string;
  within: number;
  unit: 'workingDays' | 'calendarDays';
  quote: string;
}

export interface CountRule {
  label: string;
  min: number;
  unit: string;
  perPerson: boolean;
  appliesTo: CountAppliesTo;
  quote: string;
}

export interface MeasureRule {
  label: string;
  kind: 'percent' | 'headcount';
  target: number;
  orAbove: boolean;
  quote: string;
}

export type ScheduleKind =
  | 'fixedAnnual'
  | 'twiceYearly'
  | 'quarterly'
  | 'monthly'
  | 'target'
  | 'event'
  | 'counted'
  | 'measured'
  | 'openEnded'
  | 'defaultAnnual';

/**
 * How a 完成时限 the document states for an item was read (a column, a `完成时限：` line, or a
 * phrase in the units bracket). The 昌江 list has none: its dates are in the item text.
 * - `once`: a date with a year (2025年6月底前): the schedule's target.
 * - `annual`: a month and day without a year (12月31日前, 年底前, 上半年): a fixed deadline every year.
 * - `repeat`: 每季度, 每半年, 每月: fixed deadlines at the end of each period.
 * - `yearly`: 每年: once a year on the district's default date.
 * - `openEnded`: 长期坚持, 持续推进: no date; yearly on the district's default date.
 */
export type DeadlineKind = 'once' | 'annual' | 'repeat' | 'yearly' | 'openEnded';

export interface DeadlinePhrase {
  /** As written. */
  text: string;
  kinds: DeadlineKind[];
}

export interface Schedule {
  kinds: ScheduleKind[];
  deadlines: FixedDeadline[];
  target: { date: IsoDate; quote: string } | null;
  events: EventRule[];
  counts: CountRule[];
  measures: MeasureRule[];
  /** Whether the item also (or only) gives a yearly task due on the district's default date. */
  defaultAnnual: boolean;
  /** The stated 完成时限, when the document has one (absent for the 昌江 list). */
  phrase?: DeadlinePhrase;
}

export interface CatalogItem {
  no: number;
  /** 一级指标 and 二级指标 numbers (1-based, as the document numbers them). */
  level1: number;
  level2: number;
  /** Official text exactly as written. */
  text: string;
  /** A short title for lists. */
  title: string;
  leadUnits: string[];
  /** 责任单位, then any 配合单位 (they carry the item too, as responsible units). */
  responsibleUnits: string[];
  schedule: Schedule;
  /** The 完成时限 as written, when the document states one (absent for the 昌江 list). */
  deadline?: string;
  /** 配合单位 as written, when the document names them apart (also listed in responsibleUnits). */
  cooperatingUnits?: string[];
}

export interface IndicatorLevel2 {
  no: number;
  label: string;
  name: string;
  items: number[];
}

export interface IndicatorLevel1 {
  no: number;
  label: string;
  name: string;
  children: IndicatorLevel2[];
}

export interface CatalogSource {
  title: string;
  docNo: string;
  issuedDate: IsoDate | null;
}

export interface Catalog {
  source: CatalogSource;
  indicators: IndicatorLevel1[];
  items: CatalogItem[];
}

/** One table row as read from a source document, before interpretation. */
export interface RawRow {
  /** Where the row starts: a line of the text export, or a row of the .docx table. */
  line: number;
  cells: string[];
}

export interface RawDocument {
  format: 'text' | 'docx';
  preamble: string[];
  rows: RawRow[];
}
