import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import AppButton from '../../../../components/AppButton';
import { UNIT_KIND_LABEL, type UnitKind } from '../../../../core/units';
import { forgetRecentAnswers } from '../../../../hooks/useApi';
import { useUnitSave } from '../../../../hooks/useAdmin';
import type { DirectoryUnit } from '../../../../contract/replies';
import { joinList, KINDS, splitList, unitProblem } from './adminLogic';
import { showDone } from './adminUi';

/**
 * Adding or editing a unit of the directory. The server refuses a change that would leave a phrase
 * of the task list without its unit (e.g. renaming 区政府办公室 without keeping 区政府办): its words
 * are shown here, above the button.
 */
export default function UnitForm({
  unit,
  onSaved,
  onCancel,
}: {
  unit: DirectoryUnit | null;
  onSaved: (unit: DirectoryUnit) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState(unit?.name ?? '');
  const [kind, setKind] = useState<UnitKind>(unit?.kind ?? 'department');
  const [tags, setTags] = useState(joinList(unit?.tags ?? []));
  const [aliases, setAliases] = useState(joinList(unit?.aliases ?? []));
  const [disabled, setDisabled] = useState(unit?.disabled ?? false);
  const [problem, setProblem] = useState<string | null>(null);
  const { run, busy } = useUnitSave();

  const save = async () => {
    const found = unitProblem({ name, tags, aliases });
    setProblem(found);
    if (found) return;
    try {
      const saved = await run({
        unit: {
          ...(unit ? { id: unit.id } : {}),
          name: name.trim(),
          kind,
          tags: splitList(tags),
          aliases: splitList(aliases),
          ...(unit ? { disabled } : {}),
        },
      });
      if (!saved) return;
      // Unit names appear in every list: none of the remembered answers can be trusted now.
      forgetRecentAnswers();
      showDone('已保存');
      onSaved(saved.unit);
    } catch (caught) {
      setProblem((caught as Error).message);
    }
  };

  const edited = () => setProblem(null);

  return (
    <View className="adm-card adm-unit-form">
      <View className="adm-chooser__head">
        <Text className="adm-chooser__title">{unit ? `修改：${unit.name}` : '新增单位'}</Text>
        <Text className="adm-chooser__cancel" onClick={onCancel}>
          取消
        </Text>
      </View>

      <Text className="adm-label">单位名称</Text>
      <Input
        className="adm-input"
        value={name}
        maxlength={30}
        placeholder="如：区数据局"
        placeholderClass="adm-input__placeholder"
        onInput={(event) => {
          setName(event.detail.value);
          edited();
        }}
      />

      <Text className="adm-label">类型</Text>
      <View className="adm-chips">
        {KINDS.map((candidate) => (
          <View
            key={candidate}
            className={`adm-chip${candidate === kind ? ' adm-chip--on' : ''}`}
            onClick={() => {
              setKind(candidate);
              edited();
            }}
            aria-pressed={candidate === kind}
          >
            <Text>{UNIT_KIND_LABEL[candidate]}</Text>
          </View>
        ))}
      </View>
      <Text className="adm-help">“各乡（镇）街道”包括全部乡镇和街道，“区政府各部门”包括全部区政府部门。</Text>

      <Text className="adm-label">标签</Text>
      <Input
        className="adm-input"
        value={tags}
        placeholder="如：行政执法部门"
        placeholderClass="adm-input__placeholder"
        onInput={(event) => {
          setTags(event.detail.value);
          edited();
        }}
      />
      <Text className="adm-help">多个用逗号隔开。带“行政执法部门”标签的部门，会收到“区政府各行政执法部门”的任务。</Text>

      <Text className="adm-label">简称、曾用名</Text>
      <Input
        className="adm-input"
        value={aliases}
        placeholder="如：区政府办"
        placeholderClass="adm-input__placeholder"
        onInput={(event) => {
          setAliases(event.detail.value);
          edited();
        }}
      />
      <Text className="adm-help">任务清单里对这个单位的其他叫法，多个用逗号隔开。单位改名时，请把原名称填在这里。</Text>

      {unit ? (
        <View
          className={`adm-toggle${disabled ? ' adm-toggle--on' : ''}`}
          onClick={() => {
            setDisabled(!disabled);
            edited();
          }}
          aria-pressed={disabled}
        >
          <View className="adm-toggle__box">{disabled ? <Text>✓</Text> : null}</View>
          <Text className="adm-toggle__label">停用这个单位（撤并后使用：不再派任务，也不能为它生成邀请码）</Text>
        </View>
      ) : null}

      {problem ? (
        <View className="adm-error" role="alert">
          <Text>{problem}</Text>
        </View>
      ) : null}

      <AppButton className="adm-button adm-button--primary" loading={busy} onClick={() => void save()}>
        {busy ? '正在保存…' : '保存'}
      </AppButton>
    </View>
  );
}
