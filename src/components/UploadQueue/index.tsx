import { Text, View } from '@tarojs/components';
import { isResumable, queueStatusText, type QueueItem } from '../../services/draftModel';
import { fileSize } from '../../utils/format';
import AppButton from '../AppButton';
import FileName from '../FileName';
import './index.scss';

/**
 * Files on their way to becoming evidence: 正在压缩 → 正在上传 n% → on the task. One that failed on
 * the network stays here and goes again by itself (重试 does it now); one that cannot be sent says
 * why, with 删除 only. Nothing is dropped without a word.
 */
export default function UploadQueue({
  items,
  onRetry,
  onRemove,
  onRepick,
}: {
  items: QueueItem[];
  onRetry: (key: string) => void;
  onRemove: (key: string) => void;
  onRepick: (item: QueueItem) => void;
}) {
  if (items.length === 0) return null;
  return (
    <View className="upload-queue">
      {items.map((item) => {
        const failed = item.status === 'failed' || item.status === 'repick';
        const size =
          item.originalSize && item.originalSize !== item.size
            ? `${fileSize(item.originalSize)} → ${fileSize(item.size)}`
            : fileSize(item.size);
        return (
          <View
            key={item.key}
            className={`upload-queue__item upload-queue__item--${item.status}${item.refused ? ' upload-queue__item--refused' : ''}`}
            data-status={item.status}
            data-progress={item.progress ?? ''}
          >
            <View className="upload-queue__head">
              <FileName className="upload-queue__name" name={item.name} />
              <Text className="upload-queue__size">{size}</Text>
            </View>
            <View className="upload-queue__status" role={failed ? 'alert' : undefined}>
              <Text>{queueStatusText(item)}</Text>
            </View>
            {item.status === 'uploading' || item.status === 'preparing' ? (
              <View className="upload-queue__track">
                <View
                  className={`upload-queue__bar${item.progress === undefined ? ' upload-queue__bar--unknown' : ''}`}
                  style={item.progress === undefined ? undefined : { width: `${Math.max(4, item.progress)}%` }}
                />
              </View>
            ) : null}
            {failed ? (
              <View className="upload-queue__actions">
                {isResumable(item) ? (
                  <AppButton
                    className="upload-queue__button upload-queue__button--primary"
                    size="mini"
                    onClick={() => onRetry(item.key)}
                  >
                    现在重试
                  </AppButton>
                ) : null}
                {item.status === 'repick' ? (
                  <AppButton
                    className="upload-queue__button upload-queue__button--primary"
                    size="mini"
                    onClick={() => onRepick(item)}
                  >
                    重新选择
                  </AppButton>
                ) : null}
                <AppButton className="upload-queue__button" size="mini" onClick={() => onRemove(item.key)}>
                  删除
                </AppButton>
              </View>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}
