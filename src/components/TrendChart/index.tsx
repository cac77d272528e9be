import { Text, View } from '@tarojs/components';
import { percent } from '../../utils/format';
import { trendCaption, trendColumns, type TrendPoint } from './columns';
import './index.scss';

/**
 * Month by month, how much of the year stood reported (light) and approved (dark) at each month's
 * end (the current month: as of the summary's date, so the last column is the rings): columns made
 * of Views, no chart library.
 */
export default function TrendChart({ trend }: { trend: TrendPoint[] | undefined }) {
  const { columns, scaleMax, latest } = trendColumns(trend);
  const caption = trendCaption(latest);
  if (columns.length === 0) {
    return <Text className="trend__empty">这一年还没有开始，暂无走势</Text>;
  }
  return (
    <View className="trend">
      <View className="trend__legend">
        <View className="trend__key trend__key--report" />
        <Text className="trend__key-label">报送率</Text>
        <View className="trend__key trend__key--completion" />
        <Text className="trend__key-label">完成率</Text>
      </View>
      <View className="trend__plot">
        <View className="trend__axis">
          <Text className="trend__tick">{percent(scaleMax)}</Text>
          <Text className="trend__tick">0</Text>
        </View>
        <View className="trend__columns">
          {columns.map((column) => (
            <View
              key={column.month}
              className="trend__column"
              aria-label={`${column.label} 报送率${percent(column.reportRate)} 完成率${percent(column.completionRate)}`}
            >
              <View className="trend__bars">
                <View className="trend__bar trend__bar--report" style={{ height: `${column.reportHeight * 100}%` }} />
                <View
                  className="trend__bar trend__bar--completion"
                  style={{ height: `${column.completionHeight * 100}%` }}
                />
              </View>
              <Text className="trend__month">{column.label.replace('月', '')}</Text>
            </View>
          ))}
        </View>
      </View>
      {caption ? (
        <Text className="trend__caption" data-caption="latest">
          {caption}
        </Text>
      ) : null}
      <Text className="trend__axis-note">横轴为月份；已报送＝待审核＋已通过，分母为全部任务（不含不涉及）</Text>
    </View>
  );
}
