import { Text } from '@tarojs/components';
import { STATUS_LABEL, type Light, type TaskStatus } from '../../core/status';
import './index.scss';

/** The status in words, coloured like its light; an unsubmitted task past due reads 已逾期. */
export default function StatusTag({ status, light }: { status: TaskStatus; light: Light }) {
  const label = status === 'pending' && light === 'red' ? '已逾期' : STATUS_LABEL[status];
  return <Text className={`status-tag status-tag--${light}`}>{label}</Text>;
}
