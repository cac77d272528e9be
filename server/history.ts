import type { HistoryAction, HistoryEntry } from '../src/core/model';
import type { Step } from '../src/core/workflow';
import { ROLE_LABEL } from '../src/core/model';
import type { MemberCall } from './handler';

const ACTION_LABEL: Record<HistoryAction, string> = {
  create: '生成任务',
  'event.record': '登记事件',
  'evidence.add': '上传材料',
  'evidence.link': '引用已有材料',
  'evidence.remove': '删除材料',
  submit: '报送',
  approve: '审核通过',
  return: '退回修改',
  urge: '催办',
};

/** The step a member's call takes: who, and when (the workflow's transitions record it). */
export function stepOf(call: MemberCall): Step {
  const { actor, user, api } = call;
  return {
    at: api.now().toISOString(),
    actor: { openid: actor.openid, name: user.name, role: actor.role, unitId: actor.unitId },
  };
}

export function historyView(entry: HistoryEntry, unitNameOf: (unitId: string) => string) {
  return {
    at: entry.at,
    action: entry.action,
    actionLabel: ACTION_LABEL[entry.action],
    actorName: entry.actorName,
    actorRole: entry.actorRole,
    actorRoleLabel: entry.actorRole === 'system' ? '系统' : ROLE_LABEL[entry.actorRole],
    actorUnitName: entry.actorUnitId ? unitNameOf(entry.actorUnitId) : null,
    fromStatus: entry.fromStatus,
    toStatus: entry.toStatus,
    comment: entry.comment,
    detail: entry.detail,
  };
}
