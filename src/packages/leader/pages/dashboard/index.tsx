import { useMemo, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import ExportButton from '../../../../components/ExportButton';
import BarRow from '../../../../components/BarRow';
import EmptyState from '../../../../components/EmptyState';
import ErrorView from '../../../../components/ErrorView';
import Ring from '../../../../components/Ring';
import Skeleton from '../../../../components/Skeleton';
import StatGrid from '../../../../components/StatGrid';
import TrendChart from '../../../../components/TrendChart';
import { currentYear, useDistrictSummary, useUrge } from '../../../../hooks/useDistrictSummary';
import { usePageRefresh } from '../../../../hooks/usePageRefresh';
import { useSession } from '../../../../hooks/useSession';
import type { OverdueTask, TaskSummary } from '../../../../contract/replies';
import { formatDate, percent } from '../../../../utils/format';
import TaskLine from '../../components/TaskLine';
import UrgeButton from '../../components/UrgeButton';
import { overdueByUnit, rankingOrder, ringsOf, totalsOf, unitRowNote, yearChoices, yearToShow } from '../../logic';
import './index.scss';

const UNITS_FIRST = 10;
const OVERDUE_UNITS_FIRST = 5;
const LEVEL1_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function openUnit(unitId: string, year: number) {
  void Taro.navigateTo({ url: `/packages/leader/pages/unit/index?unitId=${unitId}&year=${year}` });
}

function openTask(task: TaskSummary) {
  void Taro.navigateTo({ url: `/pages/task/index?id=${task.id}` });
}

/** 区领导's view of the district: rates, counts, the trend, units, indicators and what is overdue. */
export default function DashboardPage() {
  const { session } = useSession();
  const role = session?.user?.role ?? null;
  const isLeader = role === 'leader';
  const thisYear = useMemo(() => currentYear(), []);
  const [chosen, setChosen] = useState<number | null>(null);
  // Only the years the district has tasks for: this year unless it is not one of them.
  const offered = session?.years ?? [];
  const year = chosen ?? yearToShow(offered, thisYear);
  const summary = useDistrictSummary(session ? year : null);
  const { urge, urging } = useUrge();
  const [allUnits, setAllUnits] = useState(false);
  const [allOverdue, setAllOverdue] = useState(false);
  const [openIndicator, setOpenIndicator] = useState<number | null>(null);

  // Coming back from a unit or a task: what was reviewed or urged there may have changed the figures.
  usePageRefresh(summary.reload);

  const data = summary.data && summary.data.year === year ? summary.data : null;
  const overdueUnits = useMemo(() => (data ? overdueByUnit(data.overdue) : []), [data]);
  // Rankings are for leaders (less pressure on 基层); others see the units in directory order by name.
  const units = useMemo(() => {
    if (!data) return [];
    if (isLeader) return rankingOrder(data.units);
    return [...data.units].sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name, 'zh'));
  }, [data, isLeader]);

  const urgeTask = (task: OverdueTask) =>
    void urge({
      unitId: task.unitId,
      unitName: task.unitName,
      taskId: task.id,
      taskLabel: `第${task.itemNo}项「${task.label}」`,
    });

  const years = yearChoices(data?.years ?? offered, year);
  const setYear = setChosen;
  const canExport = session?.user?.role === 'leader' || session?.user?.role === 'admin';

  return (
    <View className="dash">
      <View className="dash__hero">
        <View className="dash__hero-top">
          <Text className="dash__title">{`${session?.district?.name ?? '全区'} ${year}年度`}</Text>
          {data ? <Text className="dash__asof">{`截至${formatDate(data.asOf)}`}</Text> : null}
        </View>
        {data && data.totals.total > 0 && canExport ? (
          <View className="dash__export">
            <ExportButton action="export.xlsx" payload={{ year, asOf: data.asOf }} label="导出 Excel" />
          </View>
        ) : null}
        {years.length > 1 ? (
          <View className="dash__years" role="tablist">
            {years.map((choice) => (
              <View
                key={choice}
                role="tab"
                aria-selected={choice === year}
                className={`dash__year${choice === year ? ' dash__year--on' : ''}`}
                onClick={() => setYear(choice)}
              >
                <Text>{`${choice}年`}</Text>
              </View>
            ))}
          </View>
        ) : null}
      </View>

      {summary.error ? <ErrorView message={summary.error.message} onRetry={() => void summary.reload()} /> : null}
      {!data && (summary.loading || !session) ? <Skeleton rows={5} /> : null}

      {data && data.totals.total === 0 ? (
        <EmptyState title={`${year}年没有任务记录`} hint="系统里没有这一年的任务，请切换到其他年份查看" />
      ) : null}
      {data && data.totals.total > 0 ? (
        <View className="dash__body">
          <View className="dash__card dash__rings">
            {ringsOf(data.totals).map((ring) => (
              <View key={ring.key} className="dash__ring" data-rate={ring.rate} data-ring={ring.key}>
                <Ring
                  rate={ring.rate}
                  label={ring.label}
                  colour={ring.colour}
                  counts={ring.counts}
                  caption={ring.caption}
                />
              </View>
            ))}
          </View>

          <View className="dash__card" id="dash-totals">
            <StatGrid sum={totalsOf(data.totals).sum} stats={totalsOf(data.totals).parts} columns={4} />
            <StatGrid stats={totalsOf(data.totals).apart} />
            {data.totals.exempt > 0 ? (
              <Text className="dash__hint">{`不涉及的${data.totals.exempt}项经牵头单位同意，不计入任务数和各项比率`}</Text>
            ) : null}
          </View>

          <View className="dash__card" id="dash-trend">
            <Text className="dash__heading">逐月走势</Text>
            <TrendChart trend={data.trend} />
          </View>

          <View className="dash__card" id="dash-units">
            <View className="dash__heading-row">
              <Text className="dash__heading">{isLeader ? '单位排名（按完成率）' : '各单位进展'}</Text>
              <Text className="dash__hint">已通过/全部 · 完成率，点单位看详情</Text>
            </View>
            {units.length === 0 ? (
              <EmptyState title="这一年还没有任务" hint="任务生成后这里会列出各单位的进展" />
            ) : null}
            {(allUnits ? units : units.slice(0, UNITS_FIRST)).map((unit) => (
              <View key={unit.unitId} data-unit-id={unit.unitId} data-ranked={unit.ranked ? 'yes' : 'no'}>
                <BarRow
                  label={isLeader && unit.ranked && unit.rank !== null ? `${unit.rank}. ${unit.name}` : unit.name}
                  rate={unit.completionRate}
                  note={unitRowNote(unit, data.minDueToRank, isLeader)}
                  onClick={() => openUnit(unit.unitId, year)}
                />
              </View>
            ))}
            {units.length > UNITS_FIRST ? (
              <Text className="dash__more" onClick={() => setAllUnits(!allUnits)}>
                {allUnits ? '收起' : `展开全部 ${units.length} 个单位`}
              </Text>
            ) : null}
          </View>

          <View className="dash__card" id="dash-overdue">
            <View className="dash__heading-row">
              <Text className="dash__heading">{`逾期任务 ${data.overdueCount} 项`}</Text>
            </View>
            {overdueUnits.length === 0 ? (
              <EmptyState title="没有逾期任务" hint="到期未报送的任务会出现在这里，可以直接催办" />
            ) : null}
            {(allOverdue ? overdueUnits : overdueUnits.slice(0, OVERDUE_UNITS_FIRST)).map((unit) => (
              <View key={unit.unitId} className="dash__overdue-unit" data-overdue-unit={unit.unitId}>
                <View className="dash__overdue-head">
                  <View className="dash__overdue-name" onClick={() => openUnit(unit.unitId, year)}>
                    <Text className="dash__unit-name">{unit.unitName}</Text>
                    <Text className="dash__unit-note">{`${unit.tasks.length}项逾期，最长${unit.maxDays}天 ›`}</Text>
                  </View>
                  {isLeader ? (
                    <UrgeButton
                      label="催办该单位"
                      strong
                      disabled={urging}
                      onUrge={() => void urge({ unitId: unit.unitId, unitName: unit.unitName })}
                    />
                  ) : null}
                </View>
                {unit.tasks.map((task) => (
                  <TaskLine
                    key={task.id}
                    task={task}
                    due={`逾期${task.daysOverdue}天`}
                    onOpen={openTask}
                    action={
                      isLeader || role === 'reviewer' ? (
                        <UrgeButton disabled={urging} onUrge={() => urgeTask(task)} />
                      ) : undefined
                    }
                  />
                ))}
              </View>
            ))}
            {overdueUnits.length > OVERDUE_UNITS_FIRST ? (
              <Text className="dash__more" onClick={() => setAllOverdue(!allOverdue)}>
                {allOverdue ? '收起' : `展开全部 ${overdueUnits.length} 个单位`}
              </Text>
            ) : null}
            {data.overdueCount > data.overdue.length ? (
              <Text className="dash__hint">{`只列出了前 ${data.overdue.length} 项，其余请到各单位页面查看`}</Text>
            ) : null}
          </View>

          <View className="dash__card">
            <View className="dash__heading-row">
              <Text className="dash__heading">一级指标完成情况</Text>
              <Text className="dash__hint">点指标看二级</Text>
            </View>
            {data.indicators.map((indicator) => (
              <View key={indicator.no}>
                <BarRow
                  label={`${LEVEL1_NUMERALS[indicator.no - 1] ?? indicator.no}、${indicator.name}`}
                  rate={indicator.completionRate}
                  note={`${indicator.approved}/${indicator.total} · ${percent(indicator.completionRate)}${
                    indicator.overdue ? ` · 逾期${indicator.overdue}` : ''
                  }`}
                  onClick={() => setOpenIndicator(openIndicator === indicator.no ? null : indicator.no)}
                />
                {openIndicator === indicator.no
                  ? (indicator.children ?? []).map((child) => (
                      <View key={child.no} className="dash__child">
                        <BarRow
                          label={child.name}
                          rate={child.completionRate}
                          note={`${child.approved}/${child.total} · ${percent(child.completionRate)}`}
                        />
                      </View>
                    ))
                  : null}
              </View>
            ))}
          </View>
          <Text className="dash__footnote">
            {`完成率＝已通过÷全部任务；报送率＝已报送（待审核＋已通过）÷全部任务；按时报送率＝按时报送÷已到期。全部任务不含不涉及；到期任务不足${data.minDueToRank}项的单位暂不排名。`}
          </Text>
        </View>
      ) : null}
    </View>
  );
}
