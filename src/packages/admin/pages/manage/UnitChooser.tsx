import { useMemo, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import EmptyState from '../../../../components/EmptyState';
import type { DirectoryUnit } from '../../../../contract/replies';
import { useBackClose } from '../../../../hooks/useBackClose';
import { groupUnitsByKind, searchUnits } from './adminLogic';

/**
 * Choosing a unit out of some fifty: a search box and the units by kind, instead of a wheel that
 * would have to be spun through all of them. Disabled units are not offered.
 */
export default function UnitChooser({
  title,
  units,
  currentId,
  allLabel,
  onChoose,
  onCancel,
}: {
  title: string;
  units: DirectoryUnit[];
  currentId: string | null;
  /** When given, a first row that chooses no unit in particular (e.g. 全部单位). */
  allLabel?: string;
  onChoose: (unit: DirectoryUnit | null) => void;
  onCancel: () => void;
}) {
  const [query, setQuery] = useState('');
  // The phone's back cancels the choice, as 取消 does, instead of leaving 管理.
  useBackClose(true, onCancel);
  const groups = useMemo(
    () =>
      groupUnitsByKind(
        searchUnits(
          units.filter((unit) => !unit.disabled),
          query,
        ),
      ),
    [units, query],
  );

  return (
    <View className="adm-chooser">
      <View className="adm-chooser__head">
        <Text className="adm-chooser__title">{title}</Text>
        <Text className="adm-chooser__cancel" onClick={onCancel}>
          取消
        </Text>
      </View>
      <Input
        className="adm-input"
        value={query}
        placeholder="输入单位名称搜索，如：荷塘"
        placeholderClass="adm-input__placeholder"
        onInput={(event) => setQuery(event.detail.value)}
      />
      {allLabel ? (
        <View
          className={`adm-chooser__row${currentId === null ? ' adm-chooser__row--current' : ''}`}
          hoverClass="adm-hover"
          onClick={() => onChoose(null)}
        >
          <Text className="adm-chooser__name">{allLabel}</Text>
        </View>
      ) : null}
      {groups.map((group) => (
        <View key={group.kind} className="adm-chooser__group">
          <Text className="adm-chooser__kind">{`${group.label}（${group.units.length}）`}</Text>
          {group.units.map((unit) => (
            <View
              key={unit.id}
              className={`adm-chooser__row${unit.id === currentId ? ' adm-chooser__row--current' : ''}`}
              hoverClass="adm-hover"
              onClick={() => onChoose(unit)}
            >
              <Text className="adm-chooser__name">{unit.name}</Text>
              {unit.id === currentId ? <Text className="adm-chooser__mark">当前</Text> : null}
            </View>
          ))}
        </View>
      ))}
      {groups.length === 0 ? (
        <EmptyState title="没有找到这个单位" hint="换个关键词试试；单位还没有的话，可在「单位」里新增" />
      ) : null}
    </View>
  );
}
