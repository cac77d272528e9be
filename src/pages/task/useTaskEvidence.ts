import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import type { Evidence } from '../../contract/replies';
import { forgetRecentAnswers } from '../../hooks/useApi';
import { useEvidenceUpload, type UploadPlace } from '../../hooks/useEvidenceUpload';
import { useMutation } from '../../hooks/useMutation';
import { ApiError } from '../../services/api';
import type { QueueItem } from '../../services/draftModel';
import { pickDocuments, pickPhotos, PickerError, type PickedEvidence } from '../../services/filePicker';
import { mergeEvidence } from './logic';

function showError(error: unknown) {
  const message = error instanceof ApiError || error instanceof PickerError ? error.message : '操作失败，请重试';
  void Taro.showToast({ title: message, icon: 'none', duration: 3000 });
}

/**
 * A task's evidence: what the server listed plus what was added since it answered, the upload
 * queue, and removing or reusing a piece. Each change fetches the task again (`reload`), so counts
 * and history follow the server.
 */
export function useTaskEvidence(
  id: string | null,
  listed: Evidence[] | undefined,
  place: UploadPlace | null,
  reload: () => Promise<void>,
) {
  const [added, setAdded] = useState<Evidence[]>([]);
  const [removed, setRemoved] = useState<ReadonlySet<string>>(() => new Set());
  const evidence = useMemo(() => mergeEvidence(listed ?? [], added, removed), [listed, added, removed]);
  const onAdded = useCallback((piece: Evidence) => setAdded((current) => [...current, piece]), []);
  const uploads = useEvidenceUpload(id, place, onAdded);
  const removeMutation = useMutation('evidence.remove');
  const linkMutation = useMutation('evidence.link');
  const [linking, setLinking] = useState<string | null>(null);
  const [reuseOpen, setReuseOpen] = useState(false);

  const changed = useCallback(() => {
    forgetRecentAnswers('tasks.list');
    void reload();
  }, [reload]);

  // When the queue drains, fetch the task again.
  const wasBusy = useRef(false);
  useEffect(() => {
    if (wasBusy.current && !uploads.busy) changed();
    wasBusy.current = uploads.busy;
  }, [uploads.busy, changed]);

  const pick = async (picker: () => Promise<PickedEvidence[]>) => {
    try {
      uploads.add(await picker());
    } catch (error) {
      showError(error);
    }
  };

  const repick = async (item: QueueItem) => {
    try {
      const [file] = await (item.kind === 'image' ? pickPhotos(1) : pickDocuments(1));
      if (file) uploads.replace(item.key, file);
    } catch (error) {
      showError(error);
    }
  };

  const remove = async (piece: Evidence) => {
    if (!id) return;
    const answer = await Taro.showModal({
      title: '删除这份材料？',
      content: piece.name,
      confirmText: '删除',
      confirmColor: '#b4282d',
    });
    if (!answer.confirm) return;
    try {
      await removeMutation.run({ evidenceId: piece.id, taskId: id });
      setRemoved((current) => new Set(current).add(piece.id));
      changed();
      void Taro.showToast({ title: '已删除', icon: 'success' });
    } catch (error) {
      showError(error);
    }
  };

  const link = async (piece: Evidence) => {
    if (!id || linking) return;
    setLinking(piece.id);
    try {
      const result = await linkMutation.run({ taskId: id, evidenceId: piece.id });
      if (result) {
        setRemoved((current) => {
          const next = new Set(current);
          next.delete(result.evidence.id);
          return next;
        });
        onAdded(result.evidence);
        setReuseOpen(false);
        changed();
        void Taro.showToast({ title: '已添加', icon: 'success' });
      }
    } catch (error) {
      showError(error);
    } finally {
      setLinking(null);
    }
  };

  return { evidence, uploads, pick, repick, remove, link, linking, reuseOpen, setReuseOpen };
}
