import { z } from 'zod';
import type { Landing } from '../../src/contract/replies';
import { yearOf } from '../../src/core/dates';
import { loadDistrictContext } from '../districtContext';
import { openHandler } from '../handler';
import { reviewQueueEntries } from '../reviewQueue';
import { districtYears, todayOf } from '../tasks';

/**
 * Who the caller is, the years to offer, and where the app opens: 区领导 on 全区进展, an admin on
 * 管理, a reviewer on 审核 while something waits, everyone else on the task list.
 */
export default openHandler('session.get', z.object({}).strict(), async (_input, { api, user }) => {
  if (!user) return { user: null, unit: null, district: null, years: [], reviewQueueCount: null, landing: 'tasks' };
  const context = await loadDistrictContext(api.store, user.districtId);
  const unit = context.unitsById.get(user.unitId);
  const { district } = context;
  const today = todayOf(api);
  const actor = { openid: user.openid, role: user.role, unitId: user.unitId, districtId: user.districtId };
  const hasQueue = !user.disabled && (user.role === 'reviewer' || user.role === 'leader');
  const reviewQueueCount = hasQueue
    ? (await reviewQueueEntries(api, context, actor, { year: yearOf(today) })).length
    : null;
  const landing: Landing =
    user.role === 'leader'
      ? 'dashboard'
      : user.role === 'admin'
        ? 'manage'
        : user.role === 'reviewer' && (reviewQueueCount ?? 0) > 0
          ? 'review'
          : 'tasks';
  return {
    user: { openid: user.openid, name: user.name, role: user.role, unitId: user.unitId, disabled: user.disabled },
    unit: unit ? { id: unit.id, name: unit.name, kind: unit.kind } : null,
    district: { id: district.id, name: district.name, fullName: district.fullName },
    years: districtYears(context, today),
    reviewQueueCount,
    landing,
  };
});
