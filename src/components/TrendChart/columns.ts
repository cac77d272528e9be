import { formatDate, percent } from '../../utils/format';

/** The month-by-month trend as columns: pure arithmetic, so the chart itself is only Views. */

export interface TrendPoint {
  month: string;
  completionRate: number;
  reportRate: number;
  /** The day the month's point counts to: its last day, or the summary's date in its month. */
  asOf?: string;
  total?: number;
  reported?: number;
  approved?: number;
}

export interface TrendColumn {
  month: string;
  /** 1月 … 12月 */
  label: string;
  completionRate: number;
  reportRate: number;
  /** Heights as fractions of the chart's height (0…1), against `scaleMax`. */
  completionHeight: number;
  reportHeight: number;
}

export interface TrendColumns {
  /** The rate at the top of the chart: the next 10% above the highest value (at least 10%). */
  scaleMax: number;
  columns: TrendColumn[];
  /** The last month's rates, for the caption. */
  latest: TrendPoint | null;
}

const clamp = (value: number) => Math.max(0, Math.min(1, value));

export function trendColumns(trend: TrendPoint[] | undefined | null): TrendColumns {
  const points = trend ?? [];
  const highest = points.reduce((max, point) => Math.max(max, point.completionRate, point.reportRate), 0);
  const scaleMax = Math.min(1, Math.max(0.1, Math.ceil(highest * 10 - 1e-9) / 10));
  return {
    scaleMax,
    latest: points.length > 0 ? points[points.length - 1] : null,
    columns: points.map((point) => ({
      month: point.month,
      label: `${Number(point.month.slice(5, 7))}月`,
      completionRate: point.completionRate,
      reportRate: point.reportRate,
      completionHeight: clamp(point.completionRate / scaleMax),
      reportHeight: clamp(point.reportRate / scaleMax),
    })),
  };
}

/**
 * The caption under the chart: the last point, as of its date, with its counts; it counts what the
 * rings count, so on the same screen it reads the same: 截至12月2日：报送率 36.9%（421/1140）….
 */
export function trendCaption(latest: TrendPoint | null): string | null {
  if (!latest) return null;
  const when = latest.asOf ? `截至${formatDate(latest.asOf)}` : `${Number(latest.month.slice(5, 7))}月底`;
  const of = (part: number | undefined) =>
    part !== undefined && latest.total !== undefined ? `（${part}/${latest.total}）` : '';
  return `${when}：报送率 ${percent(latest.reportRate)}${of(latest.reported)}，完成率 ${percent(latest.completionRate)}${of(latest.approved)}`;
}
