import { Text, View } from '@tarojs/components';
import './index.scss';

export interface Stat {
  key: string;
  label: string;
  value: number | string;
  /** red for what needs action (逾期), muted for context. */
  tone?: 'normal' | 'red' | 'muted';
}

/** Counts in large type, three to a row: readable at a glance. */
export default function StatGrid({ stats }: { stats: Stat[] }) {
  return (
    <View className="stat-grid">
      {stats.map((stat) => (
        <View
          key={stat.key}
          className={`stat-grid__cell stat-grid__cell--${stat.tone ?? 'normal'}`}
          data-stat={stat.key}
        >
          <Text className="stat-grid__value">{String(stat.value)}</Text>
          <Text className="stat-grid__label">{stat.label}</Text>
        </View>
      ))}
    </View>
  );
}
