import { useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import AppButton from '../../../../components/AppButton';
import EmptyState from '../../../../components/EmptyState';
import ErrorView from '../../../../components/ErrorView';
import Skeleton from '../../../../components/Skeleton';
import type { CalendarYearView } from '../../../../contract/replies';
import { shanghaiDate } from '../../../../core/dates';
import { forgetCatalogAnswers, useHolidayCalendar, useHolidaySave } from '../../../../hooks/useCatalog';
import { useSession } from '../../../../hooks/useSession';
import { showRefusal } from '../manage/adminUi';
import { canSave, dayWords, firstYear, noticeView, rangeWords, readNotice } from './holidaysLogic';
import './index.scss';

const NOTICE_MAX_CHARS = 20_000;

/**
 * 管理 → 节假日: the years the holiday calendar holds, and adding one by pasting the 国务院办公厅
 * notice. What it read — the days off and the make-up working days — shows before anything is saved;
 * once saved, deadlines counted in working days through that year are exact (no longer 预估).
 */
export default function HolidaysPage() {
  const { session, loading: sessionLoading } = useSession();
  const user = session?.user ?? null;
  const isAdmin = user?.role === 'admin' && !user.disabled;
  const today = shanghaiDate(Date.now());
  const thisYear = Number(today.slice(0, 4));
  const calendar = useHolidayCalendar(isAdmin);
  const save = useHolidaySave();
  const known = useMemo(() => (calendar.data?.years ?? []).map((entry) => entry.year), [calendar.data]);
  const [chosenYear, setChosenYear] = useState<number | null>(null);
  const year = chosenYear ?? firstYear(today, known);
  const [text, setText] = useState('');
  const [opened, setOpened] = useState<number | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const parsed = useMemo(() => readNotice(year, text), [year, text]);

  const doSave = async () => {
    try {
      const reply = await save.run({ year, noticeText: text });
      if (!reply) return;
      forgetCatalogAnswers();
      setSaved(
        `已保存${year}年的节假日安排。${reply.moved > 0 ? `${reply.moved}项任务的截止日期已按新安排重新计算。` : ''}${reply.problems.map((problem) => problem.message).join('；')}`,
      );
      setText('');
      void calendar.reload();
      void Taro.showToast({ title: '已保存', icon: 'success', duration: 1500 });
    } catch (caught) {
      showRefusal((caught as Error).message);
    }
  };

  if (!session) return <View className="cat-page">{sessionLoading ? <Skeleton rows={4} /> : null}</View>;
  if (!isAdmin) {
    return (
      <View className="cat-page">
        <EmptyState title="只有管理员可以录入节假日安排" />
      </View>
    );
  }

  return (
    <View className="cat-page">
      <View className="cat-card">
        <Text className="cat-card__title">已录入的年份</Text>
        <Text className="cat-card__intro">
          按“几个工作日内”计算的期限，要用国务院办公厅每年公布的放假和调休安排；没有录入的年份只能按周末估算，显示为“预估”。
        </Text>
        {calendar.error ? <ErrorView message={calendar.error.message} onRetry={() => void calendar.reload()} /> : null}
        {!calendar.data && calendar.loading ? <Skeleton rows={1} /> : null}
        <View className="cat-years">
          {known.map((entry) => (
            <View
              key={entry}
              className={`cat-chip${opened === entry ? ' cat-chip--on' : ''}`}
              onClick={() => setOpened(opened === entry ? null : entry)}
            >
              <Text>{`${entry}年`}</Text>
            </View>
          ))}
        </View>
        {opened !== null ? (
          <YearDays entry={(calendar.data?.years ?? []).find((entry) => entry.year === opened) ?? null} />
        ) : null}
        {saved ? <Text className="cat-note">{saved}</Text> : null}
      </View>

      <View className="cat-card">
        <Text className="cat-card__title">录入一年的安排</Text>
        <View className="cat-years">
          {[thisYear, thisYear + 1].map((option) => (
            <View
              key={option}
              className={`cat-chip${option === year ? ' cat-chip--on' : ''}`}
              role="radio"
              aria-checked={option === year}
              onClick={() => setChosenYear(option)}
            >
              <Text>{`${option}年${known.includes(option) ? '（已录入，可重新录入）' : ''}`}</Text>
            </View>
          ))}
        </View>
        <Text className="cat-card__intro">
          {`把《国务院办公厅关于${year}年部分节假日安排的通知》的正文复制粘贴到下面，核对读出的日期后保存。`}
        </Text>
        <Textarea
          className="cat-textarea"
          value={text}
          maxlength={NOTICE_MAX_CHARS}
          placeholder="一、元旦：1月1日（周五）至3日（周日）放假，共3天。……"
          placeholderClass="cat-input__placeholder"
          onInput={(event) => setText(event.detail.value)}
        />
        {parsed ? (
          <View className="hol-read">
            <YearDays entry={{ ...noticeView(parsed), notice: parsed.entry.notice }} />
            {parsed.problems.map((problem, index) => (
              <Text key={index} className="hol-problem">{`${problem.where}：${problem.message}`}</Text>
            ))}
            {Object.entries(parsed.otherYears).map(([other, days]) => (
              <Text key={other} className="cat-note">
                {`另有${days.holidays.length + days.workdays.length}天属于${other}年`}
              </Text>
            ))}
          </View>
        ) : null}
        <AppButton
          className="cat-button cat-button--primary"
          disabled={!canSave(parsed)}
          loading={save.busy}
          onClick={() => void doSave()}
        >
          {save.busy
            ? '正在保存…'
            : parsed && parsed.problems.length > 0
              ? '请先核对上面标红的地方'
              : `保存${year}年的安排`}
        </AppButton>
      </View>
    </View>
  );
}

function YearDays({ entry }: { entry: (Omit<CalendarYearView, 'notice'> & { notice?: string }) | null }) {
  if (!entry) return null;
  return (
    <View className="hol-year">
      {entry.holidays.length === 0 ? <Text className="cat-note">没有读出放假日期</Text> : null}
      {entry.holidays.map((holiday) => (
        <View key={`${holiday.name}-${holiday.from}`} className="hol-year__row">
          <Text className="hol-year__name">{holiday.name}</Text>
          <Text className="hol-year__dates">{`放假 ${rangeWords(holiday)}`}</Text>
        </View>
      ))}
      {entry.workdays.length > 0 ? (
        <View className="hol-year__row">
          <Text className="hol-year__name">调休上班</Text>
          <Text className="hol-year__dates">{entry.workdays.map((workday) => dayWords(workday.date)).join('、')}</Text>
        </View>
      ) : null}
    </View>
  );
}
