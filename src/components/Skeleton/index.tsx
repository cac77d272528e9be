import { View } from '@tarojs/components';
import './index.scss';

/** Grey placeholder rows while the first answer loads. */
export default function Skeleton({ rows = 4 }: { rows?: number }) {
  return (
    <View className="skeleton" aria-busy="true" aria-label="加载中">
      {Array.from({ length: rows }, (_, index) => (
        <View key={index} className="skeleton__row">
          <View className="skeleton__dot" />
          <View className="skeleton__lines">
            <View className="skeleton__line" />
            <View className="skeleton__line skeleton__line--short" />
          </View>
        </View>
      ))}
    </View>
  );
}
