import Taro from '@tarojs/taro';
import { useCallback } from 'react';
import type { ExportAction, Payload } from '../contract/actions';
import { openDocument } from '../services/fileViewer';
import { useMutation } from './useMutation';

/**
 * Builds a file on the server (the district workbook, a unit's annual report draft) and opens it:
 * WeChat's document viewer (to forward or save), or a download in the H5 app.
 */
export function useExportFile<A extends ExportAction>(action: A) {
  const mutation = useMutation(action);
  const { run } = mutation;
  const exportFile = useCallback(
    async (payload: Payload<A>) => {
      try {
        const file = await run(payload);
        if (file) await openDocument(file);
      } catch (error) {
        const message = error instanceof Error ? error.message : '生成失败，请重试';
        void Taro.showModal({ title: '没能生成文件', content: message, showCancel: false });
      }
    },
    [run],
  );
  return { exportFile, busy: mutation.busy };
}
