import { z } from 'zod';
import { DomainError } from '../../src/core/errors';
import { EVIDENCE_NAME_MAX_CHARS, safeFileName } from '../../src/core/files/uploadPolicy';
import type { EvidenceRecord } from '../../src/core/model';
import { changeEvidence, evidenceFrozenReason } from '../../src/core/workflow';
import { evidenceWithUrls } from '../evidence';
import { taskToWork } from '../tasks';
import { memberHandler, type MemberCall } from '../handler';
import { stepOf } from '../history';
import { fileName, id, text } from '../validation';

const schema = z
  .object({
    taskId: id,
    fileId: z.string().min(1).max(512),
    name: fileName,
    size: z.number().int().min(0).max(1e9),
    mime: text(100),
    thumbFileId: z.string().min(1).max(512).optional(),
  })
  .strict();

const NOT_FOUND = '找不到该文件，请重新上传';

/** A file the caller's own unit uploaded, checked by content; any other is "not found" (no hint). */
async function ownUpload(call: MemberCall, fileId: string) {
  const { api, actor } = call;
  const owner = await api.files.ownerOf(fileId);
  if (!owner || owner.districtId !== actor.districtId || owner.unitId !== actor.unitId) {
    throw new DomainError('NOT_FOUND', NOT_FOUND);
  }
  return api.files.inspect(fileId, actor.districtId);
}

/** Records an uploaded file as evidence of a task; the file itself was checked by content. */
export default memberHandler('evidence.add', schema, async (input, call) => {
  const { api, actor } = call;
  const { task } = await taskToWork(call, input.taskId);
  const frozen = evidenceFrozenReason(task);
  if (frozen) throw new DomainError('FAILED_PRECONDITION', frozen);
  const facts = await ownUpload(call, input.fileId);
  const thumb = input.thumbFileId ? await ownUpload(call, input.thumbFileId) : null;
  if (thumb && (!facts.mime.startsWith('image/') || !thumb.mime.startsWith('image/'))) {
    throw new DomainError('INVALID_ARGUMENT', '只有照片才有缩略图');
  }
  const step = stepOf(call);
  const { at } = step;
  const evidence: EvidenceRecord = {
    id: `ev-${api.newId()}`,
    districtId: actor.districtId,
    fileId: facts.fileId,
    name: safeFileName(input.name, undefined, EVIDENCE_NAME_MAX_CHARS),
    size: facts.size,
    mime: facts.mime,
    unitId: task.unitId,
    uploadedBy: actor.openid,
    createdAt: at,
    thumbFileId: thumb?.fileId ?? null,
  };
  const { after, history } = changeEvidence(task, step, 'evidence.add', evidence.name);
  await api.store.commitTaskChange({
    before: task,
    after,
    history,
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
