import AppButton from '../../../../components/AppButton';
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
    <AppButton
      className={`urge-button${strong ? ' urge-button--strong' : ''}`}
      disabled={disabled}
      hoverClass="urge-button--hover"
      stopPropagation
      onClick={onUrge}
    >
      {label}
    </AppButton>
  );
}
