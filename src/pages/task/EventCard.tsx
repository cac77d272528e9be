import Taro from '@tarojs/taro';
import EventForm from '../../components/EventForm';
import type { EventRule } from '../../core/catalog/types';
import { forgetRecentAnswers } from '../../hooks/useApi';
import { useMutation } from '../../hooks/useMutation';
import Section from './Section';

/** 登记事件: for an item whose deadline runs from an event; recording one opens the task it creates. */
export default function EventCard({ itemNo, rule, today }: { itemNo: number; rule: EventRule; today: string }) {
  const mutation = useMutation('events.record');

  const record = async (date: string, note: string) => {
    try {
      const result = await mutation.run({ itemNo, date, ...(note ? { note } : {}) });
      if (!result) return;
      forgetRecentAnswers('tasks.list');
      void Taro.showToast({ title: '已登记', icon: 'success' });
      void Taro.navigateTo({ url: `/pages/task/index?id=${encodeURIComponent(result.task.id)}` });
    } catch {
      // shown in the form
    }
  };

  return (
    <Section title="登记事件">
      <EventForm
        rule={rule}
        today={today}
        busy={mutation.busy}
        error={mutation.error?.message ?? null}
        onRecord={(date, note) => void record(date, note)}
      />
    </Section>
  );
}
