import { Button, Text, View } from '@tarojs/components';
import type { QueueItem } from '../../services/draftModel';
import { fileSize } from '../../utils/format';
import './index.scss';

const STATUS_TEXT: Record<QueueItem['status'], string> = {
  waiting: '等待上传',
  uploading: '正在上传…',
  failed: '没传上去',
  repick: '需要重新选择',
};

/**
 * Files on their way to becoming evidence. One that failed stays here, with why, 重试 and 删除,
 * until it is uploaded or the user deletes it: nothing is dropped without a word.
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
      {items.map((item) => (
        <View
          key={item.key}
          className={`upload-queue__item upload-queue__item--${item.status}`}
          data-status={item.status}
        >
          <View className="upload-queue__head">
            <Text className="upload-queue__name">{item.name}</Text>
            <Text className="upload-queue__size">{fileSize(item.size)}</Text>
          </View>
          <Text className="upload-queue__status">
            {item.status === 'failed' && item.message ? `没传上去：${item.message}` : STATUS_TEXT[item.status]}
          </Text>
          {item.status === 'uploading' ? <View className="upload-queue__bar" /> : null}
          {item.status === 'failed' || item.status === 'repick' ? (
            <View className="upload-queue__actions">
              {item.status === 'failed' && !item.refused ? (
                <Button
                  className="upload-queue__button upload-queue__button--primary"
                  size="mini"
                  onClick={() => onRetry(item.key)}
                >
                  重试
                </Button>
              ) : null}
              {item.status === 'repick' ? (
                <Button
                  className="upload-queue__button upload-queue__button--primary"
                  size="mini"
                  onClick={() => onRepick(item)}
                >
                  重新选择
                </Button>
              ) : null}
              <Button className="upload-queue__button" size="mini" onClick={() => onRemove(item.key)}>
                删除
              </Button>
            </View>
          ) : null}
        </View>
      ))}
    </View>
  );
}
