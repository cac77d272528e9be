import { counterDrift } from '../../server/counterDrift';
import type { Rates } from '../../src/core/rates';
import { createHarness, STORE_ADAPTERS, type Harness } from '../support/apiHarness';

const STAFF = 'd-staff-xijiao';
const REVIEWER = 'd-reviewer-sfj';
const LEADER = 'd-leader';
const ADMIN = 'd-admin';

const A = 'xijiao-2026-2-annual';
const B = 'xijiao-2026-3-annual';
const C = 'xijiao-2026-4-annual';
const D = 'xijiao-2026-5-annual';

/** The counts every rate comes from, and the totals adding up. */
function expectCoherent(rates: Rates): void {
  expect(rates.total).toBe(rates.approved + rates.submitted + rates.returned + rates.pending);
  expect(rates.reported).toBe(rates.submitted + rates.approved);
  const rate = (part: number, whole: number, empty: number) => (whole === 0 ? empty : part / whole);
  expect(rates.completionRate).toBeCloseTo(rate(rates.approved, rates.total, 0), 4);
  expect(rates.reportRate).toBeCloseTo(rate(rates.reported, rates.total, 0), 4);
  expect(rates.onTimeRate).toBeCloseTo(rate(rates.onTime, rates.due, 1), 4);
}

