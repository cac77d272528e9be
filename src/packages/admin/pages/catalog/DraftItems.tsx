import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { CatalogDraftView, DirectoryUnit, DraftItemView } from '../../../../contract/replies';
import { itemsByIndicator, namesOf, shortList } from './catalogLogic';

/** The draft's items under their indicators: units as the directory resolves them, the schedule in words. */
export default function DraftItems({
  draft,
  units,
  pending,
}: {
  draft: CatalogDraftView;
  units: DirectoryUnit[];
  /** Phrases the directory does not know yet (shown as written, to be chosen). */
  pending: ReadonlySet<string>;
}) {
  const [open, setOpen] = useState<number | null>(null);
  return (
    <View className="cat-card">
      <Text className="cat-card__title">{draft.source.title || '任务清单'}</Text>
      {draft.source.docNo ? <Text className="cat-card__intro">{draft.source.docNo}</Text> : null}
      <Text className="cat-card__intro">{`共 ${draft.items.length} 项任务。点按一项可查看原文和佐证材料建议。`}</Text>
      {itemsByIndicator(draft.indicators, draft.items).map((level1) => (
        <View key={level1.label} className="cat-l1">
          <Text className="cat-l1__label">{level1.label}</Text>
          {level1.groups.map((level2) => (
            <View key={level2.label} className="cat-l2">
              <Text className="cat-l2__label">{level2.label}</Text>
              {level2.items.map((item) => (
                <DraftRow
                  key={item.no}
                  item={item}
                  units={units}
                  pending={pending}
                  open={open === item.no}
                  onToggle={() => setOpen(open === item.no ? null : item.no)}
                />
              ))}
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}

function DraftRow({
  item,
  units,
  pending,
  open,
  onToggle,
}: {
  item: DraftItemView;
  units: DirectoryUnit[];
  pending: ReadonlySet<string>;
  open: boolean;
  onToggle: () => void;
}) {
  const unsettled = (phrases: string[]) =>
    phrases.filter((phrase) => pending.has(phrase)).map((phrase) => `“${phrase}”（待选择）`);
  const lead = [...(item.resolved ? namesOf(item.resolved.lead, units) : item.leadUnits), ...unsettled(item.leadUnits)];
  const responsible = [
    ...(item.resolved ? namesOf(item.resolved.responsible, units) : item.responsibleUnits),
    ...unsettled(item.responsibleUnits),
  ];
  return (
    <View className="cat-item" hoverClass="cat-hover" onClick={onToggle}>
      <View className="cat-item__head">
        <Text className="cat-item__no">{item.no}</Text>
        <Text className="cat-item__title">{item.title}</Text>
      </View>
      <Text className="cat-item__line">
        <Text className="cat-tag cat-tag--lead">牵头</Text>
        {lead.length > 0 ? shortList(lead) : '（未指定）'}
      </Text>
      <Text className="cat-item__line">
        <Text className="cat-tag">责任</Text>
        {responsible.length > 0 ? shortList(responsible, 3) : '（无）'}
      </Text>
      {item.scheduleWords.map((line) => (
        <Text key={line} className="cat-item__when">
          {line}
        </Text>
      ))}
      {open ? (
        <View className="cat-item__more">
          <Text className="cat-item__text" userSelect>
            {item.text}
          </Text>
          {item.deadline ? <Text className="cat-item__when">{`完成时限（原文）：${item.deadline}`}</Text> : null}
          {item.guidance ? <Text className="cat-item__guide">{`佐证材料建议：${item.guidance}`}</Text> : null}
        </View>
      ) : null}
    </View>
  );
}
