import { z } from 'zod';
import { DomainError } from '../../src/core/errors';
import { loadDistrictContext } from '../districtContext';
import { openHandler } from '../handler';

/** The demo identities, so a visitor can try every role. Demo mode only. */
export default openHandler('dev.users', z.object({}).strict(), async (_input, { api }) => {
  if (!api.demoMode) throw new DomainError('FORBIDDEN', '仅演示模式可用');
  const users = [];
  for (const district of await api.store.listDistricts()) {
    const context = await loadDistrictContext(api.store, district.id);
    for (const user of await api.store.listUsers(district.id)) {
      if (user.disabled) continue;
      const unit = context.unitsById.get(user.unitId);
      users.push({
        openid: user.openid,
        name: user.name,
        role: user.role,
        unitId: user.unitId,
        unitName: unit?.name ?? user.unitId,
        unitKind: unit?.kind ?? null,
        districtName: district.name,
      });
    }
  }
  return { users };
});
