import { Text, View } from '@tarojs/components';
import { percent } from '../../utils/format';
import './index.scss';

/** One labelled bar: a unit's or an indicator's completion. */
export default function BarRow({
  label,
  rate,
  note,
  onClick,
}: {
  label: string;
  rate: number;
  note?: string;
  onClick?: () => void;
}) {
  return (
    <View className={`bar-row${onClick ? ' bar-row--link' : ''}`} onClick={onClick}>
      <View className="bar-row__head">
        <Text className="bar-row__label">{label}</Text>
        <Text className="bar-row__value">{note ?? percent(rate)}</Text>
      </View>
      <View className="bar-row__track">
        <View className="bar-row__fill" style={{ width: `${Math.max(0, Math.min(1, rate)) * 100}%` }} />
      </View>
    </View>
  );
}
