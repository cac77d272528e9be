import { View } from '@tarojs/components';
import { LIGHT_LABEL, type Light as LightColour } from '../../core/status';
import './index.scss';

/** The traffic light of a task: a coloured dot with its meaning for screen readers. */
export default function Light({ light, size = 'normal' }: { light: LightColour; size?: 'normal' | 'large' }) {
  return <View className={`light light--${light} light--${size}`} aria-label={LIGHT_LABEL[light]} data-light={light} />;
}
