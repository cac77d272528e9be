import type { Role } from '../../core/model';

/** Which entries the 工作台 shows a role: a pure function, so each role's page is tested. */
export interface WorkbenchPlan {
  /** review.queue: a card with the count (reviewers), or an entry only when something waits (leaders). */
  reviewQueue: 'card' | 'when-waiting' | null;
  /** summary.district: the leader's compact summary, or a plain entry. */
  district: 'summary' | 'entry' | null;
  /** summary.unit for the user's own unit. */
  ownUnit: boolean;
  admin: boolean;
  catalog: boolean;
}

export function workbenchPlan(role: Role): WorkbenchPlan {
  switch (role) {
    case 'leader':
      return { reviewQueue: 'when-waiting', district: 'summary', ownUnit: false, admin: false, catalog: true };
    case 'reviewer':
      return { reviewQueue: 'card', district: 'entry', ownUnit: true, admin: false, catalog: true };
    case 'admin':
      return { reviewQueue: null, district: 'entry', ownUnit: false, admin: true, catalog: true };
    case 'staff':
      return { reviewQueue: null, district: null, ownUnit: true, admin: false, catalog: true };
  }
}

/** Whether the review-queue entry shows, given the plan and how many reports wait. */
export function showsReviewQueue(plan: WorkbenchPlan, waiting: number | null): boolean {
  if (plan.reviewQueue === 'card') return true;
  return plan.reviewQueue === 'when-waiting' && (waiting ?? 0) > 0;
}
