import { z } from 'zod';
import { authorize } from '../../src/core/authorization';
import { DomainError } from '../../src/core/errors';
import { loadDistrictContext } from '../districtContext';
import { memberHandler } from '../handler';
import { id } from '../validation';

const schema = z
  .object({
    openid: z.string().min(1).max(128),
    role: z.enum(['staff', 'reviewer', 'leader', 'admin']).optional(),
    unitId: id.optional(),
    disabled: z.boolean().optional(),
  })
  .strict()
  .refine((input) => input.role !== undefined || input.unitId !== undefined || input.disabled !== undefined, {
    message: '：请至少修改一项（角色、单位或停用）',
  });

export default memberHandler('admin.user.update', schema, async (input, { api, actor }) => {
  authorize(actor, { kind: 'admin' });
  const target = await api.store.getUser(input.openid);
  if (!target || target.districtId !== actor.districtId) throw new DomainError('NOT_FOUND', '找不到这个人员');
  if (target.openid === actor.openid && (input.disabled || (input.role && input.role !== 'admin'))) {
    throw new DomainError('FAILED_PRECONDITION', '不能停用自己，也不能取消自己的管理员身份');
  }
  if (input.unitId !== undefined) {
    const context = await loadDistrictContext(api.store, actor.districtId);
    const unit = context.unitsById.get(input.unitId);
    if (!unit || unit.disabled) throw new DomainError('NOT_FOUND', '找不到该单位，或单位已停用');
  }
  const updated = {
    ...target,
    role: input.role ?? target.role,
    unitId: input.unitId ?? target.unitId,
    disabled: input.disabled ?? target.disabled,
    updatedAt: api.now().toISOString(),
    version: target.version + 1,
  };
  await api.store.saveUser(updated, target.version);
  const { openid, name, role, unitId, disabled } = updated;
  return { user: { openid, name, role, unitId, disabled } };
});
