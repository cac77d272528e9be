import { useEffect, useMemo, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import AppButton from '../../components/AppButton';
import type { Light as LightColour } from '../../core/status';
import EmptyState from '../../components/EmptyState';
import ErrorView from '../../components/ErrorView';
import InstructionList from '../../components/InstructionList';
import Light from '../../components/Light';
import Skeleton from '../../components/Skeleton';
import TaskRow from '../../components/TaskRow';
import { useLanding, useTabMemory } from '../../hooks/useLanding';
import { usePageRefresh } from '../../hooks/usePageRefresh';
import { refreshReminderBadge } from '../../hooks/useReminders';
import { useTaskList } from '../../hooks/useTaskList';
import type { TaskSummary } from '../../contract/replies';
import { countByLight, filterTasks, groupTasks, LIGHT_COUNT_LABEL, LIGHT_ORDER, yearRange } from './grouping';
import './index.scss';

/** 我的任务: the unit's tasks of a year, most urgent first, with a search box and the year to switch. */
export default function TasksPage() {
  const [year, setYear] = useState<number | null>(null);
  const [query, setQuery] = useState('');
  const [light, setLight] = useState<LightColour | null>(null);
  const {
    session,
    loading: sessionLoading,
    error: sessionError,
    reload: reloadSession,
    bound,
    list,
  } = useTaskList(year);
  // The tab bar's reminder badge follows every show, the first one too.
  useDidShow(() => {
    if (bound) void refreshReminderBadge();
  });
  usePageRefresh(() => (bound ? list.reload() : reloadSession()));
  // The home page: a leader goes on to 全区进展, an admin to 管理, a reviewer with work to 审核.
  useLanding();
  useTabMemory();

  const data = list.data;
  // H5: once the list shows, fetch the task page's code while the clerk reads, so that a tap on a
  // task shows its skeleton at once instead of waiting for the page to download.
  const listShown = Boolean(data);
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || !listShown) return;
    const timer = setTimeout(() => {
      if (process.env.TARO_ENV === 'h5') void import('../task/index').catch(() => undefined);
    }, 500);
    return () => clearTimeout(timer);
  }, [listShown]);
  const counts = useMemo(() => countByLight(data?.tasks ?? []), [data]);
  const groups = useMemo(() => groupTasks(filterTasks(data?.tasks ?? [], query, light)), [data, query, light]);

  const open = (task: TaskSummary) => {
    void Taro.navigateTo({ url: `/pages/task/index?id=${encodeURIComponent(task.id)}` });
  };

  if (!session) {
    if (sessionError) return <ErrorView message={sessionError.message} onRetry={reloadSession} />;
    return <Skeleton rows={5} />;
  }
  if (!session.user) {
    return (
      <View className="tasks tasks--unbound">
        <EmptyState title="还没有绑定单位" hint="请到「我的」里输入单位发的邀请码，绑定后这里会列出本单位的任务" />
        <AppButton className="tasks__bind" onClick={() => void Taro.switchTab({ url: '/pages/me/index' })}>
          去「我的」绑定
        </AppButton>
        {sessionLoading ? null : (
          <Text className="tasks__bind-again" onClick={() => void reloadSession()}>
            已经绑定了？点这里刷新
          </Text>
        )}
      </View>
    );
  }

  const shownYear = data?.year ?? year;
  const range = data ? yearRange(Number(data.today.slice(0, 4)), session.years) : null;
  const switchYear = (delta: number) => {
    if (!data || !range) return;
    const next = data.year + delta;
    if (next < range.min || next > range.max) return;
    setYear(next);
  };

  return (
    <View className="tasks">
      <View className="tasks__header">
        <View className="tasks__title-row">
          <Text className="tasks__unit">{data?.unitName ?? session.unit?.name ?? ''}</Text>
          <View className="tasks__year">
            <Text
              className={`tasks__year-step${range && shownYear !== null && shownYear <= range.min ? ' tasks__year-step--off' : ''}`}
              aria-label="上一年"
              onClick={() => switchYear(-1)}
            >
              ‹
            </Text>
            <Text className="tasks__year-value">{shownYear ? `${shownYear}年` : '本年'}</Text>
            <Text
              className={`tasks__year-step${range && shownYear !== null && shownYear >= range.max ? ' tasks__year-step--off' : ''}`}
              aria-label="下一年"
              onClick={() => switchYear(1)}
            >
              ›
            </Text>
          </View>
        </View>
        <View className="tasks__counts">
          {LIGHT_ORDER.map((colour) => (
            <View
              key={colour}
              className={`tasks__count${light === colour ? ' tasks__count--on' : ''}`}
              data-light={colour}
              onClick={() => setLight(light === colour ? null : colour)}
            >
              <View className="tasks__count-value">
                <Light light={colour} />
                <Text>{data ? counts[colour] : '–'}</Text>
              </View>
              <Text className="tasks__count-label">{LIGHT_COUNT_LABEL[colour]}</Text>
            </View>
          ))}
        </View>
      </View>

      <View className="tasks__search">
        <Input
          className="tasks__search-input"
          value={query}
          type="text"
          confirmType="search"
          placeholder="搜索：输入序号（如 13）或关键词"
          onInput={(event) => setQuery(event.detail.value)}
        />
        {query ? (
          <Text className="tasks__search-clear" onClick={() => setQuery('')}>
            清除
          </Text>
        ) : null}
      </View>
      {light ? (
        <View className="tasks__filter">
          <Text>{`只看「${LIGHT_COUNT_LABEL[light]}」`}</Text>
          <Text className="tasks__filter-clear" onClick={() => setLight(null)}>
            看全部
          </Text>
        </View>
      ) : null}

      {data && data.instructions.length > 0 ? (
        <View className="tasks__instructions">
          <InstructionList
            instructions={data.instructions}
            today={data.today}
            first={1}
            onOpenTask={(taskId) => void Taro.navigateTo({ url: `/pages/task/index?id=${encodeURIComponent(taskId)}` })}
          />
        </View>
      ) : null}

      {list.error && data ? (
        <View className="tasks__stale">
          <Text>{`${list.error.message}（下面是上次的内容）`}</Text>
          <Text className="tasks__stale-retry" onClick={() => void list.reload()}>
            重试
          </Text>
        </View>
      ) : null}

      {!data ? (
        list.error ? (
          <ErrorView message={list.error.message} onRetry={list.reload} />
        ) : (
          <Skeleton rows={6} />
        )
      ) : data.tasks.length === 0 ? (
        <EmptyState title={`${data.year}年没有本单位的任务`} hint="可以点上方的年份切换到其他年度" />
      ) : groups.length === 0 ? (
        <EmptyState
          title={query ? `没有找到“${query.trim()}”相关的任务` : '这一类暂时没有任务'}
          hint={query ? '试试输入序号（如 13）或其他关键词' : '点「看全部」查看所有任务'}
        />
      ) : (
        groups.map((group) => (
          <View key={group.key} className={`tasks__group tasks__group--${group.key}`} data-group={group.key}>
            <View className="tasks__group-head">
              <Light light={group.light} />
              <Text className="tasks__group-title">{group.title}</Text>
              <Text className="tasks__group-count">{`${group.tasks.length}项`}</Text>
            </View>
            {group.tasks.map((task) => (
              <TaskRow key={task.id} task={task} today={data.today} onOpen={open} />
            ))}
          </View>
        ))
      )}
    </View>
  );
}
