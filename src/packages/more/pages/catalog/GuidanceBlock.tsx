import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import AppButton from '../../../../components/AppButton';
import type { CatalogItemView } from '../../../../contract/replies';
import { useGuidanceSave } from '../../../../hooks/useCatalog';

export const GUIDANCE_MAX_CHARS = 500;

/**
 * An item's 佐证材料要求 under its text: what staff see on top of their task. Reviewers of its lead
 * unit (and the admin) write it here; an emptied text means none.
 */
export default function GuidanceBlock({
  item,
  year,
  onSaved,
}: {
  item: CatalogItemView;
  year: number;
  onSaved: () => void;
}) {
  const save = useGuidanceSave();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(item.guidance?.text ?? '');

  const doSave = async () => {
    try {
      const reply = await save.run({ year, itemNo: item.no, text });
      if (!reply) return;
      setEditing(false);
      onSaved();
      void Taro.showToast({ title: '已保存', icon: 'success', duration: 1500 });
    } catch (caught) {
      void Taro.showModal({ title: '未能保存', content: (caught as Error).message, showCancel: false });
    }
  };

  return (
    <View className="catalog__guidance">
      <Text className="catalog__guidance-title">佐证材料要求</Text>
      {editing ? (
        <View>
          <Textarea
            className="catalog__guidance-input"
            value={text}
            maxlength={GUIDANCE_MAX_CHARS}
            placeholder="例如：报告正文（加盖公章）；向社会公开的网页截图"
            onInput={(event) => setText(event.detail.value)}
          />
          <Text className="catalog__guidance-note">{`各单位打开这项任务时，最先看到这段要求。${text.length}/${GUIDANCE_MAX_CHARS}`}</Text>
          <AppButton
            className="catalog__guidance-button catalog__guidance-button--primary"
            loading={save.busy}
            onClick={() => void doSave()}
          >
            {save.busy ? '正在保存…' : '保存'}
          </AppButton>
          <AppButton className="catalog__guidance-button" onClick={() => setEditing(false)}>
            取消
          </AppButton>
        </View>
      ) : (
        <View>
          <Text className="catalog__guidance-text">{item.guidance?.text ?? '（还没有写）'}</Text>
          {item.guidance ? (
            <Text className="catalog__guidance-note">
              {item.guidance.proposed
                ? '根据任务原文自动整理，牵头单位可修改'
                : `${item.guidance.updatedByName ?? ''} ${item.guidance.updatedAt?.slice(0, 10) ?? ''}`}
            </Text>
          ) : null}
          {item.canEditGuidance ? (
            <AppButton
              className="catalog__guidance-button"
              onClick={() => {
                setText(item.guidance?.text ?? '');
                setEditing(true);
              }}
            >
              修改佐证材料要求
            </AppButton>
          ) : null}
        </View>
      )}
    </View>
  );
}
