import { UNITS_AT_ONCE } from '../../server/reminders/job';
import { runCloudScenario, type CloudScenarioResult } from '../support/cloudScenario';

/**
 * The WeChat cloud answers each request in a few milliseconds and a function has 20 s (remind
 * 60 s): the budgets are in requests, which do not wobble, counted by the emulator with the real
 * wx-server-sdk, each action on a cold function instance.
 */
describe('request budgets on the WeChat cloud (8 ms a request)', () => {
  let result: CloudScenarioResult;

  beforeAll(async () => {
    result = await runCloudScenario(8);
  }, 300_000);

  it.each([
    ['tasks.list (a unit’s first of the year)', 50],
    ['tasks.get', 20],
    ['report.submit', 30],
    ['review.queue', 30],
    ['summary.district (cold)', 30],
  ])('%s stays within %i requests', (action, budget) => {
    expect(result.actions[action].requests).toBeGreaterThan(0);
    expect(result.actions[action].requests).toBeLessThanOrEqual(budget);
  });

  it('gets 20 concurrent submits from 20 units on tasks due the same day through, none refused, counters exact', () => {
    expect(result.concurrentSubmits).toMatchObject({ sent: 20, ok: 20, conflicts: 0, counterDrift: 0 });
  });

  it('runs the daily reminders of the whole district within the remind function’s 60 s', () => {
    expect(result.remind.raised).toBeGreaterThan(1000);
    // The units are worked UNITS_AT_ONCE at a time: their requests share the minute.
    expect((result.remind.requests * result.latencyMs) / UNITS_AT_ONCE).toBeLessThan(60_000);
  });
});
