import { Text, View } from '@tarojs/components';
import type { TaskDetail } from '../../contract/replies';
import Section from './Section';

/** 任务内容: where the item sits in the list, its official text, and its lead and responsible units. */
export default function TaskTextCard({ item }: { item: TaskDetail['item'] }) {
  return (
    <Section title="任务内容">
      <Text className="task-page__path">{item.indicatorPath.filter(Boolean).join(' › ')}</Text>
      <Text className="task-page__text" userSelect>
        {item.text}
      </Text>
      <View className="task-page__units">
        <Text className="task-page__unit-label">牵头</Text>
        <Text className="task-page__unit-names">{item.leadUnits.join('、')}</Text>
      </View>
      <View className="task-page__units">
        <Text className="task-page__unit-label task-page__unit-label--resp">责任</Text>
        <Text className="task-page__unit-names">{item.responsibleUnits.join('、')}</Text>
      </View>
    </Section>
  );
}
