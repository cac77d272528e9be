import { useEffect, useMemo } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import ExportButton from '../../../../components/ExportButton';
import EmptyState from '../../../../components/EmptyState';
import ErrorView from '../../../../components/ErrorView';
import Ring from '../../../../components/Ring';
import Skeleton from '../../../../components/Skeleton';
import StatGrid from '../../../../components/StatGrid';
import { currentYear, useUnitSummary, useUrge } from '../../../../hooks/useDistrictSummary';
import { usePageRefresh } from '../../../../hooks/usePageRefresh';
import { useSession } from '../../../../hooks/useSession';
import type { TaskSummary } from '../../../../contract/replies';
import { formatDate, formatDue, percent } from '../../../../utils/format';
import TaskLine from '../../components/TaskLine';
import UrgeButton from '../../components/UrgeButton';
import { groupTasksByStatus, yearFromQuery } from '../../logic';
import './index.scss';
import { setPageTitle } from '../../../../services/pageTitle';

function openTask(task: TaskSummary) {
  void Taro.navigateTo({ url: `/pages/task/index?id=${task.id}` });
}

/** One unit's year: its rates, what is overdue (with 催办), and every task by status. */
export default function UnitPage() {
  const { params } = useRouter();
  const { session } = useSession();
  const role = session?.user?.role ?? null;
  const unitId = params.unitId ? decodeURIComponent(params.unitId) : null;
  const year = useMemo(() => yearFromQuery(params.year, currentYear()), [params.year]);
  const summary = useUnitSummary(unitId, year);
  const { urge, urging } = useUrge();

  usePageRefresh(summary.reload);

  const data = summary.data;
  const unitName = data?.unit.name ?? null;
  useEffect(() => {
    if (unitName) setPageTitle(unitName);
  }, [unitName]);

  const groups = useMemo(() => (data ? groupTasksByStatus(data.tasks) : []), [data]);
  const isLeader = role === 'leader';
  const mayUrgeTasks = isLeader || role === 'reviewer';

  if (!unitId) {
    return <EmptyState title="没有指定单位" hint="请从「全区进展」里点选一个单位" />;
  }

  return (
    <View className="unit">
      {summary.error ? <ErrorView message={summary.error.message} onRetry={() => void summary.reload()} /> : null}
      {!data && summary.loading ? <Skeleton rows={6} /> : null}
      {data ? (
        <View>
          <View className="unit__hero">
            <Text className="unit__name">{data.unit.name}</Text>
            <Text className="unit__sub">{`${data.year}年度 · 截至${formatDate(data.asOf)} · 共${data.totals.total}项任务`}</Text>
            {data.totals.total > 0 ? (
              <View className="unit__export">
                <ExportButton
                  action="report.annual"
                  payload={{ unitId: data.unit.id, year: data.year }}
                  label={`生成${data.year}年度报告（草稿）`}
                />
              </View>
            ) : null}
          </View>
          <View className="unit__body">
            {data.totals.total === 0 ? (
              <EmptyState
                title={`${data.year}年没有分配给该单位的任务`}
                hint="可以到「任务清单原文」查看各项任务的责任单位"
              />
            ) : (
              <View>
                <View className="unit__card unit__rings">
                  <View className="unit__ring" data-rate={data.totals.completionRate}>
                    <Ring rate={data.totals.completionRate} label="完成率" />
                  </View>
                  <View className="unit__ring" data-rate={data.totals.reportRate}>
                    <Ring rate={data.totals.reportRate} label="报送率" colour="#2f7cf6" />
                  </View>
                  <View className="unit__ring" data-rate={data.totals.onTimeRate}>
                    <Ring rate={data.totals.onTimeRate} label="按时报送率" colour="#2ba471" />
                  </View>
                </View>

                <View className="unit__card">
                  <StatGrid
                    stats={[
                      { key: 'approved', label: '已完成', value: data.totals.approved },
                      { key: 'submitted', label: '待审核', value: data.totals.submitted },
                      { key: 'returned', label: '已退回', value: data.totals.returned },
                      { key: 'pending', label: '待报送', value: data.totals.pending, tone: 'muted' },
                      { key: 'due', label: '已到期', value: data.totals.due, tone: 'muted' },
                      {
                        key: 'overdue',
                        label: '逾期',
                        value: data.totals.overdue,
                        tone: data.totals.overdue ? 'red' : 'normal',
                      },
                    ]}
                  />
                  {isLeader ? (
                    <View className="unit__urge">
                      <Text className="unit__urge-text">
                        {data.overdue.length > 0
                          ? `有${data.overdue.length}项逾期未报送，可提醒该单位经办人`
                          : '暂无逾期任务，也可以提醒经办人抓紧办理'}
                      </Text>
                      <UrgeButton
                        label="催办本单位"
                        strong
                        disabled={urging}
                        onUrge={() => void urge({ unitId: data.unit.id, unitName: data.unit.name })}
                      />
                    </View>
                  ) : null}
                </View>

                <View className="unit__card" id="unit-tasks">
                  <Text className="unit__heading">{`全部任务 ${data.tasks.length} 项`}</Text>
                  {groups.map((group) => (
                    <View key={group.key} className="unit__group" data-group={group.key}>
                      <Text className={`unit__group-title unit__group-title--${group.key}`}>
                        {`${group.title}（${group.tasks.length}）`}
                      </Text>
                      {group.tasks.map((task) => (
                        <TaskLine
                          key={task.id}
                          task={task}
                          due={formatDue(task.dueDate, data.asOf)}
                          onOpen={openTask}
                          action={
                            group.key === 'overdue' && mayUrgeTasks ? (
                              <UrgeButton
                                disabled={urging}
                                onUrge={() =>
                                  void urge({
                                    unitId: task.unitId,
                                    unitName: task.unitName,
                                    taskId: task.id,
                                    taskLabel: `第${task.itemNo}项「${task.label}」`,
                                  })
                                }
                              />
                            ) : undefined
                          }
                        />
                      ))}
                    </View>
                  ))}
                </View>
              </View>
            )}
            <Text className="unit__footnote">{`完成率 ${percent(data.totals.completionRate)}＝已通过÷应完成。点任务可查看材料和办理记录。`}</Text>
          </View>
        </View>
      ) : null}
    </View>
  );
}
