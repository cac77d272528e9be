import { useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import AppButton from '../../../../components/AppButton';
import type { DirectoryUnit } from '../../../../contract/replies';
import { groupUnitsByKind } from './adminLogic';
import UnitForm from './UnitForm';

/** 单位: the directory by kind, with tags and aliases; tap a unit to edit it, or add one. */
export default function UnitsTab({ units, onChanged }: { units: DirectoryUnit[]; onChanged: () => Promise<void> }) {
  const [editing, setEditing] = useState<DirectoryUnit | 'new' | null>(null);
  const groups = useMemo(() => groupUnitsByKind(units), [units]);

  if (editing) {
    return (
      <UnitForm
        unit={editing === 'new' ? null : editing}
        onSaved={() => {
          setEditing(null);
          void onChanged();
        }}
        onCancel={() => setEditing(null)}
      />
    );
  }

  const open = (unit: DirectoryUnit | 'new') => {
    setEditing(unit);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
  };

  return (
    <View className="adm-units">
      <View className="adm-card">
        <Text className="adm-card__intro">
          {`共 ${units.length} 个单位。任务清单按单位类型和标签把“各乡（镇）街道”“区政府各部门”等分派到具体单位。`}
        </Text>
        <AppButton className="adm-button adm-button--primary" onClick={() => open('new')}>
          新增单位
        </AppButton>
      </View>
      {groups.map((group) => (
        <View key={group.kind} className="adm-card adm-group">
          <Text className="adm-group__title">{`${group.label}（${group.units.length}）`}</Text>
          {group.units.map((unit) => (
            <View
              key={unit.id}
              className={`adm-unit${unit.disabled ? ' adm-unit--off' : ''}`}
              hoverClass="adm-hover"
              onClick={() => open(unit)}
            >
              <View className="adm-unit__main">
                <Text className="adm-unit__name">{unit.name}</Text>
                {unit.disabled ? <Text className="adm-tag adm-tag--off">已停用</Text> : null}
                {unit.tags.map((tag) => (
                  <Text key={tag} className="adm-tag">
                    {tag}
                  </Text>
                ))}
              </View>
              {unit.aliases.length > 0 ? (
                <Text className="adm-unit__aliases">{`简称：${unit.aliases.join('、')}`}</Text>
              ) : null}
              <Text className="adm-unit__edit">修改</Text>
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}
