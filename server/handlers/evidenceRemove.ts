import { z } from 'zod';
import { authorize } from '../../src/core/authorization';
import { DomainError } from '../../src/core/errors';
import { loadDistrictContext } from '../districtContext';
import { memberHandler } from '../handler';
import { historyEntry } from '../history';
import { requireTask, targetOf } from '../tasks';
import { id } from '../validation';
import { assertEditable } from './evidenceAdd';

export default memberHandler(z.object({ evidenceId: id, taskId: id }).strict(), async (input, call) => {
  const { api, actor } = call;
  const context = await loadDistrictContext(api.store, actor.districtId);
  const task = await requireTask(api, actor.districtId, input.taskId);
  authorize(actor, { kind: 'task.work', task: targetOf(task, context) });
  assertEditable(task);
  const evidence = await api.store.getEvidence(actor.districtId, input.evidenceId);
  const links = evidence ? await api.store.listLinks(actor.districtId, evidence.id) : [];
  if (!evidence || !links.some((link) => link.taskId === task.id)) {
    throw new DomainError('NOT_FOUND', '这项任务里没有这份材料');
  }
  const at = api.now().toISOString();
  await api.store.commitTaskChange({
    before: task,
    after: { ...task, evidenceCount: Math.max(0, task.evidenceCount - 1), version: task.version + 1, updatedAt: at },
    history: [historyEntry(call, task, 'evidence.remove', task.status, { detail: evidence.name })],
    unlinkEvidenceId: evidence.id,
  });
  return {};
});
