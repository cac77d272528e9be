import { useCallback, useState, type ReactNode } from 'react';
import PhotoViewer from '../components/PhotoViewer';
import { previewPhotos } from '../services/fileViewer';
import { IS_H5 } from '../services/platform';
import { useBackClose } from './useBackClose';

/**
 * Opening photos full screen: WeChat's own viewer in the mini-program; in H5 the app's PhotoViewer,
 * which the phone's back closes before it leaves the page. Render `viewer` in the page.
 */
export function usePhotoViewer(): { open: (current: string, urls: string[]) => void; viewer: ReactNode } {
  const [shown, setShown] = useState<{ urls: string[]; index: number } | null>(null);
  const close = useCallback(() => setShown(null), []);
  useBackClose(shown !== null, close);
  const open = useCallback((current: string, urls: string[]) => {
    if (!IS_H5) {
      previewPhotos(current, urls);
      return;
    }
    setShown({ urls, index: Math.max(0, urls.indexOf(current)) });
  }, []);
  const viewer = shown ? (
    <PhotoViewer
      urls={shown.urls}
      index={shown.index}
      onIndex={(index) => setShown({ ...shown, index })}
      onClose={close}
    />
  ) : null;
  return { open, viewer };
}
