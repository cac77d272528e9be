import { useEffect, useMemo } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import ExportButton from '../../../../components/ExportButton';
import EmptyState from '../../../../components/EmptyState';
import ErrorView from '../../../../components/ErrorView';
import InstructionBox from '../../../../components/InstructionBox';
import Ring from '../../../../components/Ring';
import Skeleton from '../../../../components/Skeleton';
import StatGrid from '../../../../components/StatGrid';
import { currentYear, useUnitSummary, useUrge } from '../../../../hooks/useDistrictSummary';
import { usePageRefresh } from '../../../../hooks/usePageRefresh';
import { useSession } from '../../../../hooks/useSession';
import { useInstruction } from '../../../../hooks/useTaskRequests';
import type { TaskSummary } from '../../../../contract/replies';
import { formatDate, formatDue, percent } from '../../../../utils/format';
import TaskLine from '../../components/TaskLine';
import UrgeButton from '../../components/UrgeButton';
import { groupTasksByStatus, ringsOf, totalsOf, yearFromQuery } from '../../logic';
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
  const instruction = useInstruction();

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
                  {ringsOf(data.totals).map((ring) => (
                    <View key={ring.key} className="unit__ring" data-rate={ring.rate} data-ring={ring.key}>
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

                <View className="unit__card" id="unit-totals">
                  <StatGrid sum={totalsOf(data.totals).sum} stats={totalsOf(data.totals).parts} columns={4} />
                  <StatGrid stats={totalsOf(data.totals).apart} />
                  {isLeader && data.totals.overdue > 0 ? (
                    <View className="unit__urge">
                      <Text className="unit__urge-text">
                        {`有${data.totals.overdue}项逾期未报送，可提醒该单位经办人`}
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
                          due={task.status === 'exempt' ? '无需报送' : formatDue(task.dueDate, data.asOf)}
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
            {isLeader ? (
              <View className="unit__card" id="unit-instruct">
                <Text className="unit__heading">领导批示</Text>
                <InstructionBox
                  target={data.unit.name}
                  busy={instruction.busy}
                  onSend={(text) => instruction.add(text, { unitId: data.unit.id })}
                  onSent={() => undefined}
                />
              </View>
            ) : null}
            <Text className="unit__footnote">{`完成率 ${percent(data.totals.completionRate)}＝已通过${data.totals.approved}÷全部任务${data.totals.total}（不含不涉及）。点任务可查看材料和办理记录。`}</Text>
          </View>
        </View>
      ) : null}
    </View>
  );
}
