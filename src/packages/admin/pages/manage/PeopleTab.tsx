import { useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import EmptyState from '../../../../components/EmptyState';
import ErrorView from '../../../../components/ErrorView';
import Skeleton from '../../../../components/Skeleton';
import { ROLE_LABEL } from '../../../../core/model';
import { forgetAdminAnswers, usePeople, usePersonUpdate, type PersonChange } from '../../../../hooks/useAdmin';
import type { DirectoryUnit, PersonRow } from '../../../../contract/replies';
import { groupPeopleByUnit, ROLES } from './adminLogic';
import { confirmChange, showDone, showRefusal } from './adminUi';
import UnitChooser from './UnitChooser';

type Choosing = { purpose: 'filter' } | { purpose: 'move'; person: PersonRow } | null;

/** 人员: everyone bound in the district, by unit; change a role, move to another unit, 停用/启用. */
export default function PeopleTab({ units, myOpenid }: { units: DirectoryUnit[]; myOpenid: string }) {
  const [filter, setFilter] = useState<DirectoryUnit | null>(null);
  const [query, setQuery] = useState('');
  const [choosing, setChoosing] = useState<Choosing>(null);
  const people = usePeople(filter?.id ?? null, true);
  const update = usePersonUpdate();
  const groups = useMemo(() => groupPeopleByUnit(people.data?.users ?? [], units, query), [people.data, units, query]);

  const apply = async (change: PersonChange, done: string) => {
    try {
      await update.run(change);
    } catch (caught) {
      showRefusal((caught as Error).message);
      return;
    }
    forgetAdminAnswers();
    showDone(done);
    await people.reload();
  };

  const changeRole = async (person: PersonRow) => {
    const others = ROLES.filter((role) => role !== person.role);
    let index: number;
    try {
      ({ tapIndex: index } = await Taro.showActionSheet({ itemList: others.map((role) => `改为${ROLE_LABEL[role]}`) }));
    } catch {
      return; // cancelled
    }
    const role = others[index];
    if (!role) return;
    const ok = await confirmChange(
      '更改角色',
      `把${person.name}（${person.unitName}）从${ROLE_LABEL[person.role]}改为${ROLE_LABEL[role]}？`,
    );
    if (ok) await apply({ openid: person.openid, role }, '已更改角色');
  };

  const move = async (person: PersonRow, unit: DirectoryUnit) => {
    setChoosing(null);
    if (unit.id === person.unitId) return;
    const ok = await confirmChange('调整单位', `把${person.name}从${person.unitName}调到${unit.name}？`);
    if (ok) await apply({ openid: person.openid, unitId: unit.id }, '已调整单位');
  };

  const toggleDisabled = async (person: PersonRow) => {
    const disabling = !person.disabled;
    const ok = await confirmChange(
      disabling ? '停用人员' : '启用人员',
      disabling
        ? `停用后，${person.name}（${person.unitName}）将不能再使用小程序，可随时重新启用。`
        : `启用后，${person.name}（${person.unitName}）可以重新使用小程序。`,
      disabling ? '停用' : '启用',
    );
    if (ok) await apply({ openid: person.openid, disabled: disabling }, disabling ? '已停用' : '已启用');
  };

  if (choosing) {
    const moving = choosing.purpose === 'move' ? choosing.person : null;
    return (
      <UnitChooser
        title={moving ? `把${moving.name}调到哪个单位` : '只看哪个单位的人员'}
        units={units}
        currentId={moving ? moving.unitId : (filter?.id ?? null)}
        allLabel={moving ? undefined : '全部单位'}
        onChoose={(unit) => {
          if (moving) {
            if (unit) void move(moving, unit);
            return;
          }
          setFilter(unit);
          setChoosing(null);
        }}
        onCancel={() => setChoosing(null)}
      />
    );
  }

  const total = people.data?.users.length ?? 0;
  return (
    <View className="adm-people">
      <View className="adm-card adm-filters">
        <View className="adm-select" hoverClass="adm-hover" onClick={() => setChoosing({ purpose: 'filter' })}>
          <Text className="adm-select__value">{filter ? filter.name : '全部单位'}</Text>
          <Text className="adm-select__arrow">›</Text>
        </View>
        <Input
          className="adm-input"
          value={query}
          placeholder="按姓名查找"
          placeholderClass="adm-input__placeholder"
          onInput={(event) => setQuery(event.detail.value)}
        />
        {people.data ? <Text className="adm-help">{`共 ${total} 人`}</Text> : null}
      </View>

      {people.error ? <ErrorView message={people.error.message} onRetry={() => void people.reload()} /> : null}
      {people.loading && !people.data ? <Skeleton rows={5} /> : null}
      {people.data && groups.length === 0 ? (
        <EmptyState
          title={query ? '没有找到这个人' : '这个单位还没有人绑定'}
          hint={query ? '核对姓名，或换成「全部单位」再找' : '到「邀请码」里为这个单位生成邀请码，发给对方绑定'}
        />
      ) : null}

      {groups.map((group) => (
        <View key={group.unitId} className="adm-card adm-group">
          <Text className="adm-group__title">{`${group.unitName}（${group.people.length}）`}</Text>
          {group.people.map((person) => (
            <View
              key={person.openid}
              className={`adm-person${person.disabled ? ' adm-person--off' : ''}`}
              data-openid={person.openid}
            >
              <View className="adm-person__main">
                <Text className="adm-person__name">
                  {person.name}
                  {person.openid === myOpenid ? '（我）' : ''}
                </Text>
                <Text className={`adm-tag adm-tag--${person.role}`}>{ROLE_LABEL[person.role]}</Text>
                {person.disabled ? <Text className="adm-tag adm-tag--off">已停用</Text> : null}
              </View>
              <View className="adm-person__actions">
                <View className="adm-action" hoverClass="adm-hover" onClick={() => void changeRole(person)}>
                  <Text>改角色</Text>
                </View>
                <View
                  className="adm-action"
                  hoverClass="adm-hover"
                  onClick={() => setChoosing({ purpose: 'move', person })}
                >
                  <Text>调单位</Text>
                </View>
                <View
                  className={`adm-action${person.disabled ? '' : ' adm-action--danger'}`}
                  hoverClass="adm-hover"
                  onClick={() => void toggleDisabled(person)}
                >
                  <Text>{person.disabled ? '启用' : '停用'}</Text>
                </View>
              </View>
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}