describe.each(STORE_ADAPTERS)('the dashboard’s numbers agree (%s store)', (adapter) => {
  let h: Harness;

  beforeEach(async () => {
    h = await createHarness({ now: '2026-01-05T02:00:00.000Z', adapter });
    await h.addUser(STAFF, 'staff', 'xijiao', '王经办');
    await h.addUser(REVIEWER, 'reviewer', 'sfj', '李审核');
    await h.addUser(LEADER, 'leader', 'zfb', '赵区长');
    await h.addUser(ADMIN, 'admin', 'sfj', '钱管理');
  });

  afterEach(async () => {
    expect(await counterDrift(h.store, 'changjiang', 2026)).toEqual([]);
    await h.close();
  });

  /** A year of work: reports made, returned, resubmitted, withdrawn, approved; one task exempt. */
  async function aYearOfWork() {
    const at = (iso: string) => h.setNow(`${iso}T02:00:00.000Z`);
    at('2026-03-05');
    await h.ok(STAFF, 'report.submit', { taskId: A, note: '三月报送', requestId: 'd-submit-01' });
    at('2026-05-10');
    await h.ok(STAFF, 'report.submit', { taskId: B, note: '五月报送', requestId: 'd-submit-02' });
    await h.ok(REVIEWER, 'report.review', { taskId: B, decision: 'return', comment: '请补充' });
    at('2026-06-10');
    await h.ok(STAFF, 'report.submit', { taskId: B, note: '六月补充', requestId: 'd-submit-03' });
    at('2026-07-10');
    await h.ok(STAFF, 'report.submit', { taskId: C, note: '七月报送', requestId: 'd-submit-04' });
    await h.ok(STAFF, 'report.withdraw', { taskId: C, requestId: 'd-withdraw-01' });
    at('2026-08-10');
    await h.ok(REVIEWER, 'report.review', { taskId: A, decision: 'approve' });
    await h.ok(STAFF, 'exemption.request', { taskId: D, reason: '不涉及' });
    await h.ok(REVIEWER, 'exemption.decide', { taskId: D, decision: 'approve' });
    at('2026-11-28');
  }

  it('the trend counts what the rings count: its last point is today’s totals, each point dated', async () => {
    await aYearOfWork();
    const summary = await h.ok(LEADER, 'summary.district', { year: 2026 });
    expect(summary.asOf).toBe('2026-11-28');
    const { totals, trend } = summary;
    expectCoherent(totals);
    expect([totals.reported, totals.approved, totals.exempt]).toEqual([2, 1, 1]);
    expect(trend).toHaveLength(11);
    const last = trend[trend.length - 1];
    expect(last).toEqual({
      month: '2026-11',
      asOf: '2026-11-28',
      total: totals.total,
      reported: totals.reported,
      approved: totals.approved,
      reportRate: totals.reportRate,
      completionRate: totals.completionRate,
    });
    expect(trend.map((point) => [point.month, point.asOf, point.reported, point.approved])).toEqual([
      ['2026-01', '2026-01-31', 0, 0],
      ['2026-02', '2026-02-28', 0, 0],
      ['2026-03', '2026-03-31', 1, 0],
      ['2026-04', '2026-04-30', 1, 0],
      // B was reported in May but returned: what stands is its June report.
      ['2026-05', '2026-05-31', 1, 0],
      ['2026-06', '2026-06-30', 2, 0],
      // C was reported and withdrawn in July: it counts nowhere.
      ['2026-07', '2026-07-31', 2, 0],
      ['2026-08', '2026-08-31', 2, 1],
      ['2026-09', '2026-09-30', 2, 1],
      ['2026-10', '2026-10-31', 2, 1],
      ['2026-11', '2026-11-28', 2, 1],
    ]);
    for (const point of trend) expect(point.total).toBe(totals.total);

    // Every row carries the counts its rates come from, and they add up.
    for (const unit of summary.units) expectCoherent(unit);
    for (const indicator of summary.indicators) {
      expectCoherent(indicator);
      for (const child of indicator.children ?? []) expectCoherent(child);
    }
    const xijiao = await h.ok(STAFF, 'summary.unit', { unitId: 'xijiao', year: 2026 });
    expectCoherent(xijiao.totals);
    expect(summary.units.find((unit) => unit.unitId === 'xijiao')).toMatchObject({
      total: xijiao.totals.total,
      reported: xijiao.totals.reported,
      exempt: 1,
    });
  });

  it('ranks only units with enough tasks due; the others follow, unranked, with their counts', async () => {
    await aYearOfWork();
    const early = await h.ok(LEADER, 'summary.district', { year: 2026, asOf: '2026-03-02' });
    expect(early.minDueToRank).toBe(3);
    expect(early.units.length).toBeGreaterThan(0);
    for (const unit of early.units) expect([unit.due < 3, unit.ranked, unit.rank]).toEqual([true, false, null]);

    const late = await h.ok(LEADER, 'summary.district', { year: 2026 });
    const ranked = late.units.filter((unit) => unit.ranked);
    expect(ranked.length).toBeGreaterThan(0);
    expect(ranked.map((unit) => unit.rank)).toEqual(ranked.map((_, index) => index + 1));
    const firstUnranked = late.units.findIndex((unit) => !unit.ranked);
    if (firstUnranked >= 0) expect(late.units.slice(firstUnranked).every((unit) => !unit.ranked)).toBe(true);
    for (const unit of late.units) expect(unit.ranked).toBe(unit.due >= late.minDueToRank);
    expect(ranked[0].completionRate).toBeGreaterThanOrEqual(ranked[ranked.length - 1].completionRate);
  });

  it('offers only the district’s years, and shows nothing overdue before it began', async () => {
    const session = await h.ok(LEADER, 'session.get', {});
    expect(session.years).toEqual([2026, 2027]);
    const before = await h.ok(LEADER, 'summary.district', { year: 2025, asOf: '2026-01-05' });
    expect(before.years).toEqual([2026, 2027]);
    expect(before.totals).toMatchObject({ total: 0, due: 0, overdue: 0, pending: 0 });
    expect([before.overdue, before.overdueCount]).toEqual([[], 0]);
    expect(before.trend.every((point) => point.reported === 0 && point.total === 0)).toBe(true);
    const list = await h.ok(STAFF, 'tasks.list', { year: 2025 });
    expect(list.tasks.filter((task) => task.light === 'red')).toEqual([]);
    expect(list.tasks).toEqual([]);
    expect(await h.ok(LEADER, 'summary.unit', { unitId: 'xijiao', year: 2025 })).toMatchObject({
      totals: { total: 0, overdue: 0 },
      overdue: [],
    });
  });

  it('tells the app where each role lands', async () => {
    const landing = async (openid: string) => {
      const { landing: page, reviewQueueCount } = await h.ok(openid, 'session.get', {});
      return [page, reviewQueueCount];
    };
    expect(await landing(LEADER)).toEqual(['dashboard', 0]);
    expect(await landing(ADMIN)).toEqual(['manage', null]);
    expect(await landing(STAFF)).toEqual(['tasks', null]);
    expect(await landing(REVIEWER)).toEqual(['tasks', 0]);
    await h.ok(STAFF, 'report.submit', { taskId: A, note: '已报送', requestId: 'd-submit-05' });
    await h.ok(STAFF, 'extension.request', { taskId: B, dueDate: '2027-01-31', reason: '理由' });
    expect(await landing(REVIEWER)).toEqual(['review', 2]);
    expect(await h.ok('nobody-bound', 'session.get', {})).toEqual({
      user: null,
      unit: null,
      district: null,
      years: [],
      reviewQueueCount: null,
      landing: 'tasks',
    });
  });
});
