import { Image, Text, View } from '@tarojs/components';
import type { Evidence } from '../../contract/replies';
import { extensionOf } from '../../services/upload';
import { tileImage, viewerPhotos } from '../../utils/evidence';
import { fileSize } from '../../utils/format';
import FileName from '../FileName';
import './index.scss';

const DOC_BADGE: Record<string, string> = {
  pdf: 'PDF',
  doc: 'Word',
  docx: 'Word',
  xls: 'Excel',
  xlsx: 'Excel',
};

/**
 * A task's evidence: photos as their thumbnails (tap: the full photo, swiping through all of them;
 * only then is a full photo loaded),
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
  return (
    <View className="evidence-grid">
      {evidence.map((piece) => {
        const tile = tileImage(piece);
        const open = () => {
          if (!piece.url) return;
          const photos = viewerPhotos(evidence, piece);
          if (photos) onOpenPhoto(photos.current, photos.urls);
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
              {tile ? (
                // Not lazy: a thumbnail is a few KB, and Taro H5's lazy image never loads when it appears
                // after the page did (a photo just uploaded).
                <Image className="evidence-grid__photo" src={tile} mode="aspectFill" />
              ) : piece.kind === 'image' ? (
                <View className="evidence-grid__doc evidence-grid__doc--photo">
                  <Text className="evidence-grid__badge">照片</Text>
                  <Text className="evidence-grid__size">{`${fileSize(piece.size)} · 点开看`}</Text>
                </View>
              ) : (
                <View className="evidence-grid__doc">
                  <Text className="evidence-grid__badge">{DOC_BADGE[extensionOf(piece.name)] ?? '文件'}</Text>
                  <Text className="evidence-grid__size">{fileSize(piece.size)}</Text>
                </View>
              )}
            </View>
            <FileName className="evidence-grid__name" name={piece.name} />
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
