import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import EmptyState from '../../../../components/EmptyState';
import BackCatcher from '../../../../components/BackCatcher';
import ErrorView from '../../../../components/ErrorView';
import Skeleton from '../../../../components/Skeleton';
import { forgetAdminAnswers, useDirectory } from '../../../../hooks/useAdmin';
import { usePageRefresh } from '../../../../hooks/usePageRefresh';
import { useSession } from '../../../../hooks/useSession';
import InviteTab from './InviteTab';
import PeopleTab from './PeopleTab';
import UnitsTab from './UnitsTab';
import './index.scss';

type Tab = 'invite' | 'people' | 'units';
const TABS: Array<{ key: Tab; label: string }> = [
  { key: 'invite', label: '邀请码' },
  { key: 'people', label: '人员' },
  { key: 'units', label: '单位' },
];

/** The district's task list and the holiday calendar have pages of their own. */
const MORE = [
  { label: '任务清单', url: '/packages/admin/pages/catalog/index' },
  { label: '节假日', url: '/packages/admin/pages/holidays/index' },
];

/** 管理 (admins only): invite codes, the people bound, and the unit directory. */
export default function ManagePage() {
  const { session, loading: sessionLoading } = useSession();
  const user = session?.user ?? null;
  const isAdmin = user?.role === 'admin' && !user.disabled;
  const [tab, setTab] = useState<Tab>('invite');
  // A tab keeps its state (a code just made, a search) while the admin looks at another.
  const [opened, setOpened] = useState<ReadonlySet<Tab>>(() => new Set<Tab>(['invite']));
  const [refreshes, setRefreshes] = useState(0);
  const directory = useDirectory(isAdmin);

  usePageRefresh(
    () => {
      forgetAdminAnswers();
      setRefreshes((count) => count + 1);
      return directory.reload();
    },
    { returning: false },
  );

  if (!session) {
    return <View className="manage">{sessionLoading ? <Skeleton rows={4} /> : null}</View>;
  }
  if (!isAdmin) {
    return (
      <View className="manage">
        <EmptyState title="只有管理员可以使用管理功能" hint="需要生成邀请码、调整人员或单位的，请联系管理员办理。" />
      </View>
    );
  }

  const choose = (next: Tab) => {
    setTab(next);
    setOpened((previous) => new Set([...previous, next]));
  };
  const units = directory.data?.units ?? [];

  return (
    <View className="manage">
      <BackCatcher />
      <View className="manage__more">
        {MORE.map(({ label, url }) => (
          <View
            key={url}
            className="manage__more-link"
            hoverClass="adm-hover"
            onClick={() => void Taro.navigateTo({ url })}
          >
            <Text>{`${label} ›`}</Text>
          </View>
        ))}
      </View>
      <View className="manage__tabs" role="tablist">
        {TABS.map(({ key, label }) => (
          <View
            key={key}
            className={`manage__tab${key === tab ? ' manage__tab--on' : ''}`}
            role="tab"
            aria-selected={key === tab}
            onClick={() => choose(key)}
          >
            <Text>{label}</Text>
          </View>
        ))}
      </View>

      {directory.error ? <ErrorView message={directory.error.message} onRetry={() => void directory.reload()} /> : null}
      {!directory.data ? (
        directory.loading ? (
          <Skeleton rows={4} />
        ) : null
      ) : (
        <>
          <View className={tab === 'invite' ? '' : 'manage__hidden'}>
            <InviteTab units={units} />
          </View>
          {opened.has('people') ? (
            <View className={tab === 'people' ? '' : 'manage__hidden'}>
              <PeopleTab key={refreshes} units={units} myOpenid={user?.openid ?? ''} />
            </View>
          ) : null}
          {opened.has('units') ? (
            <View className={tab === 'units' ? '' : 'manage__hidden'}>
              <UnitsTab units={units} onChanged={directory.reload} />
            </View>
          ) : null}
        </>
      )}
    </View>
  );
}
