import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import type { TaskDetailTask } from '../../contract/replies';
import { forgetRecentAnswers } from '../../hooks/useApi';
import type { useEvidenceUpload } from '../../hooks/useEvidenceUpload';
import { useMutation } from '../../hooks/useMutation';
import { useReminderOffer } from '../../hooks/useReminders';
import { ApiError, newRequestId } from '../../services/api';
import { loadDraft, updateDraft } from '../../services/drafts';
import { submitBlocker } from './logic';

type Uploads = Pick<ReturnType<typeof useEvidenceUpload>, 'items' | 'whenIdle' | 'unsent'>;

/**
 * 报送: waits for the uploads, refuses while files are unsent, and sends the note with one request
 * id per submission (kept in the draft until it succeeds, so a retry after a lost answer is the
 * same submission). `error` is what to show above the button.
 */
export function useTaskSubmit(
  id: string | null,
  status: TaskDetailTask['status'] | undefined,
  note: { text: string; flush: () => void },
  uploads: Uploads,
  reload: () => Promise<void>,
) {
  const mutation = useMutation('report.submit');
  const offerReminderSubscription = useReminderOffer();
  const [submitting, setSubmitting] = useState(false);
  const submittingRef = useRef(false);
  const [error, setError] = useState<string | null>(null);

  // A refusal about unsent files is stale once the files change.
  const unsentCount = uploads.items.length;
  useEffect(() => setError(null), [unsentCount]);

  // Once the task is in (reported or approved), a kept submission id and note have done their work.
  useEffect(() => {
    if (!id || (status !== 'submitted' && status !== 'approved')) return;
    const draft = loadDraft(id);
    if (draft?.requestId !== undefined || draft?.note !== undefined) {
      updateDraft(id, { requestId: undefined, note: undefined });
    }
  }, [id, status]);

  const submit = async () => {
    // WeChat asks about reminders only in answer to a tap: first thing, before any await.
    offerReminderSubscription();
    if (!id || !status || submittingRef.current) return;
    submittingRef.current = true;
    setSubmitting(true);
    setError(null);
    note.flush();
    try {
      await uploads.whenIdle();
      const blocker = submitBlocker(uploads.unsent());
      if (blocker) {
        setError(blocker);
        return;
      }
      const requestId = loadDraft(id)?.requestId ?? newRequestId();
      updateDraft(id, { requestId });
      await mutation.run({ taskId: id, note: note.text.trim(), requestId });
      updateDraft(id, { note: undefined, requestId: undefined });
      forgetRecentAnswers('tasks.list');
      void Taro.showToast({ title: '已报送', icon: 'success' });
      await reload();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : '报送失败，请重试');
    } finally {
      submittingRef.current = false;
      setSubmitting(false);
    }
  };

  return { submit, submitting, error };
}
