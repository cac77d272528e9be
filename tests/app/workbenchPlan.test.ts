import { showsReviewQueue, workbenchPlan } from '../../src/pages/workbench/plan';

describe('the 工作台 by role', () => {
  it('gives a reviewer the queue card with its count, the district, the own unit and the catalog', () => {
    const plan = workbenchPlan('reviewer');
    expect(plan).toEqual({ reviewQueue: 'card', district: 'entry', ownUnit: true, admin: false, catalog: true });
    expect(showsReviewQueue(plan, 0)).toBe(true);
  });

  it('gives a leader the district summary, and the queue only when reports wait for them', () => {
    const plan = workbenchPlan('leader');
    expect(plan.district).toBe('summary');
    expect(showsReviewQueue(plan, null)).toBe(false);
    expect(showsReviewQueue(plan, 0)).toBe(false);
    expect(showsReviewQueue(plan, 3)).toBe(true);
  });

  it('gives an admin 管理 and the district, and staff their own unit and the catalog, neither a queue', () => {
    expect(workbenchPlan('admin')).toMatchObject({ admin: true, district: 'entry', reviewQueue: null });
    expect(workbenchPlan('staff')).toEqual({
      reviewQueue: null,
      district: null,
      ownUnit: true,
      admin: false,
      catalog: true,
    });
    expect(showsReviewQueue(workbenchPlan('staff'), 5)).toBe(false);
  });
});
