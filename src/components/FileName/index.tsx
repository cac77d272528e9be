import { Text, View } from '@tarojs/components';
import { splitFileName } from '../../utils/format';
import './index.scss';

/**
 * A file name that wraps anywhere in its base but never inside its extension: the extension and the
 * character before it stay together ("工作照片" / "2.png", never "工作照片2.p" / "ng"), at any text size.
 */
export default function FileName({ name, className }: { name: string; className?: string }) {
  const { head, tail } = splitFileName(name);
  return (
    <View className={`file-name${className ? ` ${className}` : ''}`}>
      {head ? <Text className="file-name__head">{head}</Text> : null}
      <Text className="file-name__tail">{tail}</Text>
    </View>
  );
}
