import { Text, View } from '@tarojs/components';
import AppButton from '../../components/AppButton';

/** The bar at the bottom while the task can be reported: what is ready, and 报送 (重新报送 after a return). */
export default function SubmitBar({
  hint,
  error,
  returned,
  submitting,
  uploading,
  onSubmit,
}: {
  hint: string;
  error: string | null;
  returned: boolean;
  submitting: boolean;
  uploading: boolean;
  onSubmit: () => void;
}) {
  const label = submitting ? (uploading ? '传完即报送' : '正在报送') : returned ? '重新报送' : '报送';
  return (
    <View className="task-page__bar">
      {error ? <Text className="task-page__bar-error">{error}</Text> : null}
      <View className="task-page__bar-row">
        <Text className="task-page__bar-hint">{hint}</Text>
        <AppButton
          className={`task-page__submit${submitting ? ' task-page__submit--busy' : ''}`}
          loading={submitting}
          onClick={onSubmit}
        >
          {label}
        </AppButton>
      </View>
    </View>
  );
}
