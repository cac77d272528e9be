import { useRef } from 'react';
import { Image, Text, View } from '@tarojs/components';
import type { ITouchEvent } from '@tarojs/components';
import './index.scss';

/**
 * The H5 full-screen photo viewer (WeChat has its own): the full photo, fitted to the screen, with
 * 1/3, swiping (or the side arrows) to the next, and 关闭; the phone's back closes it too
 * (usePhotoViewer). Only here is the full photo loaded: tiles show thumbnails.
 */
export default function PhotoViewer({
  urls,
  index,
  onIndex,
  onClose,
}: {
  urls: string[];
  index: number;
  onIndex: (index: number) => void;
  onClose: () => void;
}) {
  const startX = useRef<number | null>(null);
  const go = (step: number) => onIndex((index + step + urls.length) % urls.length);
  const many = urls.length > 1;
  return (
    <View
      className="photo-viewer"
      catchMove
      role="dialog"
      aria-label="查看照片"
      onTouchStart={(event) => {
        startX.current = (event as ITouchEvent).touches[0]?.clientX ?? null;
      }}
      onTouchEnd={(event) => {
        const endX = (event as ITouchEvent).changedTouches[0]?.clientX;
        if (many && startX.current !== null && endX !== undefined && Math.abs(endX - startX.current) > 40) {
          go(endX < startX.current ? 1 : -1);
        }
        startX.current = null;
      }}
    >
      <Image key={urls[index]} className="photo-viewer__photo" src={urls[index]} mode="aspectFit" onClick={onClose} />
      <View className="photo-viewer__bar">
        <Text className="photo-viewer__count">{many ? `${index + 1} / ${urls.length}` : ''}</Text>
        <View className="photo-viewer__close" role="button" aria-label="关闭照片" onClick={onClose}>
          <Text>关闭</Text>
        </View>
      </View>
      {many ? (
        <View className="photo-viewer__side photo-viewer__side--prev" aria-label="上一张" onClick={() => go(-1)}>
          <Text>‹</Text>
        </View>
      ) : null}
      {many ? (
        <View className="photo-viewer__side photo-viewer__side--next" aria-label="下一张" onClick={() => go(1)}>
          <Text>›</Text>
        </View>
      ) : null}
    </View>
  );
}
