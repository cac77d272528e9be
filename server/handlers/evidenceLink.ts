import { z } from 'zod';
import { DomainError } from '../../src/core/errors';
import { changeEvidence, evidenceFrozenReason } from '../../src/core/workflow';
import { evidenceWithUrls } from '../evidence';
import { taskToWork } from '../tasks';
import { memberHandler } from '../handler';
import { stepOf } from '../history';
import { id } from '../validation';

/** One upload serving several tasks: a 学法 meeting photo for items 33 and 34. */
export default memberHandler(
  'evidence.link',
  z.object({ taskId: id, evidenceId: id }).strict(),
  async (input, call) => {
    const { api, actor } = call;
    const { task } = await taskToWork(call, input.taskId);
    const frozen = evidenceFrozenReason(task);
    if (frozen) throw new DomainError('FAILED_PRECONDITION', frozen);
    const evidence = await api.store.getEvidence(actor.districtId, input.evidenceId);
    if (!evidence || evidence.unitId !== task.unitId) {
      throw new DomainError('NOT_FOUND', '找不到这份材料：只能引用本单位上传过的材料');
    }
    const links = await api.store.listLinks(actor.districtId, evidence.id);
    if (links.some((link) => link.taskId === task.id)) {
      throw new DomainError('FAILED_PRECONDITION', '这份材料已经在这项任务里了');
    }
    const step = stepOf(call);
    const { at } = step;
    const { after, history } = changeEvidence(task, step, 'evidence.link', evidence.name);
    await api.store.commitTaskChange({
      before: task,
      after,
      history,
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
  },
);
