import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { CatalogImpact } from '../../../../contract/replies';
import { STATUS_LABEL } from '../../../../core/status';
import { impactLine } from './catalogLogic';

const CHANGE_LABEL = { added: '新增', changed: '有变化', dropped: '移出' } as const;

/**
 * What publishing would do to each chosen year's tasks: added, changed, dropped, and — needing the
 * admin's confirmation — tasks that would be dropped though they have evidence or a report.
 */
export default function ImpactCard({
  impacts,
  confirmed,
  onConfirm,
}: {
  impacts: CatalogImpact[];
  confirmed: boolean;
  onConfirm: (confirmed: boolean) => void;
}) {
  const atRisk = impacts.flatMap((impact) => impact.droppedWithWork);
  return (
    <View className="cat-card">
      <Text className="cat-card__title">发布后的变化</Text>
      {impacts.map((impact) => (
        <View key={impact.year} className="cat-impact">
          <Text className="cat-impact__line">{impactLine(impact)}</Text>
          <Text className="cat-card__intro">
            {impact.current.id === 'base'
              ? `${impact.year}年现在用的是“${impact.current.title}”。`
              : `${impact.year}年现在用的是${impact.current.publishedAt?.slice(0, 10) ?? ''}发布的“${impact.current.title}”。`}
            {impact.stored > 0
              ? `已办理过的${impact.stored}项任务中，事项不变的原样保留（材料、记录都在）。`
              : '这一年还没有任务办理过，发布不影响任何人的工作。'}
          </Text>
          <ItemChanges items={impact.items} />
        </View>
      ))}
      {atRisk.length > 0 ? (
        <View className="cat-risk" role="alert">
          <Text className="cat-risk__title">{`有${atRisk.length}项已报送或已有材料的任务不在新清单中`}</Text>
          {atRisk.slice(0, 20).map((task) => (
            <Text key={task.id} className="cat-note">
              {`${task.unitName} 第${task.itemNo}项 ${task.label}（${STATUS_LABEL[task.status]}，材料${task.evidenceCount}份）`}
            </Text>
          ))}
          <View
            className={`cat-check${confirmed ? ' cat-check--on' : ''}`}
            role="checkbox"
            aria-checked={confirmed}
            onClick={() => onConfirm(!confirmed)}
          >
            <Text className="cat-check__box">{confirmed ? '✓' : ''}</Text>
            <Text className="cat-check__text">我已了解：这些任务及其材料、记录都会保留，但不再计入统计</Text>
          </View>
        </View>
      ) : null}
    </View>
  );
}

/** Items with work in them first (always shown); the whole list of changes one tap away. */
function ItemChanges({ items }: { items: CatalogImpact['items'] }) {
  const [open, setOpen] = useState(false);
  if (items.length === 0) return <Text className="cat-note">事项没有变化</Text>;
  const worked = items.filter((item) => item.withWork > 0);
  const shown = open ? items : worked;
  const counts = (['added', 'changed', 'dropped'] as const)
    .map((change) => [change, items.filter((item) => item.change === change).length] as const)
    .filter(([, count]) => count > 0)
    .map(([change, count]) => `${CHANGE_LABEL[change]}${count}项`)
    .join('、');
  return (
    <View className="cat-impact__items">
      <Text className="cat-note">{`按事项：${counts}`}</Text>
      {shown.map((item) => (
        <Text key={item.itemNo} className={`cat-impact__item cat-impact__item--${item.change}`}>
          {`${CHANGE_LABEL[item.change]} 第${item.itemNo}项 ${item.title}（${item.tasks}项任务${item.withWork > 0 ? `，其中${item.withWork}项已办理` : ''}）`}
        </Text>
      ))}
      <Text className="cat-link" onClick={() => setOpen(!open)}>
        {open ? '收起' : `查看各项变化（${items.length}项）`}
      </Text>
    </View>
  );
}
