import { Text, View } from '@tarojs/components';
import './index.scss';

export interface Stat {
  key: string;
  label: string;
  value: number | string;
  /** red for what needs action (逾期), muted for context. */
  tone?: 'normal' | 'red' | 'muted';
}

/**
 * Counts in large type, three (or four) to a row: readable at a glance. With `sum`, a head line
 * gives the whole the cells add up to (全部任务 = 待报送 + 已退回 + 待审核 + 已通过), so the grid
 * can be checked by adding.
 */
export default function StatGrid({
  stats,
  columns = 3,
  sum,
}: {
  stats: Stat[];
  columns?: 3 | 4;
  sum?: Stat & { note: string };
}) {
  return (
    <View className={`stat-grid stat-grid--${columns}`}>
      {sum ? (
        <View className="stat-grid__sum" data-stat={sum.key}>
          <Text className="stat-grid__sum-label">{sum.label}</Text>
          <Text className="stat-grid__value">{String(sum.value)}</Text>
          <Text className="stat-grid__sum-note">{sum.note}</Text>
        </View>
      ) : null}
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
