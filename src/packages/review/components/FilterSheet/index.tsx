import { ScrollView, Text, View } from '@tarojs/components';
import { useBackClose } from '../../../../hooks/useBackClose';
import type { FilterOption } from '../../logic';
import './index.scss';

/** A chooser over the queue: 全部, or one unit (one item) with how many wait there. Back closes it. */
export default function FilterSheet<K extends string | number>({
  title,
  allLabel,
  options,
  chosen,
  onChoose,
  onClose,
}: {
  title: string;
  allLabel: string;
  options: Array<FilterOption<K>>;
  chosen: K | undefined;
  onChoose: (key: K | undefined) => void;
  onClose: () => void;
}) {
  useBackClose(true, onClose);
  const row = (key: K | undefined, label: string, count: number | null) => (
    <View
      key={String(key ?? 'all')}
      className={`filter-sheet__option${chosen === key ? ' filter-sheet__option--on' : ''}`}
      hoverClass="filter-sheet__option--hover"
      data-option={String(key ?? 'all')}
      onClick={() => onChoose(key)}
    >
      <Text className="filter-sheet__label">{label}</Text>
      {count !== null ? <Text className="filter-sheet__count">{`${count}项`}</Text> : null}
    </View>
  );
  return (
    <View className="filter-sheet">
      <View className="filter-sheet__mask" catchMove onClick={onClose} />
      <View className="filter-sheet__panel" role="dialog" aria-label={title}>
        <View className="filter-sheet__head" catchMove>
          <Text className="filter-sheet__title">{title}</Text>
          <View className="filter-sheet__close" role="button" aria-label="关闭" onClick={onClose}>
            <Text>关闭</Text>
          </View>
        </View>
        <ScrollView className="filter-sheet__scroll" scrollY enhanced showScrollbar={false}>
          {row(undefined, allLabel, null)}
          {options.map((option) => row(option.key, option.label, option.count))}
        </ScrollView>
      </View>
    </View>
  );
}
