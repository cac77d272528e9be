import { z } from 'zod';
import { authorize } from '../../src/core/authorization';
import { loadDistrictContext, unitName } from '../districtContext';
import { memberHandler } from '../handler';
import { id } from '../validation';

export default memberHandler(
  'admin.users.list',
  z.object({ unitId: id.optional() }).strict(),
  async (input, { api, actor }) => {
    authorize(actor, { kind: 'admin' });
    const context = await loadDistrictContext(api.store, actor.districtId);
    const users = await api.store.listUsers(actor.districtId, input.unitId ? { unitId: input.unitId } : {});
    return {
      users: users.map((user) => ({
        openid: user.openid,
        name: user.name,
        role: user.role,
        unitId: user.unitId,
        unitName: unitName(context, user.unitId),
        disabled: user.disabled,
        createdAt: user.createdAt,
      })),
    };
  },
);
