/** The month-by-month trend as columns: pure arithmetic, so the chart itself is only Views. */

export interface TrendPoint {
  month: string;
  completionRate: number;
  reportRate: number;
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
