import { useMemo, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import AppButton from '../../../../components/AppButton';
import EmptyState from '../../../../components/EmptyState';
import type { DirectoryUnit } from '../../../../contract/replies';
import { useBackClose } from '../../../../hooks/useBackClose';
import { groupUnitsByKind, searchUnits } from '../manage/adminLogic';
import { unitGroups } from './catalogLogic';

/**
 * Choosing the units a phrase of the list stands for (or an item's lead units): ready-made groups
 * (全部乡镇 …), a search box, and every unit by kind to tick. The phone's back cancels.
 */
export default function UnitPicker({
  title,
  hint,
  units,
  chosen,
  onDone,
  onCancel,
}: {
  title: string;
  hint: string;
  units: DirectoryUnit[];
  chosen: string[];
  onDone: (unitIds: string[]) => void;
  onCancel: () => void;
}) {
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<ReadonlySet<string>>(() => new Set(chosen));
  useBackClose(true, onCancel);
  const active = useMemo(() => units.filter((unit) => !unit.disabled), [units]);
  const groups = useMemo(() => groupUnitsByKind(searchUnits(active, query)), [active, query]);
  const toggle = (id: string) =>
    setPicked((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const ordered = active.filter((unit) => picked.has(unit.id)).map((unit) => unit.id);

  return (
    <View className="cat-picker" role="dialog" aria-label={title}>
      <View className="cat-picker__head">
        <Text className="cat-picker__title">{title}</Text>
        <Text className="cat-picker__cancel" onClick={onCancel}>
          取消
        </Text>
      </View>
      <Text className="cat-picker__hint">{hint}</Text>
      <View className="cat-picker__groups">
        {unitGroups(active).map((group) => (
          <View
            key={group.label}
            className="cat-chip"
            hoverClass="cat-hover"
            onClick={() => setPicked(new Set(group.ids))}
          >
            <Text>{group.label}</Text>
          </View>
        ))}
        {picked.size > 0 ? (
          <View className="cat-chip cat-chip--plain" hoverClass="cat-hover" onClick={() => setPicked(new Set())}>
            <Text>清空</Text>
          </View>
        ) : null}
      </View>
      <Input
        className="cat-input"
        value={query}
        placeholder="输入单位名称搜索"
        placeholderClass="cat-input__placeholder"
        onInput={(event) => setQuery(event.detail.value)}
      />
      <View className="cat-picker__list">
        {groups.map((group) => (
          <View key={group.kind}>
            <Text className="cat-picker__kind">{`${group.label}（${group.units.length}）`}</Text>
            {group.units.map((unit) => (
              <View
                key={unit.id}
                className={`cat-picker__row${picked.has(unit.id) ? ' cat-picker__row--on' : ''}`}
                role="checkbox"
                aria-checked={picked.has(unit.id)}
                hoverClass="cat-hover"
                onClick={() => toggle(unit.id)}
              >
                <Text className="cat-picker__box">{picked.has(unit.id) ? '✓' : ''}</Text>
                <Text className="cat-picker__name">{unit.name}</Text>
              </View>
            ))}
          </View>
        ))}
        {groups.length === 0 ? <EmptyState title="没有找到这个单位" hint="换个关键词试试" /> : null}
      </View>
      <View className="cat-picker__bar">
        <AppButton
          className="cat-button cat-button--primary"
          disabled={ordered.length === 0}
          onClick={() => onDone(ordered)}
        >
          {ordered.length > 0 ? `确定（已选${ordered.length}个）` : '请选择单位'}
        </AppButton>
      </View>
    </View>
  );
}
