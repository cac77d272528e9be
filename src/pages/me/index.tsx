import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import ErrorView from '../../components/ErrorView';
import Skeleton from '../../components/Skeleton';
import { useTabMemory } from '../../hooks/useLanding';
import { usePageRefresh } from '../../hooks/usePageRefresh';
import { useSession } from '../../hooks/useSession';
import { ROLE_LABEL } from '../../core/model';
import { demoOpenid } from '../../services/identity';
import { IS_H5 } from '../../services/platform';
import BindForm from './BindForm';
import DemoIdentities from './DemoIdentities';
import Reminders from './Reminders';
import ReminderSettings from './ReminderSettings';
import { inviteFromQuery } from './meLogic';
import './index.scss';

/** 我的: who I am (unit, role), reminders and links; for a new user, binding with an invite code. */
export default function MePage() {
  const { session, loading, error, reload } = useSession();
  const router = useRouter();
  const invite = inviteFromQuery(router.params ?? {});

  usePageRefresh(reload, { returning: false });
  useTabMemory();

  if (!session) {
    return (
      <View className="me">
        {error && !loading ? (
          <ErrorView message={error.message} onRetry={() => void reload()} />
        ) : (
          <Skeleton rows={3} />
        )}
      </View>
    );
  }

  const { user, unit, district } = session;
  return (
    <View className="me">
      {error ? <ErrorView message={error.message} onRetry={() => void reload()} /> : null}
      {user ? (
        <>
          <View className="me-profile">
            <View className="me-profile__top">
              <Text className="me-profile__name">{user.name}</Text>
              <Text className="me-profile__role">{ROLE_LABEL[user.role]}</Text>
            </View>
            <Text className="me-profile__unit">{unit?.name ?? '单位已停用'}</Text>
            {district ? <Text className="me-profile__district">{district.fullName}</Text> : null}
          </View>
          {user.disabled ? (
            <View className="me-notice me-notice--warn" role="alert">
              <Text>您的账号已停用，暂时不能查看和报送任务。如有疑问请联系管理员。</Text>
            </View>
          ) : null}
          {invite ? (
            <View className="me-notice">
              <Text>{`您已绑定${unit?.name ?? '单位'}，不需要再用邀请码。如需更换单位，请联系管理员。`}</Text>
            </View>
          ) : null}
          {user.disabled ? null : <Reminders />}
          <ReminderSettings />
        </>
      ) : (
        <BindForm
          initialCode={invite}
          hint={
            IS_H5 && !demoOpenid()
              ? '演示：还没有选择身份。可以直接用邀请码以新用户身份绑定，或在下方选择一个演示身份。'
              : undefined
          }
        />
      )}

      <View className="me-card me-links">
        <View
          className="me-link"
          hoverClass="me-link--hover"
          onClick={() => void Taro.navigateTo({ url: '/packages/more/pages/catalog/index' })}
        >
          <Text className="me-link__label">任务清单原文</Text>
          <Text className="me-link__note">每项任务的原文和责任单位</Text>
          <Text className="me-link__arrow">›</Text>
        </View>
        {user?.role === 'admin' && !user.disabled ? (
          <View
            className="me-link"
            hoverClass="me-link--hover"
            onClick={() => void Taro.navigateTo({ url: '/packages/admin/pages/manage/index' })}
          >
            <Text className="me-link__label">管理</Text>
            <Text className="me-link__note">邀请码、人员、单位</Text>
            <Text className="me-link__arrow">›</Text>
          </View>
        ) : null}
      </View>

      {IS_H5 ? <DemoIdentities /> : null}
    </View>
  );
}
