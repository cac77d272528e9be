import { MAX_INVITE_DAYS, MAX_INVITE_USES } from '../../src/contract/limits';
import { randomInt } from 'crypto';
import { z } from 'zod';
import { authorize } from '../../src/core/authorization';
import { DomainError } from '../../src/core/errors';
import type { InviteRecord } from '../../src/core/model';
import type { ApiContext } from '../context';
import { loadDistrictContext } from '../districtContext';
import { memberHandler } from '../handler';
import { id, isoDate } from '../validation';

/** Letters and digits that cannot be misread for one another when read aloud or copied by hand. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const DAY_MS = 86_400_000;

const schema = z
  .object({
    unitId: id,
    role: z.enum(['staff', 'reviewer', 'leader', 'admin']),
    expiresAt: z.union([isoDate, z.string().datetime()]).optional(),
    maxUses: z.number().int().min(1, '至少可用1次').max(MAX_INVITE_USES, `最多可用${MAX_INVITE_USES}次`).optional(),
  })
  .strict();

function newCode(): string {
  return Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

/** A date alone means the end of that day in Beijing. */
function expiryInstant(value: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T23:59:59+08:00`) : new Date(value);
}

export default memberHandler('admin.invite.create', schema, async (input, { api, actor }) => {
  authorize(actor, { kind: 'admin' });
  const context = await loadDistrictContext(api.store, actor.districtId);
  const unit = context.unitsById.get(input.unitId);
  if (!unit || unit.disabled) throw new DomainError('NOT_FOUND', '找不到该单位，或单位已停用');
  const now = api.now();
  const expires = input.expiresAt ? expiryInstant(input.expiresAt) : new Date(now.getTime() + 7 * DAY_MS);
  if (expires.getTime() <= now.getTime()) throw new DomainError('INVALID_ARGUMENT', '有效期应晚于现在');
  if (expires.getTime() > now.getTime() + MAX_INVITE_DAYS * DAY_MS) {
    throw new DomainError('INVALID_ARGUMENT', `有效期最长${MAX_INVITE_DAYS}天`);
  }
  let code = newCode();
  while (await api.store.getInvite(code)) code = newCode();
  const invite: InviteRecord = {
    code,
    districtId: actor.districtId,
    unitId: unit.id,
    role: input.role,
    expiresAt: expires.toISOString(),
    maxUses: input.maxUses ?? (input.role === 'staff' ? 10 : 1),
    uses: 0,
    createdBy: actor.openid,
    createdAt: now.toISOString(),
  };
  await api.store.saveInvite(invite);
  return {
    code,
    expiresAt: invite.expiresAt,
    maxUses: invite.maxUses,
    unitId: unit.id,
    unitName: unit.name,
    role: invite.role,
    bindPath: `pages/me/index?invite=${code}`,
    qrUrl: await inviteCodeImage(api, actor.districtId, code),
  };
});

/**
 * In WeChat: a mini-program code that opens 我的 with the invite code as its scene, saved and linked.
 * The invite stands without it (the code can be typed), so a failure only leaves the picture out.
 */
async function inviteCodeImage(api: ApiContext, districtId: string, code: string): Promise<string | null> {
  if (!api.miniProgramCode) return null;
  try {
    const png = await api.miniProgramCode(code, 'pages/me/index');
    const fileId = await api.files.save(districtId, `invite-${code}.png`, png, 'image/png');
    return (await api.files.temporaryUrls([fileId]))[fileId] ?? null;
  } catch (error) {
    api.log?.('invite mini-program code failed', { code, error });
    return null;
  }
}
