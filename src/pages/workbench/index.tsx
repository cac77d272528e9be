import { useMemo, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import AppButton from '../../components/AppButton';
import Taro from '@tarojs/taro';
import EmptyState from '../../components/EmptyState';
import ErrorView from '../../components/ErrorView';
import Skeleton from '../../components/Skeleton';
import { ROLE_LABEL } from '../../core/model';
import { currentYear, useDistrictSummary, useUnitSummary } from '../../hooks/useDistrictSummary';
import { useLandingOverTab, useTabMemory } from '../../hooks/useLanding';
import { usePageRefresh } from '../../hooks/usePageRefresh';
import { useReviewQueue } from '../../hooks/useReviewQueue';
import { useSession } from '../../hooks/useSession';
import { percent } from '../../utils/format';
import { showsReviewQueue, workbenchPlan } from './plan';
import './index.scss';

const go = (url: string) => void Taro.navigateTo({ url });

function Entry({
  name,
  title,
  description,
  badge,
  onClick,
}: {
  name: string;
  title: string;
  description?: ReactNode;
  badge?: string;
  onClick: () => void;
}) {
  return (
    <View className="wb-entry" hoverClass="wb-entry--hover" onClick={onClick} data-entry={name} role="link">
      <View className="wb-entry__main">
        <Text className="wb-entry__title">{title}</Text>
        {description ? <Text className="wb-entry__desc">{description}</Text> : null}
      </View>
      {badge ? <Text className="wb-entry__badge">{badge}</Text> : null}
      <Text className="wb-entry__arrow">›</Text>
    </View>
  );
}

/** The 工作台: what this person's role has to do and see, one tap from each. */
export default function WorkbenchPage() {
  const { session, loading, error, reload: reloadSession } = useSession();
  const user = session?.user ?? null;
  const plan = user ? workbenchPlan(user.role) : null;
  const year = useMemo(() => currentYear(), []);
  const queue = useReviewQueue(Boolean(plan?.reviewQueue) && !user?.disabled);
  useTabMemory();
  useLandingOverTab();
  const district = useDistrictSummary(plan?.district === 'summary' && !user?.disabled ? year : null);
  const ownUnit = useUnitSummary(plan?.ownUnit && user && !user.disabled ? user.unitId : null, year);

  const refresh = async () => {
    await Promise.all([
      plan?.reviewQueue ? queue.reload() : null,
      plan?.district === 'summary' ? district.reload() : null,
      plan?.ownUnit ? ownUnit.reload() : null,
    ]);
  };
  // Back from reviewing or from a unit: the counts may have changed.
  usePageRefresh((cause) => {
    if (cause === 'pull') return Promise.all([reloadSession(), refresh()]);
    return user ? refresh() : undefined;
  });

  if (!session && loading) return <Skeleton rows={4} />;
  if (!session && error) return <ErrorView message={error.message} onRetry={() => void reloadSession()} />;
  if (!user || !plan) {
    return (
      <View className="wb">
        <EmptyState title="您还没有绑定单位" hint="请到「我的」页面，用单位管理员给您的邀请码绑定后再使用" />
        <View className="wb__bind">
          <AppButton className="wb__bind-button" onClick={() => void Taro.switchTab({ url: '/pages/me/index' })}>
            去绑定
          </AppButton>
        </View>
      </View>
    );
  }

  const waiting = queue.tasks ? queue.tasks.length : null;
  const totals = district.data?.totals ?? null;
  const unitTotals = ownUnit.data?.totals ?? null;

  return (
    <View className="wb">
      <View className="wb__me">
        <Text className="wb__name">{`${user.name}，您好`}</Text>
        <Text className="wb__role">
          {`${session?.unit?.name ?? ''} · ${ROLE_LABEL[user.role]}${session?.district ? ` · ${session.district.name}` : ''}`}
        </Text>
      </View>
      {user.disabled ? (
        <ErrorView message="您的账号已停用，如有疑问请联系区司法局管理员" />
      ) : (
        <View className="wb__body">
          {plan.reviewQueue === 'card' ? (
            <View
              className="wb-card wb-card--review"
              hoverClass="wb-card--hover"
              data-entry="review-queue"
              onClick={() => go('/packages/review/pages/queue/index')}
            >
              <Text className="wb-card__label">待审核、待审批</Text>
              <View className="wb-card__figure">
                <Text className="wb-card__number" id="wb-waiting">
                  {waiting === null ? '—' : String(waiting)}
                </Text>
                <Text className="wb-card__unit">项</Text>
              </View>
              <Text className="wb-card__hint">
                {queue.error
                  ? queue.error.message
                  : waiting === 0
                    ? '暂无待审核的材料和申请'
                    : '本单位牵头事项的报送材料和延期、不涉及申请，点此逐项处理'}
              </Text>
            </View>
          ) : null}

          {plan.district === 'summary' ? (
            <View className="wb-card" data-entry="district-summary">
              <Text className="wb-card__label">{`全区 ${year} 年度进展`}</Text>
              {district.error && !totals ? (
                <ErrorView message={district.error.message} onRetry={() => void district.reload()} />
              ) : null}
              {!totals && district.loading ? <Skeleton rows={1} /> : null}
              {totals ? (
                <View className="wb-rates">
                  <View className="wb-rates__cell">
                    <Text className="wb-rates__value">{percent(totals.completionRate)}</Text>
                    <Text className="wb-rates__counts">{`${totals.approved}/${totals.total}`}</Text>
                    <Text className="wb-rates__label">完成率</Text>
                  </View>
                  <View className="wb-rates__cell">
                    <Text className="wb-rates__value">{percent(totals.reportRate)}</Text>
                    <Text className="wb-rates__counts">{`${totals.reported}/${totals.total}`}</Text>
                    <Text className="wb-rates__label">报送率</Text>
                  </View>
                  <View className="wb-rates__cell">
                    <Text className="wb-rates__value">{percent(totals.onTimeRate)}</Text>
                    <Text className="wb-rates__counts">{`${totals.onTime}/${totals.due}`}</Text>
                    <Text className="wb-rates__label">按时报送率</Text>
                  </View>
                  <View className="wb-rates__cell">
                    <Text className={`wb-rates__value${totals.overdue ? ' wb-rates__value--red' : ''}`}>
                      {String(totals.overdue)}
                    </Text>
                    <Text className="wb-rates__counts">{`已到期${totals.due}`}</Text>
                    <Text className="wb-rates__label">逾期任务</Text>
                  </View>
                </View>
              ) : null}
              <AppButton className="wb-card__button" onClick={() => go('/packages/leader/pages/dashboard/index')}>
                查看全区进展
              </AppButton>
            </View>
          ) : null}

          <View className="wb__list">
            {plan.reviewQueue === 'when-waiting' && showsReviewQueue(plan, waiting) ? (
              <Entry
                name="review-queue"
                title="待我审核"
                description="牵头单位自己报送的材料，由区领导审核"
                badge={String(waiting)}
                onClick={() => go('/packages/review/pages/queue/index')}
              />
            ) : null}
            {plan.district === 'entry' ? (
              <Entry
                name="district"
                title="全区进展"
                description="各单位、各指标的完成情况和逾期任务"
                onClick={() => go('/packages/leader/pages/dashboard/index')}
              />
            ) : null}
            {plan.admin ? (
              <Entry
                name="admin"
                title="管理"
                description="邀请码、人员和单位名录"
                onClick={() => go('/packages/admin/pages/manage/index')}
              />
            ) : null}
            {plan.ownUnit ? (
              <Entry
                name="own-unit"
                title="本单位进展"
                description={
                  unitTotals
                    ? `完成率 ${percent(unitTotals.completionRate)} · 已完成 ${unitTotals.approved}/${unitTotals.total}${
                        unitTotals.overdue ? ` · 逾期 ${unitTotals.overdue} 项` : ''
                      }`
                    : ownUnit.error
                      ? ownUnit.error.message
                      : `${session?.unit?.name ?? '本单位'}今年的任务完成情况`
                }
                onClick={() => go(`/packages/leader/pages/unit/index?unitId=${user.unitId}&year=${year}`)}
              />
            ) : null}
            {plan.catalog ? (
              <Entry
                name="catalog"
                title="任务清单原文"
                description="41项任务的原文、牵头和责任单位"
                onClick={() => go('/packages/more/pages/catalog/index')}
              />
            ) : null}
          </View>
        </View>
      )}
    </View>
  );
}
