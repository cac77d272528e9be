import { useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import AppButton from '../../components/AppButton';
import ErrorView from '../../components/ErrorView';
import Skeleton from '../../components/Skeleton';
import { forgetRecentAnswers, useApi } from '../../hooks/useApi';
import { useSession } from '../../hooks/useSession';
import { ROLE_LABEL } from '../../core/model';
import type { DemoIdentity } from '../../contract/replies';
import { demoOpenid, newDemoOpenid, setDemoOpenid } from '../../services/identity';
import { groupDemoIdentities } from './meLogic';

/**
 * 演示身份 (H5 demo only): try the app as any seeded person, as a new user with an invite code, or as
 * nobody. Hidden when the server is not in demo mode.
 */
export default function DemoIdentities() {
  const { reload } = useSession();
  const { data, error, loading, reload: reloadList } = useApi('dev.users', {});
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const current = demoOpenid();
  const groups = useMemo(() => groupDemoIdentities(data?.users ?? []), [data]);

  if (error?.code === 'FORBIDDEN') return null;

  const become = async (openid: string, then: 'tasks' | 'stay') => {
    setDemoOpenid(openid);
    forgetRecentAnswers();
    await reload();
    // Another identity chosen while this one loaded (a weak signal) wins: stay where the user is.
    if (demoOpenid() !== openid) return;
    if (then === 'tasks') void Taro.switchTab({ url: '/pages/tasks/index' });
    // A jump, not a glide: old phones stutter, and a button tapped mid-glide slides from under the finger.
    else void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
  };

  const toggle = (key: string) =>
    setOpen((previous) => {
      const next = new Set(previous);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  const row = (identity: DemoIdentity) => (
    <View
      key={identity.openid}
      className={`me-demo__person${identity.openid === current ? ' me-demo__person--current' : ''}`}
      hoverClass="me-demo__person--hover"
      onClick={() => void become(identity.openid, 'tasks')}
    >
      <Text className="me-demo__name">{identity.name}</Text>
      <Text className="me-demo__meta">{`${ROLE_LABEL[identity.role]} · ${identity.unitName}`}</Text>
      {identity.openid === current ? <Text className="me-demo__now">当前</Text> : null}
    </View>
  );

  return (
    <View className="me-card me-demo">
      <Text className="me-card__title">演示身份</Text>
      <Text className="me-demo__intro">
        {current.startsWith('demo-new-')
          ? '您正以新用户身份体验：请用管理员生成的邀请码绑定。'
          : current
            ? '点一个身份即可切换，看看不同岗位看到的内容。'
            : '还没有选择身份：点一个身份开始体验。'}
      </Text>
      {loading && !data ? <Skeleton rows={2} /> : null}
      {error ? <ErrorView message={error.message} onRetry={() => void reloadList()} /> : null}
      {groups.map((group) =>
        group.byKind ? (
          <View key={group.role} className="me-demo__group">
            <Text className="me-demo__group-title">{`${group.title}（每个单位一名）`}</Text>
            {group.byKind.map((kindGroup) => {
              const key = `staff-${kindGroup.kind}`;
              const expanded = open.has(key);
              return (
                <View key={key} className="me-demo__kind">
                  <View
                    className="me-demo__kind-head"
                    hoverClass="me-demo__person--hover"
                    onClick={() => toggle(key)}
                    aria-expanded={expanded}
                  >
                    <Text className="me-demo__kind-title">{`${kindGroup.title}（${kindGroup.identities.length}）`}</Text>
                    <Text className="me-demo__kind-toggle">{expanded ? '收起' : '展开'}</Text>
                  </View>
                  {expanded ? kindGroup.identities.map(row) : null}
                </View>
              );
            })}
          </View>
        ) : (
          <View key={group.role} className="me-demo__group">
            <Text className="me-demo__group-title">{group.title}</Text>
            {group.identities.map(row)}
          </View>
        ),
      )}
      <View className="me-demo__actions">
        <AppButton className="me-button" onClick={() => void become(newDemoOpenid(), 'stay')}>
          以新用户身份体验（需要邀请码）
        </AppButton>
        {current ? (
          <AppButton className="me-button me-button--plain" onClick={() => void become('', 'stay')}>
            退出演示身份
          </AppButton>
        ) : null}
      </View>
    </View>
  );
}
