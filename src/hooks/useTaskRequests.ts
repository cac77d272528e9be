import { useCallback } from 'react';
import type { TaskDetailTask } from '../contract/replies';
import { newRequestId } from '../services/api';
import { forgetRecentAnswers } from './useApi';
import { useMutation } from './useMutation';

/**
 * The writes around a task besides its report: 撤回, 延期 and 不涉及 requests and their decisions,
 * and 领导批示. Each one forgets the answers other pages remembered (lists, summaries, the review
 * queue, reminders), so they show the change when opened again. A refusal throws the server's
 * ApiError (its message fit to show); `busy` is true while any of them runs.
 */

function forgetAfterChange(): void {
  forgetRecentAnswers('tasks.');
  forgetRecentAnswers('summary.');
  forgetRecentAnswers('review.queue');
  forgetRecentAnswers('reminders.');
}

export type RequestKind = 'extension' | 'exemption';
export type RequestDecision = 'approve' | 'refuse';

/** What the unit asks for and does: 撤回 a report, ask for 延期 or 不涉及. */
export function useTaskRequests() {
  const withdrawal = useMutation('report.withdraw');
  const extension = useMutation('extension.request');
  const exemption = useMutation('exemption.request');
  const { run: runWithdraw } = withdrawal;
  const { run: runExtension } = extension;
  const { run: runExemption } = exemption;

  const withdraw = useCallback(
    async (taskId: string): Promise<TaskDetailTask | null> => {
      const result = await runWithdraw({ taskId, requestId: newRequestId() });
      if (result) forgetAfterChange();
      return result?.task ?? null;
    },
    [runWithdraw],
  );

  const askExtension = useCallback(
    async (taskId: string, dueDate: string, reason: string): Promise<TaskDetailTask | null> => {
      const result = await runExtension({ taskId, dueDate, reason });
      if (result) forgetAfterChange();
      return result?.task ?? null;
    },
    [runExtension],
  );

  const askExemption = useCallback(
    async (taskId: string, reason: string): Promise<TaskDetailTask | null> => {
      const result = await runExemption({ taskId, reason });
      if (result) forgetAfterChange();
      return result?.task ?? null;
    },
    [runExemption],
  );

  return {
    withdraw,
    askExtension,
    askExemption,
    busy: withdrawal.busy || extension.busy || exemption.busy,
  };
}

/** What the lead unit (or a leader) decides: a 延期 or 不涉及 request, and taking back a 不涉及. */
export function useRequestDecision() {
  const extension = useMutation('extension.decide');
  const exemption = useMutation('exemption.decide');
  const revocation = useMutation('exemption.revoke');
  const { run: runExtension } = extension;
  const { run: runExemption } = exemption;
  const { run: runRevoke } = revocation;

  const decide = useCallback(
    async (
      kind: RequestKind,
      taskId: string,
      decision: RequestDecision,
      comment: string,
    ): Promise<TaskDetailTask | null> => {
      const payload = { taskId, decision, ...(comment ? { comment } : {}) };
      const result = await (kind === 'extension' ? runExtension(payload) : runExemption(payload));
      if (result) forgetAfterChange();
      return result?.task ?? null;
    },
    [runExtension, runExemption],
  );

  const revoke = useCallback(
    async (taskId: string, comment: string): Promise<TaskDetailTask | null> => {
      const result = await runRevoke({ taskId, comment });
      if (result) forgetAfterChange();
      return result?.task ?? null;
    },
    [runRevoke],
  );

  return { decide, revoke, busy: extension.busy || exemption.busy || revocation.busy };
}

/** 领导批示 on a task or on a unit as a whole. */
export function useInstruction() {
  const mutation = useMutation('instruction.add');
  const { run } = mutation;
  const add = useCallback(
    async (text: string, on: { taskId: string } | { unitId: string }) => {
      const result = await run({ text, ...on });
      if (result) forgetAfterChange();
      return result?.instruction ?? null;
    },
    [run],
  );
  return { add, busy: mutation.busy };
}
