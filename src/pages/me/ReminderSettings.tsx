import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import AppButton from '../../components/AppButton';
import { useMutation } from '../../hooks/useMutation';
import { IS_WEAPP } from '../../services/platform';
import {
  askForReminders,
  CAN_ASK_FOR_REMINDERS,
  rememberReminderCredits,
  reminderCredits,
} from '../../services/subscribe';

/**
 * 提醒设置. WeChat delivers one reminder for each time the user accepted, so the page says how many
 * are left and invites another tap; the server keeps the count it spends (reminders.subscribe).
 * The H5 app has no WeChat reminders.
 */
export default function ReminderSettings() {
  const [credits, setCredits] = useState(() => (CAN_ASK_FOR_REMINDERS ? reminderCredits() : 0));
  const subscribe = useMutation('reminders.subscribe');

  const ask = () => {
    // WeChat shows its dialog only in answer to a tap: ask before anything else happens.
    askForReminders()
      .then(async (accepted) => {
        if (accepted.length === 0) {
          void Taro.showToast({ title: '未开启提醒', icon: 'none', duration: 2000 });
          return;
        }
        const reply = await subscribe.run({ templateIds: accepted });
        const balances = Object.values(reply?.balances ?? {});
        const total = balances.length > 0 ? Math.max(...balances) : credits + 1;
        rememberReminderCredits(total);
        setCredits(total);
        void Taro.showToast({ title: `已开启，还可接收${total}条提醒`, icon: 'none', duration: 2000 });
      })
      .catch((caught: { message?: string; errMsg?: string }) => {
        void Taro.showToast({ title: caught.message ?? '未能开启提醒，请稍后再试', icon: 'none', duration: 2500 });
      });
  };

  return (
    <View className="me-card">
      <Text className="me-card__title">提醒设置</Text>
      {CAN_ASK_FOR_REMINDERS ? (
        <View className="me-reminders">
          <Text className="me-reminders__state">{credits > 0 ? `还可接收${credits}条提醒` : '还没有开启到期提醒'}</Text>
          <Text className="me-reminders__hint">
            任务快到期、已逾期或被退回时，会通过微信“服务通知”提醒您。微信规定每同意一次只能收到一条提醒，可以多点几次。
          </Text>
          <AppButton className="me-button me-button--primary" onClick={ask}>
            开启到期提醒
          </AppButton>
        </View>
      ) : (
        <Text className="me-reminders__hint">
          {IS_WEAPP
            ? '微信提醒暂未开通：提醒会显示在上面的「我的提醒」里，快到期和被退回的任务也会在「任务」页标出。'
            : '网页版不发送微信提醒：提醒会显示在上面的「我的提醒」里，快到期、已逾期和被退回的任务也会在「任务」页标出。'}
        </Text>
      )}
    </View>
  );
}
