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
  withdraw: '撤回报送',
  urge: '催办',
  'extension.request': '申请延期',
  'extension.approve': '同意延期',
  'extension.refuse': '不同意延期',
  'exemption.request': '申请不涉及',
  'exemption.approve': '同意不涉及',
  'exemption.refuse': '不同意不涉及',
  'exemption.revoke': '撤销不涉及',
  instruction: '领导批示',
  'catalog.update': '任务清单调整',
  'catalog.drop': '移出任务清单',
  'catalog.restore': '恢复到任务清单',
  'calendar.update': '按节假日安排调整',
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

/**
 * What changed since a report was last returned, read from its history: the evidence added
 * (uploaded or linked) and removed since the return, one cancelling the other, and whether the
 * note sent after it differs from the note that was returned. Null if it was never returned.
 */
export function changesSinceReturn(history: HistoryEntry[]) {
  const lastReturn = history.map((entry) => entry.action).lastIndexOf('return');
  if (lastReturn < 0) return null;
  const returned = history[lastReturn];
  const returnedNote = history
    .slice(0, lastReturn)
    .reverse()
    .find((entry) => entry.action === 'submit')?.comment;
  const added: string[] = [];
  const removed: string[] = [];
  let note: string | null | undefined;
  for (const entry of history.slice(lastReturn + 1)) {
    const name = entry.detail ?? '';
    if (entry.action === 'evidence.add' || entry.action === 'evidence.link') {
      const undone = removed.indexOf(name);
      if (undone >= 0) removed.splice(undone, 1);
      else added.push(name);
    } else if (entry.action === 'evidence.remove') {
      const undone = added.indexOf(name);
      if (undone >= 0) added.splice(undone, 1);
      else removed.push(name);
    } else if (entry.action === 'submit') {
      note = entry.comment;
    }
  }
  return {
    returnedAt: returned.at,
    returnComment: returned.comment,
    added,
    removed,
    noteChanged: note !== undefined && (note ?? '') !== (returnedNote ?? ''),
  };
}
