import { Text, View } from '@tarojs/components';
import { percent } from '../../utils/format';
import './index.scss';

/**
 * A rate as a ring (CSS conic-gradient: no chart library, light on the package budget), with the
 * counts it comes from (`12/30`) and a short line of what it counts (已通过/全部).
 */
export default function Ring({
  rate,
  label,
  colour = '#b4282d',
  counts,
  caption,
}: {
  rate: number;
  label: string;
  colour?: string;
  /** The counts behind the rate: part/whole. */
  counts?: { part: number; whole: number };
  /** What the part and the whole are. */
  caption?: string;
}) {
  const degrees = Math.max(0, Math.min(1, rate)) * 360;
  const fraction = counts ? `${counts.part}/${counts.whole}` : null;
  return (
    <View className="ring" aria-label={`${label} ${percent(rate)}${fraction ? `（${fraction}）` : ''}`}>
      <View className="ring__dial" style={{ background: `conic-gradient(${colour} ${degrees}deg, #eceef1 0deg)` }}>
        <View className="ring__hole">
          <Text className="ring__value">{percent(rate)}</Text>
        </View>
      </View>
      <Text className="ring__label">{label}</Text>
      {fraction ? (
        <Text className="ring__counts" data-counts={fraction}>
          {fraction}
        </Text>
      ) : null}
      {caption ? <Text className="ring__caption">{caption}</Text> : null}
    </View>
  );
}
