import { trendCaption, trendColumns } from '../../src/components/TrendChart/columns';

describe('the monthly trend as columns', () => {
  it('scales to the next 10% above the highest rate, so small progress is still visible', () => {
    const { scaleMax, columns, latest } = trendColumns([
      { month: '2026-01', completionRate: 0.014, reportRate: 0.0193 },
      { month: '2026-11', completionRate: 0.2623, reportRate: 0.4325 },
    ]);
    expect(scaleMax).toBeCloseTo(0.5);
    expect(columns.map((column) => column.label)).toEqual(['1月', '11月']);
    expect(columns[1].reportHeight).toBeCloseTo(0.865);
    expect(columns[1].completionHeight).toBeCloseTo(0.5246);
    expect(latest?.month).toBe('2026-11');
  });

  it('keeps a rate on a tenth exactly at the top, and caps the scale at 100%', () => {
    expect(trendColumns([{ month: '2026-03', completionRate: 0.2, reportRate: 0.3 }]).scaleMax).toBeCloseTo(0.3);
    const full = trendColumns([{ month: '2026-12', completionRate: 1, reportRate: 1 }]);
    expect(full.scaleMax).toBe(1);
    expect(full.columns[0].reportHeight).toBe(1);
  });

  it('uses at least a 10% scale when nothing has been done yet, and no columns for no months', () => {
    const quiet = trendColumns([{ month: '2026-01', completionRate: 0, reportRate: 0 }]);
    expect(quiet.scaleMax).toBeCloseTo(0.1);
    expect(quiet.columns[0].reportHeight).toBe(0);
    expect(trendColumns(undefined)).toEqual({ scaleMax: 0.1, columns: [], latest: null });
  });
});

describe('the trend caption', () => {
  it('reads the last point as of its date, with its counts (what the rings show)', () => {
    const { latest } = trendColumns([
      {
        month: '2026-11',
        asOf: '2026-11-30',
        total: 1140,
        reported: 400,
        approved: 300,
        reportRate: 400 / 1140,
        completionRate: 300 / 1140,
      },
      {
        month: '2026-12',
        asOf: '2026-12-02',
        total: 1140,
        reported: 421,
        approved: 320,
        reportRate: 421 / 1140,
        completionRate: 320 / 1140,
      },
    ]);
    expect(trendCaption(latest)).toBe('截至12月2日：报送率 36.9%（421/1140），完成率 28.1%（320/1140）');
  });

  it('falls back to the month’s end without a date, and says nothing for no months', () => {
    expect(trendCaption({ month: '2026-03', reportRate: 0.5, completionRate: 0.25 })).toBe(
      '3月底：报送率 50%，完成率 25%',
    );
    expect(trendCaption(null)).toBeNull();
  });
});
