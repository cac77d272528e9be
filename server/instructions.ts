import type { InstructionRecord } from '../src/core/model';
import { unitName, type DistrictContext } from './districtContext';

/** 领导批示 as the app shows them: above a unit's task list (a few), on a task's page (more). */
export const LIST_INSTRUCTIONS = 5;
export const TASK_INSTRUCTIONS = 20;

export function instructionView(instruction: InstructionRecord, context: DistrictContext) {
  return {
    id: instruction.id,
    unitId: instruction.unitId,
    unitName: unitName(context, instruction.unitId),
    taskId: instruction.taskId,
    text: instruction.text,
    authorName: instruction.authorName,
    createdAt: instruction.createdAt,
  };
}
