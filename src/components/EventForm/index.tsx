import { useState } from 'react';
import { Input, Picker, Text, View } from '@tarojs/components';
import AppButton from '../AppButton';
import type { EventRule } from '../../core/catalog/types';
import { formatDate } from '../../utils/format';
import './index.scss';

function deadlineWords(rule: EventRule): string {
  return `${rule.within}${rule.unit === 'workingDays' ? '个工作日' : '日'}内${rule.action}`;
}

/**
 * 登记事件 for items whose deadline runs from something that happened to the unit (item 13: the
 * 权责清单 was adjusted; item 25: a judgment was received). Recording it creates a task of its own.
 */
export default function EventForm({
  rule,
  today,
  busy,
  error,
  onRecord,
}: {
  rule: EventRule;
  today: string;
  busy: boolean;
  error: string | null;
  onRecord: (date: string, note: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState(today);
  const [note, setNote] = useState('');

  if (!open) {
    return (
      <View className="event-form event-form--closed">
        <Text className="event-form__hint">{`如有「${rule.trigger}」，登记后自动生成一项任务：${deadlineWords(rule)}。`}</Text>
        <AppButton className="event-form__open" size="mini" onClick={() => setOpen(true)}>
          登记事件
        </AppButton>
      </View>
    );
  }
  return (
    <View className="event-form">
      <Text className="event-form__title">{`登记「${rule.trigger}」`}</Text>
      <Picker mode="date" value={date} end={today} onChange={(event) => setDate(String(event.detail.value))}>
        <View className="event-form__field">
          <Text className="event-form__label">发生日期</Text>
          <Text className="event-form__value">{`${date.slice(0, 4)}年${formatDate(date)}`}</Text>
          <Text className="event-form__change">修改</Text>
        </View>
      </Picker>
      <View className="event-form__field event-form__field--note">
        <Input
          className="event-form__input"
          value={note}
          maxlength={200}
          placeholder="补充说明（可不填），如文件名称、文号"
          onInput={(event) => setNote(event.detail.value)}
        />
      </View>
      <Text className="event-form__hint">{`截止日期按${deadlineWords(rule)}自动计算。`}</Text>
      {error ? <Text className="event-form__error">{error}</Text> : null}
      <View className="event-form__actions">
        <AppButton className="event-form__cancel" size="mini" onClick={() => setOpen(false)}>
          取消
        </AppButton>
        <AppButton
          className="event-form__submit"
          size="mini"
          loading={busy}
          onClick={() => onRecord(date, note.trim())}
        >
          登记
        </AppButton>
      </View>
    </View>
  );
}
