import { PERSON_NAME_MAX_CHARS } from '../../src/contract/limits';
import { z } from 'zod';
import { DomainError } from '../../src/core/errors';
import type { UserRecord } from '../../src/core/model';
import { loadDistrictContext } from '../districtContext';
import { openHandler } from '../handler';
import { requiredText } from '../validation';

const schema = z
  .object({
    inviteCode: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9]{4,16}$/, '应为4到16位字母或数字'),
    name: requiredText(PERSON_NAME_MAX_CHARS, '姓名'),
  })
  .strict();

const REFUSALS = {
  'not-found': new DomainError('NOT_FOUND', '邀请码不存在，请核对后重新输入'),
  expired: new DomainError('FAILED_PRECONDITION', '邀请码已过期，请向管理员重新索取'),
  'used-up': new DomainError('FAILED_PRECONDITION', '邀请码已达使用次数上限，请向管理员重新索取'),
  'already-bound': new DomainError('FAILED_PRECONDITION', '您已经绑定过单位，如需更换请联系管理员'),
} as const;

export default openHandler('session.bind', schema, async ({ inviteCode, name }, { api, openid, user }) => {
  if (!openid) throw new DomainError('UNAUTHENTICATED', '未能识别您的微信身份，请重新打开小程序');
  if (user) throw REFUSALS['already-bound'];
  const invite = await api.store.getInvite(inviteCode.toUpperCase());
  if (!invite) throw REFUSALS['not-found'];
  const context = await loadDistrictContext(api.store, invite.districtId);
  const unit = context.unitsById.get(invite.unitId);
  if (!unit || unit.disabled) throw new DomainError('FAILED_PRECONDITION', '邀请码对应的单位已停用，请联系管理员');
  const at = api.now().toISOString();
  const record: UserRecord = {
    openid,
    districtId: invite.districtId,
    name,
    role: invite.role,
    unitId: invite.unitId,
    disabled: false,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  const outcome = await api.store.redeemInvite(invite.code, record, at);
  if (outcome !== 'bound') throw REFUSALS[outcome];
  return {
    user: { openid, name, role: record.role, unitId: record.unitId, disabled: false },
    unit: { id: unit.id, name: unit.name, kind: unit.kind },
  };
});
