import { useState } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import AppButton from '../../../../components/AppButton';
import type { DirectoryUnit } from '../../../../contract/replies';
import type { CatalogProblem } from '../../../../core/catalog/preview';
import { fixesOf, namesOf, notesOf, shortList, type Choices, type Fix } from './catalogLogic';

/** What to pick units for: a phrase of the list, or an item's lead. */
export type PickFor = { kind: 'phrase'; phrase: string } | { kind: 'lead'; itemNo: number };

/**
 * What the importer could not settle, each with the choice that settles it (units for a phrase,
 * a lead unit, a date), the choices made so far (to change or undo), and the notes to read.
 */
export default function FixesCard({
  problems,
  choices,
  units,
  today,
  onPick,
  onDate,
  onUndo,
}: {
  problems: CatalogProblem[];
  choices: Choices;
  units: DirectoryUnit[];
  today: string;
  onPick: (what: PickFor) => void;
  onDate: (itemNo: number, date: string) => void;
  onUndo: (what: { kind: 'phrase' | 'lead' | 'date'; key: string }) => void;
}) {
  const [showNotes, setShowNotes] = useState(false);
  const fixes = fixesOf(problems);
  const notes = notesOf(problems);
  const made = [
    ...Object.entries(choices.phraseMap).map(([phrase, ids]) => ({
      kind: 'phrase' as const,
      key: phrase,
      text: `“${phrase}”指：${shortList(namesOf(ids, units))}（以后导入时自动识别）`,
    })),
    ...Object.entries(choices.leads).map(([no, ids]) => ({
      kind: 'lead' as const,
      key: no,
      text: `第${no}项由${namesOf(ids, units).join('、')}牵头`,
    })),
    ...Object.entries(choices.dates).map(([no, date]) => ({
      kind: 'date' as const,
      key: no,
      text: `第${no}项的完成日期：${date}`,
    })),
  ];

  return (
    <View className="cat-card">
      <Text className="cat-card__title">
        {fixes.length > 0 ? `还有${fixes.length}处需要处理` : '没有需要处理的问题'}
      </Text>
      {fixes.map((fix) => (
        <FixRow key={fixKey(fix)} fix={fix} today={today} onPick={onPick} onDate={onDate} />
      ))}
      {made.length > 0 ? (
        <View className="cat-made">
          <Text className="cat-made__title">已作的选择</Text>
          {made.map((choice) => (
            <View key={`${choice.kind}-${choice.key}`} className="cat-made__row">
              <Text className="cat-made__text">{choice.text}</Text>
              <Text
                className="cat-link"
                onClick={() =>
                  choice.kind === 'date'
                    ? onUndo(choice)
                    : onPick(
                        choice.kind === 'phrase'
                          ? { kind: 'phrase', phrase: choice.key }
                          : { kind: 'lead', itemNo: Number(choice.key) },
                      )
                }
              >
                {choice.kind === 'date' ? '撤销' : '修改'}
              </Text>
            </View>
          ))}
        </View>
      ) : null}
      {notes.length > 0 ? (
        <View className="cat-notes">
          <Text className="cat-link" onClick={() => setShowNotes(!showNotes)}>
            {showNotes ? '收起提示' : `另有${notes.length}条提示（不影响发布），点此查看`}
          </Text>
          {showNotes
            ? notes.map((note, index) => (
                <Text key={index} className="cat-note">{`${note.where}：${note.message}`}</Text>
              ))
            : null}
        </View>
      ) : null}
    </View>
  );
}

function fixKey(fix: Fix): string {
  if (fix.kind === 'phrase') return `phrase-${fix.phrase}`;
  if (fix.kind === 'other') return `other-${fix.problem.where}-${fix.problem.message}`;
  return `${fix.kind}-${fix.itemNo}`;
}

function FixRow({
  fix,
  today,
  onPick,
  onDate,
}: {
  fix: Fix;
  today: string;
  onPick: (what: PickFor) => void;
  onDate: (itemNo: number, date: string) => void;
}) {
  const { problem } = fix;
  return (
    <View className="cat-fix" role="group">
      <Text className="cat-fix__where">{problem.where}</Text>
      <Text className="cat-fix__message">{problem.message}</Text>
      {fix.kind === 'phrase' ? (
        <AppButton
          className="cat-button cat-button--small"
          onClick={() => onPick({ kind: 'phrase', phrase: fix.phrase })}
        >
          {`选择“${fix.phrase}”指的单位`}
        </AppButton>
      ) : null}
      {fix.kind === 'lead' ? (
        <AppButton
          className="cat-button cat-button--small"
          onClick={() => onPick({ kind: 'lead', itemNo: fix.itemNo })}
        >
          选择牵头单位
        </AppButton>
      ) : null}
      {fix.kind === 'date' ? (
        <Picker mode="date" value={today} onChange={(event) => onDate(fix.itemNo, String(event.detail.value))}>
          <View className="cat-button cat-button--small cat-button--picker">设定完成日期</View>
        </Picker>
      ) : null}
    </View>
  );
}
