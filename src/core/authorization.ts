import { DomainError } from './errors';
import type { Role } from './model';

/**
 * Who may do what: the one place that decides. Every handler asks here before it reads or writes;
 * a refusal is FORBIDDEN with a message the user can understand.
 */

export interface Actor {
  openid: string;
  role: Role;
  unitId: string;
  districtId: string;
}

/** A task as authorization sees it: whose it is, and which units lead its item. */
export interface TaskTarget {
  unitId: string;
  leadUnitIds: string[];
}

export type Permission =
  | { kind: 'task.read'; task: TaskTarget }
  | { kind: 'task.work'; task: TaskTarget }
  | { kind: 'task.review'; task: TaskTarget }
  /** 延期 / 不涉及 requests: decided (and an exemption revoked) by the lead unit or a leader. */
  | { kind: 'request.decide'; task: TaskTarget }
  | { kind: 'instruction.add' }
  | { kind: 'unit.tasks'; unitId: string; unitLedItems: number }
  | { kind: 'review.queue' }
  | { kind: 'summary.district' }
  | { kind: 'summary.unit'; unitId: string }
  | { kind: 'urge'; unitId: string; task?: TaskTarget }
  | { kind: 'export.district' }
  | { kind: 'report.annual'; unitId: string }
  | { kind: 'admin' }
  | { kind: 'event.record' }
  /** 佐证材料要求 of an item: written by a reviewer of a unit that leads it, or the admin. */
  | { kind: 'guidance.set'; leadUnitIds: string[] };

const OVERSEERS: Role[] = ['leader', 'admin'];

/** Staff and reviewers both belong to a unit and carry out its own tasks. */
function worksFor(actor: Actor, unitId: string): boolean {
  return (actor.role === 'staff' || actor.role === 'reviewer') && actor.unitId === unitId;
}

function leadsTask(actor: Actor, task: TaskTarget): boolean {
  return actor.role === 'reviewer' && task.leadUnitIds.includes(actor.unitId);
}

/**
 * A report is reviewed by a reviewer of a lead unit other than the reporting unit. Where the
 * reporting unit is itself the item's only lead, 区领导 review it instead.
 */
export function reviewerCanReview(actor: Actor, task: TaskTarget): boolean {
  if (actor.role === 'reviewer') return leadsTask(actor, task) && actor.unitId !== task.unitId;
  if (actor.role === 'leader') return task.leadUnitIds.every((unitId) => unitId === task.unitId);
  return false;
}

/**
 * A unit's request is decided by a reviewer of a lead unit other than the unit itself, or by a
 * leader (who oversees every unit): a unit never decides its own request.
 */
export function canDecideRequest(actor: Actor, task: TaskTarget): boolean {
  if (actor.role === 'leader') return true;
  return actor.role === 'reviewer' && leadsTask(actor, task) && actor.unitId !== task.unitId;
}

/** Whom a request goes to first: the reviewers of its lead units, or leaders where the unit leads alone. */
export function requestReviewedByLeaders(task: TaskTarget): boolean {
  return task.leadUnitIds.every((unitId) => unitId === task.unitId);
}

export function decide(actor: Actor, permission: Permission): string | null {
  switch (permission.kind) {
    case 'task.read': {
      const { task } = permission;
      if (OVERSEERS.includes(actor.role) || worksFor(actor, task.unitId) || leadsTask(actor, task)) return null;
      return '只能查看本单位的任务，或本单位牵头的任务';
    }
    case 'task.work':
      return worksFor(actor, permission.task.unitId) ? null : '只有本单位的经办人可以办理这项任务';
    case 'task.review':
      if (actor.role === 'reviewer' && actor.unitId === permission.task.unitId) return '不能审核本单位报送的材料';
      return reviewerCanReview(actor, permission.task) ? null : '只有牵头单位的审核人可以审核这项任务';
    case 'request.decide':
      if (actor.role === 'reviewer' && actor.unitId === permission.task.unitId) return '不能审批本单位提出的申请';
      return canDecideRequest(actor, permission.task) ? null : '只有牵头单位的审核人或区领导可以审批这项申请';
    case 'instruction.add':
      return actor.role === 'leader' ? null : '只有区领导可以作出批示';
    case 'unit.tasks':
      if (OVERSEERS.includes(actor.role) || worksFor(actor, permission.unitId)) return null;
      if (actor.role === 'reviewer' && permission.unitLedItems > 0) return null;
      return '只能查看本单位的任务';
    case 'review.queue':
      return actor.role === 'reviewer' || actor.role === 'leader' ? null : '只有审核人可以查看待审核清单';
    case 'summary.district':
      return OVERSEERS.includes(actor.role) || actor.role === 'reviewer'
        ? null
        : '全区汇总只向区领导、审核人和管理员开放';
    case 'summary.unit':
      if (OVERSEERS.includes(actor.role) || actor.role === 'reviewer' || actor.unitId === permission.unitId)
        return null;
      return '只能查看本单位的汇总';
    case 'urge': {
      // A reviewer urging a whole unit reaches only the items its unit leads: the handler asks per task.
      if (actor.role === 'leader') return null;
      if (actor.role === 'reviewer' && (!permission.task || leadsTask(actor, permission.task))) return null;
      return '只有区领导或牵头单位的审核人可以催办';
    }
    case 'export.district':
      return OVERSEERS.includes(actor.role) ? null : '只有区领导和管理员可以导出全区情况';
    case 'report.annual':
      return OVERSEERS.includes(actor.role) || worksFor(actor, permission.unitId) ? null : '只能生成本单位的年度报告';
    case 'admin':
      return actor.role === 'admin' ? null : '只有管理员可以进行此操作';
    case 'event.record':
      return actor.role === 'staff' || actor.role === 'reviewer' ? null : '只有单位经办人可以登记事件';
    case 'guidance.set':
      if (actor.role === 'admin') return null;
      if (actor.role === 'reviewer' && permission.leadUnitIds.includes(actor.unitId)) return null;
      return '只有牵头单位的审核人或管理员可以修改佐证材料要求';
  }
}

/** Throws FORBIDDEN unless the actor holds the permission. */
export function authorize(actor: Actor, permission: Permission): void {
  const refusal = decide(actor, permission);
  if (refusal) throw new DomainError('FORBIDDEN', refusal);
}

export function allowed(actor: Actor, permission: Permission): boolean {
  return decide(actor, permission) === null;
}
