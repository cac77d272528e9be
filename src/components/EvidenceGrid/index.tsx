import { Image, Text, View } from '@tarojs/components';
import type { Evidence } from '../../contract/replies';
import { extensionOf } from '../../services/upload';
import { fileSize } from '../../utils/format';
import './index.scss';

const DOC_BADGE: Record<string, string> = {
  pdf: 'PDF',
  doc: 'Word',
  docx: 'Word',
  xls: 'Excel',
  xlsx: 'Excel',
};

/**
 * A task's evidence: photos as thumbnails (tap: full screen, swiping through all of them),
 * documents as tiles (tap: open). While the task can still change, × (or a long press) removes one.
 */
export default function EvidenceGrid({
  evidence,
  editable,
  onOpenPhoto,
  onOpenDocument,
  onRemove,
}: {
  evidence: Evidence[];
  editable: boolean;
  onOpenPhoto: (current: string, urls: string[]) => void;
  onOpenDocument: (evidence: Evidence) => void;
  onRemove: (evidence: Evidence) => void;
}) {
  const photoUrls = evidence.filter((piece) => piece.kind === 'image' && piece.url).map((piece) => piece.url as string);
  return (
    <View className="evidence-grid">
      {evidence.map((piece) => {
        const open = () => {
          if (!piece.url) return;
          if (piece.kind === 'image') onOpenPhoto(piece.url, photoUrls);
          else onOpenDocument(piece);
        };
        return (
          <View
            key={piece.id}
            className="evidence-grid__cell"
            data-evidence-id={piece.id}
            onLongPress={editable ? () => onRemove(piece) : undefined}
          >
            <View className="evidence-grid__tile" onClick={open}>
              {piece.kind === 'image' && piece.url ? (
                <Image className="evidence-grid__photo" src={piece.url} mode="aspectFill" lazyLoad />
              ) : (
                <View className="evidence-grid__doc">
                  <Text className="evidence-grid__badge">{DOC_BADGE[extensionOf(piece.name)] ?? '文件'}</Text>
                  <Text className="evidence-grid__size">{fileSize(piece.size)}</Text>
                </View>
              )}
            </View>
            <Text className="evidence-grid__name">{piece.name}</Text>
            {editable ? (
              <View
                className="evidence-grid__remove"
                aria-label={`删除 ${piece.name}`}
                onClick={(event) => {
                  event.stopPropagation();
                  onRemove(piece);
                }}
              >
                <Text className="evidence-grid__remove-mark">×</Text>
              </View>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}
