import { Text, View } from '@tarojs/components';
import { percent } from '../../utils/format';
import './index.scss';

/** A rate as a ring (CSS conic-gradient: no chart library, light on the package budget). */
export default function Ring({ rate, label, colour = '#b4282d' }: { rate: number; label: string; colour?: string }) {
  const degrees = Math.max(0, Math.min(1, rate)) * 360;
  return (
    <View className="ring" aria-label={`${label} ${percent(rate)}`}>
      <View className="ring__dial" style={{ background: `conic-gradient(${colour} ${degrees}deg, #eceef1 0deg)` }}>
        <View className="ring__hole">
          <Text className="ring__value">{percent(rate)}</Text>
        </View>
      </View>
      <Text className="ring__label">{label}</Text>
    </View>
  );
}
