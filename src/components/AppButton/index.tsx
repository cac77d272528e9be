import type { ReactNode } from 'react';
import { Button, Text } from '@tarojs/components';
import type { ButtonProps, ITouchEvent } from '@tarojs/components';
import './index.scss';

export interface AppButtonProps {
  className?: string;
  size?: ButtonProps['size'];
  /** Greyed out and not tappable. */
  disabled?: boolean;
  /** Shows the spinner (and is not tappable meanwhile). */
  loading?: boolean;
  hoverClass?: string;
  /** Stops the tap at the button (a button inside a row that opens on tap). */
  stopPropagation?: boolean;
  onClick?: (event: ITouchEvent) => void;
  ariaLabel?: string;
  children: ReactNode;
}

/**
 * The app's one button. Taro H5 styles any `disabled` attribute as disabled, `disabled="false"`
 * included, so `disabled` and `loading` are left off unless true. Its text sits in one element that
 * never changes shape: Taro H5's Button inserts its spinner into its own children when `loading`
 * toggles, and React, changing text nodes beside it, then failed with `NotFoundError: insertBefore`
 * and no spinner showed.
 */
export default function AppButton({
  className,
  size,
  disabled,
  loading,
  hoverClass,
  stopPropagation,
  onClick,
  ariaLabel,
  children,
}: AppButtonProps) {
  const inactive = Boolean(disabled || loading);
  return (
    <Button
      className={`app-button${className ? ` ${className}` : ''}${inactive ? ' app-button--inactive' : ''}`}
      size={size}
      disabled={disabled || undefined}
      loading={loading || undefined}
      hoverClass={inactive ? 'none' : (hoverClass ?? 'app-button--hover')}
      aria-label={ariaLabel}
      onClick={(event: ITouchEvent) => {
        if (stopPropagation) event.stopPropagation();
        if (!inactive) onClick?.(event);
      }}
    >
      <Text className="app-button__label">{children}</Text>
    </Button>
  );
}
