import { Text, View } from '@tarojs/components';
import AppButton from '../../components/AppButton';
import EvidenceGrid from '../../components/EvidenceGrid';
import UploadQueue from '../../components/UploadQueue';
import { pickDocuments, pickPhotos } from '../../services/filePicker';
import { usePhotoViewer } from '../../hooks/usePhotoViewer';
import { openDocument } from '../../services/fileViewer';
import Section from './Section';
import type { useTaskEvidence } from './useTaskEvidence';

/** 佐证材料: the evidence as a grid, the files on their way, and the ways to add more. */
export default function EvidenceCard({
  evidence: { evidence, uploads, pick, repick, remove, setReuseOpen },
  editable,
}: {
  evidence: ReturnType<typeof useTaskEvidence>;
  editable: boolean;
}) {
  const photos = usePhotoViewer();
  return (
    <Section title="佐证材料" note={`${evidence.length} 份`}>
      {photos.viewer}
      {evidence.length > 0 ? (
        <EvidenceGrid
          evidence={evidence}
          editable={editable}
          onOpenPhoto={photos.open}
          onOpenDocument={(piece) => void openDocument(piece)}
          onRemove={(piece) => void remove(piece)}
        />
      ) : (
        <Text className="task-page__empty">
          {editable ? '还没有材料。拍照或选文件后会自动上传。' : '还没有上传材料。'}
        </Text>
      )}
      <UploadQueue
        items={uploads.items}
        onRetry={uploads.retry}
        onRemove={uploads.remove}
        onRepick={(item) => void repick(item)}
      />
      {editable ? (
        <View className="task-page__add">
          <AppButton
            className="task-page__add-button task-page__add-button--main"
            onClick={() => void pick(pickPhotos)}
          >
            拍照/相册
          </AppButton>
          <AppButton className="task-page__add-button" onClick={() => void pick(pickDocuments)}>
            从聊天选文件
          </AppButton>
          <AppButton className="task-page__add-button" onClick={() => setReuseOpen(true)}>
            用已有材料
          </AppButton>
        </View>
      ) : null}
    </Section>
  );
}
