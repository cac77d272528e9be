import { Text, View } from '@tarojs/components';
import AppButton from '../AppButton';
import './index.scss';

/** What went wrong, in the server's words, and a way to try again. */
export default function ErrorView({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <View className="error-view" role="alert">
      <Text className="error-view__message">{message}</Text>
      {onRetry ? (
        <AppButton className="error-view__retry" size="mini" onClick={onRetry}>
          重试
        </AppButton>
      ) : null}
    </View>
  );
}
