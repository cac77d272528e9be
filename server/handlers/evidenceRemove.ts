import { z } from 'zod';
import { DomainError } from '../../src/core/errors';
import { changeEvidence, evidenceFrozenReason } from '../../src/core/workflow';
import { taskToWork } from '../tasks';
import { memberHandler } from '../handler';
import { stepOf } from '../history';
import { id } from '../validation';

export default memberHandler(
  'evidence.remove',
  z.object({ evidenceId: id, taskId: id }).strict(),
  async (input, call) => {
    const { api, actor } = call;
    const { task } = await taskToWork(call, input.taskId);
    const frozen = evidenceFrozenReason(task);
    if (frozen) throw new DomainError('FAILED_PRECONDITION', frozen);
    const evidence = await api.store.getEvidence(actor.districtId, input.evidenceId);
    const links = evidence ? await api.store.listLinks(actor.districtId, evidence.id) : [];
    if (!evidence || !links.some((link) => link.taskId === task.id)) {
      throw new DomainError('NOT_FOUND', '这项任务里没有这份材料');
    }
    const { after, history } = changeEvidence(task, stepOf(call), 'evidence.remove', evidence.name);
    await api.store.commitTaskChange({
      before: task,
      after,
      history,
      unlinkEvidenceId: evidence.id,
    });
    return {};
  },
);
