import type { Role } from '../../core/model';
import { UNIT_KIND_LABEL, type UnitKind } from '../../core/units';
import type { DemoIdentity } from '../../contract/replies';

/** Invite codes are 8 letters and digits; the admin's page shows them in capitals. */
export const INVITE_CODE_LENGTH = 8;

/**
 * What the user typed or pasted, as an invite code: capitals, no spaces or punctuation. A pasted
 * message (「邀请码：ABCD2345，7天内有效」) gives the code in it.
 */
export function normalizeInviteCode(raw: string): string {
  const upper = raw.toUpperCase();
  const token = upper.match(/(?:^|[^A-Z0-9])([A-Z0-9]{8})(?![A-Z0-9])/);
  if (token && /[^A-Z0-9]/.test(upper)) return token[1];
  return upper.replace(/[^A-Z0-9]/g, '').slice(0, INVITE_CODE_LENGTH);
}

/**
 * The invite code a page was opened with: `?invite=CODE` (the H5 link), or the `scene` of the
 * WeChat mini-program code (URL-encoded; the code itself, or `invite=CODE`).
 */
export function inviteFromQuery(params: Record<string, string | undefined>): string {
  const direct = params.invite;
  if (direct) return normalizeInviteCode(safeDecode(direct));
  const scene = params.scene ? safeDecode(params.scene) : '';
  if (!scene) return '';
  const named = /(?:^|&)invite=([^&]*)/.exec(scene);
  return normalizeInviteCode(named ? named[1] : scene);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Why the bind form cannot be sent yet, in words the user acts on; null when it can. */
export function bindProblem(code: string, name: string): string | null {
  if (code.length === 0) return '请输入管理员发给您的邀请码';
  if (code.length !== INVITE_CODE_LENGTH) return `邀请码是${INVITE_CODE_LENGTH}位字母或数字，请核对`;
  const trimmed = name.trim();
  if (trimmed.length === 0) return '请填写您的姓名';
  if (trimmed.length > 20) return '姓名最多20个字';
  return null;
}

export interface DemoStaffGroup {
  kind: UnitKind | 'other';
  title: string;
  identities: DemoIdentity[];
}

export interface DemoRoleGroup {
  role: Role;
  title: string;
  identities: DemoIdentity[];
  /** 经办人 only: one per unit, so many that they are shown by kind of unit. */
  byKind?: DemoStaffGroup[];
}

const ROLE_ORDER: Array<{ role: Role; title: string }> = [
  { role: 'leader', title: '区领导' },
  { role: 'admin', title: '管理员' },
  { role: 'reviewer', title: '审核人' },
  { role: 'staff', title: '经办人' },
];
const KIND_ORDER: UnitKind[] = ['township', 'street', 'department', 'agency'];

/** The demo identities by role, 经办人 further by kind of unit (乡镇, 街道, 区政府部门, 区直单位). */
export function groupDemoIdentities(identities: DemoIdentity[]): DemoRoleGroup[] {
  return ROLE_ORDER.map(({ role, title }) => {
    const members = identities.filter((identity) => identity.role === role);
    if (role !== 'staff') return { role, title, identities: members };
    const byKind: DemoStaffGroup[] = KIND_ORDER.map((kind) => ({
      kind,
      title: UNIT_KIND_LABEL[kind],
      identities: members.filter((identity) => identity.unitKind === kind),
    }));
    const other = members.filter((identity) => !identity.unitKind || !KIND_ORDER.includes(identity.unitKind));
    byKind.push({ kind: 'other', title: '其他单位', identities: other });
    return { role, title, identities: members, byKind: byKind.filter((group) => group.identities.length > 0) };
  }).filter((group) => group.identities.length > 0);
}
