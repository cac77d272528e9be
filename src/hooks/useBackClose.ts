import { useEffect, useRef } from 'react';
import { closeLayer, openLayer } from '../services/backLayer';

/**
 * While `open`, the phone's back calls `onBack` instead of leaving the page (in WeChat the page must
 * render a BackCatcher). `onBack` may answer false (or a promise of false) to stay open — a sheet
 * whose half-written comment the user keeps — and back is caught again next time.
 */
export function useBackClose(open: boolean, onBack: () => boolean | void | Promise<boolean | void>): void {
  const onBackRef = useRef(onBack);
  onBackRef.current = onBack;
  useEffect(() => {
    if (!open) return;
    let armed: number | null = null;
    let alive = true;
    const arm = () => {
      armed = openLayer(() => {
        armed = null;
        void Promise.resolve(onBackRef.current()).then((answer) => {
          if (answer === false && alive) arm();
        });
      });
    };
    arm();
    return () => {
      alive = false;
      if (armed !== null) void closeLayer(armed);
    };
  }, [open]);
}
