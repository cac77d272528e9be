import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import AppButton from '../../../../components/AppButton';

/** Where the new list comes from: a Word file picked on the phone, or its text pasted. */
export type CatalogSource = { kind: 'file'; fileId: string; name: string } | { kind: 'text'; text: string };

export const TEXT_MAX_CHARS = 60_000;

export default function SourceCard({
  source,
  busy,
  onPickFile,
  onText,
}: {
  source: CatalogSource | null;
  busy: boolean;
  onPickFile: () => void;
  onText: (text: string) => void;
}) {
  const [pasting, setPasting] = useState(false);
  const [text, setText] = useState('');

  return (
    <View className="cat-card">
      <Text className="cat-card__title">导入新清单</Text>
      <Text className="cat-card__intro">
        上传印发的任务清单（Word
        文件，.docx），或把清单的文字复制粘贴进来。先预览，核对无误后再发布，发布前不会改动任何任务。
      </Text>
      {source ? (
        <Text className="cat-source">
          {source.kind === 'file' ? `已选文件：${source.name}` : `已粘贴文字：${source.text.length}个字`}
        </Text>
      ) : null}
      <AppButton className="cat-button cat-button--primary" loading={busy} onClick={onPickFile}>
        {busy ? '正在读取…' : source?.kind === 'file' ? '重新选择 Word 文件' : '选择 Word 文件'}
      </AppButton>
      {pasting ? (
        <View className="cat-paste">
          <Textarea
            className="cat-textarea"
            value={text}
            maxlength={TEXT_MAX_CHARS}
            placeholder="把任务清单的全部文字粘贴到这里（含“一、”“（一）”标题和序号）"
            placeholderClass="cat-input__placeholder"
            onInput={(event) => setText(event.detail.value)}
          />
          <AppButton className="cat-button" disabled={text.trim() === '' || busy} onClick={() => onText(text)}>
            预览粘贴的文字
          </AppButton>
        </View>
      ) : (
        <AppButton className="cat-button" onClick={() => setPasting(true)}>
          改为粘贴文字
        </AppButton>
      )}
    </View>
  );
}
