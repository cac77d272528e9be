import Taro from '@tarojs/taro';
import { useCallback } from 'react';
import { openDocument } from '../services/fileViewer';
import { useMutation } from './useMutation';

interface ExportedFile {
  fileId: string;
  url: string;
  name: string;
}

/**
 * Builds a file on the server (the district workbook, a unit's annual report draft) and opens it:
 * WeChat's document viewer (to forward or save), or a download in the H5 app.
 */
export function useExportFile(action: 'export.xlsx' | 'report.annual') {
  const mutation = useMutation<Record<string, unknown>, ExportedFile>(action);
  const { run } = mutation;
  const exportFile = useCallback(
    async (payload: Record<string, unknown>) => {
      try {
        const file = await run(payload);
        if (file) await openDocument(file.url, file.name);
      } catch (error) {
        const message = error instanceof Error ? error.message : '生成失败，请重试';
        void Taro.showModal({ title: '没能生成文件', content: message, showCancel: false });
      }
    },
    [run],
  );
  return { exportFile, busy: mutation.busy };
}
