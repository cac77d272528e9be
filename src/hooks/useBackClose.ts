import { useEffect, useRef } from 'react';
import { closeLayer, openLayer } from '../services/backLayer';
import { IS_H5 } from '../services/platform';

/**
 * While `open`, the phone's back calls `onBack` instead of leaving the page (H5; in WeChat, nothing).
 * `onBack` may answer false (or a promise of false) to stay open — a sheet whose half-written
 * comment the user keeps — and back is caught again next time.
 */
export function useBackClose(open: boolean, onBack: () => boolean | void | Promise<boolean | void>): void {
  const onBackRef = useRef(onBack);
  onBackRef.current = onBack;
  useEffect(() => {
    if (!IS_H5 || !open) return;
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
