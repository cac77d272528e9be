import { Button } from '@tarojs/components';
import type { ITouchEvent } from '@tarojs/components';
import './index.scss';

/** A 催办 button that does not also open the row it sits in. */
export default function UrgeButton({
  label = '催办',
  onUrge,
  disabled = false,
  strong = false,
}: {
  label?: string;
  onUrge: () => void;
  disabled?: boolean;
  strong?: boolean;
}) {
  return (
    <Button
      className={`urge-button${strong ? ' urge-button--strong' : ''}`}
      // Taro H5 styles any disabled attribute, even disabled="false", as disabled: leave it off.
      disabled={disabled || undefined}
      hoverClass="urge-button--hover"
      onClick={(event: ITouchEvent) => {
        event.stopPropagation();
        if (!disabled) onUrge();
      }}
    >
      {label}
    </Button>
  );
}
