import { z } from 'zod';
import { authorize } from '../../src/core/authorization';
import { DomainError } from '../../src/core/errors';
import type { EvidenceRecord, TaskRecord } from '../../src/core/model';
import { loadDistrictContext } from '../districtContext';
import { evidenceWithUrls, MAX_EVIDENCE_PER_TASK } from '../evidence';
import { memberHandler } from '../handler';
import { historyEntry } from '../history';
import { requireTask, targetOf } from '../tasks';
import { id, requiredText, text } from '../validation';

const schema = z
  .object({
    taskId: id,
    fileId: z.string().min(1).max(512),
    name: requiredText(120, '文件名'),
    size: z.number().int().min(0).max(1e9),
    mime: text(100),
  })
  .strict();

export function assertEditable(task: TaskRecord): void {
  if (task.status === 'approved') throw new DomainError('FAILED_PRECONDITION', '这项任务已审核通过，材料不能再改动');
}

/** Records an uploaded file as evidence of a task; the file itself was checked by content. */
export default memberHandler(schema, async (input, call) => {
  const { api, actor } = call;
  const context = await loadDistrictContext(api.store, actor.districtId);
  const task = await requireTask(api, actor.districtId, input.taskId);
  authorize(actor, { kind: 'task.work', task: targetOf(task, context) });
  assertEditable(task);
  if (task.evidenceCount >= MAX_EVIDENCE_PER_TASK) {
    throw new DomainError('FAILED_PRECONDITION', `每项任务最多${MAX_EVIDENCE_PER_TASK}份材料，请删去不需要的再上传`);
  }
  const facts = await api.files.inspect(input.fileId, actor.districtId);
  const at = api.now().toISOString();
  const evidence: EvidenceRecord = {
    id: `ev-${api.newId()}`,
    districtId: actor.districtId,
    fileId: facts.fileId,
    name: input.name.replace(/[\\/]/g, '_'),
    size: facts.size,
    mime: facts.mime,
    unitId: task.unitId,
    uploadedBy: actor.openid,
    createdAt: at,
  };
  const after = { ...task, evidenceCount: task.evidenceCount + 1, version: task.version + 1, updatedAt: at };
  await api.store.commitTaskChange({
    before: task,
    after,
    history: [historyEntry(call, task, 'evidence.add', task.status, { detail: evidence.name })],
    addEvidence: evidence,
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
