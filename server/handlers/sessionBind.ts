import { PERSON_NAME_MAX_CHARS } from '../../src/contract/limits';
import { z } from 'zod';
import { DomainError } from '../../src/core/errors';
import type { UserRecord } from '../../src/core/model';
import { loadDistrictContext } from '../districtContext';
import { AttemptLimiter } from '../attemptLimiter';
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

// One answer for a code that does not exist, has expired, is used up or names a closed unit: a
// guesser learns nothing about which codes exist.
const INVALID_CODE = '邀请码无效或已失效，请核对后重新输入，或向管理员重新索取';
const ALREADY_BOUND = '您已经绑定过单位，如需更换请联系管理员';

/** Wrong codes allowed per person before a pause. */
export const BIND_FAILURES_ALLOWED = 5;
export const BIND_PAUSE_MS = 10 * 60_000;
/** Wrong codes, per person (the real clock: a pause is real time, whatever the tests' clock says). */
const failures = new AttemptLimiter(BIND_FAILURES_ALLOWED, BIND_PAUSE_MS);

export default openHandler('session.bind', schema, async ({ inviteCode, name }, { api, openid, user }) => {
  if (!openid) throw new DomainError('UNAUTHENTICATED', '未能识别您的微信身份，请重新打开小程序');
  if (user) throw new DomainError('FAILED_PRECONDITION', ALREADY_BOUND);
  if (failures.waitMs(openid) > 0) {
    throw new DomainError('FAILED_PRECONDITION', `邀请码输错次数过多，请${BIND_PAUSE_MS / 60_000}分钟后再试`);
  }
  const refuse = () => {
    failures.record(openid);
    return new DomainError('FAILED_PRECONDITION', INVALID_CODE);
  };
  const invite = await api.store.getInvite(inviteCode.toUpperCase());
  if (!invite) throw refuse();
  const context = await loadDistrictContext(api.store, invite.districtId);
  const unit = context.unitsById.get(invite.unitId);
  if (!unit || unit.disabled) throw refuse();
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
  if (outcome === 'already-bound') throw new DomainError('FAILED_PRECONDITION', ALREADY_BOUND);
  if (outcome !== 'bound') throw refuse();
  return {
    user: { openid, name, role: record.role, unitId: record.unitId, disabled: false },
    unit: { id: unit.id, name: unit.name, kind: unit.kind },
  };
});
