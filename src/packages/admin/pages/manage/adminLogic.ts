import { MAX_INVITE_DAYS, MAX_INVITE_USES } from '../../../../contract/limits';
import { addDays, shanghaiDate } from '../../../../core/dates';
import type { Role } from '../../../../core/model';
import { UNIT_KIND_LABEL, type UnitKind } from '../../../../core/units';
import type { DirectoryUnit, PersonRow } from '../../../../contract/replies';

export const ROLES: Role[] = ['staff', 'reviewer', 'leader', 'admin'];

/** What each role may do, in a line, so the admin picks the right one. */
export const ROLE_HINT: Record<Role, string> = {
  staff: '报送本单位任务的材料',
  reviewer: '审核本单位牵头事项的报送',
  leader: '查看全区进度，催办',
  admin: '管理邀请码、人员和单位',
};

export const KINDS: UnitKind[] = ['township', 'street', 'department', 'agency'];

/** A staff invite usually serves a unit's few clerks; other roles are given one person at a time. */
export function defaultUses(role: Role): number {
  return role === 'staff' ? 10 : 1;
}

export { MAX_INVITE_DAYS, MAX_INVITE_USES };

/** A whole number typed in a field, or null when it is not one. */
export function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : null;
}

/** Why the invite form cannot be sent yet; null when it can. */
export function inviteProblem(form: { unitId: string | null; days: string; uses: string }): string | null {
  if (!form.unitId) return '请选择单位';
  const days = wholeNumber(form.days);
  if (days === null || days < 1 || days > MAX_INVITE_DAYS) return `有效期请填1到${MAX_INVITE_DAYS}天`;
  const uses = wholeNumber(form.uses);
  if (uses === null || uses < 1 || uses > MAX_INVITE_USES) return `可用次数请填1到${MAX_INVITE_USES}次`;
  return null;
}

/**
 * The last day (Beijing) an invite valid for `days` days from now can be used: today counts as the
 * first day, and the server keeps it to the end of that day. 7 days from 11-28 → 12-04.
 */
export function inviteLastDay(days: number, now: Date): string {
  return addDays(shanghaiDate(now), days - 1);
}

/** An instant as Beijing date and time: 2026年12月4日 23:59. */
export function beijingDateTime(iso: string): string {
  const shifted = new Date(new Date(iso).getTime() + 8 * 3600_000);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${shifted.getUTCFullYear()}年${shifted.getUTCMonth() + 1}月${shifted.getUTCDate()}日 ${pad(
    shifted.getUTCHours(),
  )}:${pad(shifted.getUTCMinutes())}`;
}

/** Tags or aliases typed as one line: split at commas (either width), 、, semicolons or spaces. */
export function splitList(text: string): string[] {
  const parts = text
    .split(/[,，、;；\s]+/)
    .map((part) => part.trim())
    .filter(Boolean);
  return [...new Set(parts)];
}

export function joinList(items: string[]): string {
  return items.join('，');
}

/** Why the unit form cannot be saved yet; null when it can. */
export function unitProblem(form: { name: string; tags: string; aliases: string }): string | null {
  const name = form.name.trim();
  if (!name) return '请填写单位名称';
  if (name.length > 30) return '单位名称最多30个字';
  const tags = splitList(form.tags);
  if (tags.length > 10) return '标签最多10个';
  if (tags.some((tag) => tag.length > 20)) return '每个标签最多20个字';
  const aliases = splitList(form.aliases);
  if (aliases.length > 30) return '简称最多30个';
  if (aliases.some((alias) => alias.length > 60)) return '每个简称最多60个字';
  return null;
}

export interface UnitGroup {
  kind: UnitKind;
  label: string;
  units: DirectoryUnit[];
}

/** Units by kind in the directory's order: 乡镇, 街道, 区政府部门, 区直单位; empty kinds left out. */
export function groupUnitsByKind(units: DirectoryUnit[]): UnitGroup[] {
  return KINDS.map((kind) => ({
    kind,
    label: UNIT_KIND_LABEL[kind],
    units: units.filter((unit) => unit.kind === kind),
  })).filter((group) => group.units.length > 0);
}

/** Units whose name or any alias contains the query (spaces ignored); all of them for no query. */
export function searchUnits(units: DirectoryUnit[], query: string): DirectoryUnit[] {
  const needle = query.replace(/\s+/g, '');
  if (!needle) return units;
  return units.filter((unit) => [unit.name, ...unit.aliases].some((name) => name.includes(needle)));
}

export interface PeopleGroup {
  unitId: string;
  unitName: string;
  people: PersonRow[];
}

const ROLE_RANK: Record<Role, number> = { admin: 0, leader: 1, reviewer: 2, staff: 3 };

/**
 * People by unit, units in the order of the 单位 list (乡镇, 街道, 区政府部门, 区直单位; any unit the
 * directory no longer has last); within a unit the active before the disabled, then by role
 * (管理员, 区领导, 审核人, 经办人), then by name. A query keeps those whose name or unit contains it.
 */
export function groupPeopleByUnit(people: PersonRow[], units: DirectoryUnit[], query = ''): PeopleGroup[] {
  const needle = query.trim();
  const ordered = groupUnitsByKind(units).flatMap((group) => group.units);
  const order = new Map(ordered.map((unit, index) => [unit.id, index]));
  const groups = new Map<string, PeopleGroup>();
  for (const person of people) {
    if (needle && !person.name.includes(needle) && !person.unitName.includes(needle)) continue;
    const group = groups.get(person.unitId) ?? { unitId: person.unitId, unitName: person.unitName, people: [] };
    group.people.push(person);
    groups.set(person.unitId, group);
  }
  const rank = (unitId: string) => order.get(unitId) ?? Number.MAX_SAFE_INTEGER;
  return [...groups.values()]
    .sort((a, b) => rank(a.unitId) - rank(b.unitId) || a.unitName.localeCompare(b.unitName, 'zh-CN'))
    .map((group) => ({
      ...group,
      people: [...group.people].sort(
        (a, b) =>
          Number(a.disabled) - Number(b.disabled) ||
          ROLE_RANK[a.role] - ROLE_RANK[b.role] ||
          a.name.localeCompare(b.name, 'zh-CN'),
      ),
    }));
}
