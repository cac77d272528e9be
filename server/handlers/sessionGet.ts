import { z } from 'zod';
import { loadDistrictContext } from '../districtContext';
import { openHandler } from '../handler';

export default openHandler('session.get', z.object({}).strict(), async (_input, { api, user }) => {
  if (!user) return { user: null, unit: null, district: null };
  const context = await loadDistrictContext(api.store, user.districtId);
  const unit = context.unitsById.get(user.unitId);
  const { district } = context;
  return {
    user: { openid: user.openid, name: user.name, role: user.role, unitId: user.unitId, disabled: user.disabled },
    unit: unit ? { id: unit.id, name: unit.name, kind: unit.kind } : null,
    district: { id: district.id, name: district.name, fullName: district.fullName },
  };
});
