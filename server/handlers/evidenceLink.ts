import { z } from 'zod';
import { authorize } from '../../src/core/authorization';
import { DomainError } from '../../src/core/errors';
import { loadDistrictContext } from '../districtContext';
import { evidenceWithUrls, MAX_EVIDENCE_PER_TASK } from '../evidence';
import { memberHandler } from '../handler';
import { historyEntry } from '../history';
import { requireTask, targetOf } from '../tasks';
import { id } from '../validation';
import { assertEditable } from './evidenceAdd';

/** One upload serving several tasks: a 学法 meeting photo for items 33 and 34. */
export default memberHandler(z.object({ taskId: id, evidenceId: id }).strict(), async (input, call) => {
  const { api, actor } = call;
  const context = await loadDistrictContext(api.store, actor.districtId);
  const task = await requireTask(api, actor.districtId, input.taskId);
  authorize(actor, { kind: 'task.work', task: targetOf(task, context) });
  assertEditable(task);
  const evidence = await api.store.getEvidence(actor.districtId, input.evidenceId);
  if (!evidence || evidence.unitId !== task.unitId) {
    throw new DomainError('NOT_FOUND', '找不到这份材料：只能引用本单位上传过的材料');
  }
  const links = await api.store.listLinks(actor.districtId, evidence.id);
  if (links.some((link) => link.taskId === task.id)) {
    throw new DomainError('FAILED_PRECONDITION', '这份材料已经在这项任务里了');
  }
  if (task.evidenceCount >= MAX_EVIDENCE_PER_TASK) {
    throw new DomainError('FAILED_PRECONDITION', `每项任务最多${MAX_EVIDENCE_PER_TASK}份材料`);
  }
  const at = api.now().toISOString();
  await api.store.commitTaskChange({
    before: task,
    after: { ...task, evidenceCount: task.evidenceCount + 1, version: task.version + 1, updatedAt: at },
    history: [historyEntry(call, task, 'evidence.link', task.status, { detail: evidence.name })],
    link: {
      districtId: actor.districtId,
      taskId: task.id,
      evidenceId: evidence.id,
      linkedBy: actor.openid,
      createdAt: at,
    },
  });
  const [view] = await evidenceWithUrls(api, [evidence]);
  return { evidence: view };
});
