import type { HistoryAction, HistoryEntry, TaskRecord } from '../src/core/model';
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

export function historyEntry(
  call: MemberCall,
  task: TaskRecord,
  action: HistoryAction,
  toStatus: TaskRecord['status'],
  extra: { comment?: string | null; detail?: string | null } = {},
): HistoryEntry {
  return {
    districtId: task.districtId,
    taskId: task.id,
    at: call.api.now().toISOString(),
    actorOpenid: call.actor.openid,
    actorName: call.user.name,
    actorRole: call.actor.role,
    actorUnitId: call.actor.unitId,
    action,
    fromStatus: action === 'event.record' ? null : task.status,
    toStatus,
    comment: extra.comment ?? null,
    detail: extra.detail ?? null,
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
