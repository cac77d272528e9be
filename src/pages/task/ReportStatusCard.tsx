import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import AppButton from '../../components/AppButton';
import type { TaskDetail } from '../../contract/replies';
import { useTaskRequests } from '../../hooks/useTaskRequests';
import { ApiError } from '../../services/api';
import { afterSubmitLine, reviewersOf } from './requestLogic';

/**
 * After 报送: who reviews it and that the clerk will be told; before review, 撤回 (back to how it
 * was, to change the evidence or the note). Once approved: by whom it was reviewed.
 */
export default function ReportStatusCard({
  detail,
  onChanged,
}: {
  detail: TaskDetail;
  onChanged: () => Promise<void>;
}) {
  const { task, can } = detail;
  const { withdraw, busy } = useTaskRequests();

  if (task.status !== 'submitted' && task.status !== 'approved') return null;

  const confirmWithdraw = async () => {
    const { confirm } = await Taro.showModal({
      title: '撤回这次报送？',
      content: '撤回后可以修改材料和说明，改好后请重新报送。',
      confirmText: '撤回',
      cancelText: '不撤回',
    });
    if (!confirm) return;
    try {
      if (!(await withdraw(task.id))) return;
      void Taro.showToast({ title: '已撤回', icon: 'success' });
      await onChanged();
    } catch (caught) {
      const message = caught instanceof ApiError ? caught.message : '撤回没有成功，请重试';
      void Taro.showModal({ title: '没有撤回', content: message, showCancel: false, confirmText: '知道了' });
      await onChanged();
    }
  };

  if (task.status === 'approved') {
    return (
      <View className="task-page__card task-page__report task-page__report--approved" data-report="approved">
        <Text className="task-page__report-text">{`${reviewersOf(task)}已审核通过，材料和说明已存档。`}</Text>
      </View>
    );
  }
  return (
    <View className="task-page__card task-page__report" data-report="submitted">
      <Text className="task-page__report-text">
        {can.work ? afterSubmitLine(task) : `已报送，等待${reviewersOf(task)}审核。`}
      </Text>
      {can.withdraw ? (
        <View className="task-page__report-row">
          <Text className="task-page__report-hint">审核前发现问题，可以撤回后修改再报送。</Text>
          <AppButton className="task-page__withdraw" loading={busy} onClick={() => void confirmWithdraw()}>
            撤回
          </AppButton>
        </View>
      ) : null}
    </View>
  );
}
