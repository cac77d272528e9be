import { useMemo } from 'react';
import { Image, View } from '@tarojs/components';
import { qrDataUri } from './qrSvg';
import './index.scss';

/** A QR code of `text` (a link), drawn as an SVG image: scan it with a phone to open the link. */
export default function QrCode({ text, label }: { text: string; label: string }) {
  const src = useMemo(() => qrDataUri(text), [text]);
  return (
    <View className="qr-code" aria-label={label}>
      <Image className="qr-code__image" src={src} mode="scaleToFill" aria-label={label} />
    </View>
  );
}
