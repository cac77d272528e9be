import { useCallback, useEffect, useRef, useState } from 'react';
import { useDidHide } from '@tarojs/taro';
import type { TaskDetailTask } from '../../contract/replies';
import { loadDraft, updateDraft } from '../../services/drafts';

const NOTE_SAVE_DELAY_MS = 400;

export interface NoteDraft {
  /** The note as shown: as typed, else the draft's, else the task's. */
  text: string;
  change: (value: string) => void;
  /** Writes what was typed into the draft now (before 报送, on leaving the page). */
  flush: () => void;
}

/**
 * The 工作说明 of a task, kept in its draft as it is typed (a moment after typing stops, and when
 * the page hides or closes), so a note survives closing the app.
 */
export function useNoteDraft(id: string | null, task: TaskDetailTask | undefined): NoteDraft {
  const [note, setNote] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<string | null>(null);

  useEffect(() => {
    if (note === null && task && id) setNote(loadDraft(id)?.note ?? task.note ?? '');
  }, [note, task, id]);

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (id && pending.current !== null) updateDraft(id, { note: pending.current });
    pending.current = null;
  }, [id]);

  const change = (value: string) => {
    setNote(value);
    pending.current = value;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(flush, NOTE_SAVE_DELAY_MS);
  };

  useEffect(() => flush, [flush]);
  useDidHide(flush);

  return { text: note ?? task?.note ?? '', change, flush };
}
