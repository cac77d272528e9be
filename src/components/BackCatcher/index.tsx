import { useEffect, useRef, useState } from 'react';
import { PageContainer } from '@tarojs/components';
import { hasOpenLayer, onLayersChange, takeBack } from '../../services/backLayer';
import { IS_WEAPP } from '../../services/platform';

// Nothing of it shows: it is there only so that WeChat's back closes it instead of the page.
const INVISIBLE = 'position:fixed;left:0;top:0;width:0;height:0;overflow:hidden;background:transparent;';

/**
 * WeChat: while a sheet or chooser of this page is open, the back gesture, the Android back key and
 * the title bar's arrow close it instead of leaving the page. WeChat lets a page hold one
 * `page-container`, so each page with sheets renders one BackCatcher and the sheets open layers
 * (useBackClose). In H5 the layers use the browser's history instead, and this renders nothing.
 */
export default function BackCatcher() {
  const [open, setOpen] = useState(false);
  // Once WeChat has closed the container on a back, it must be hidden and shown again to catch the next.
  const [armed, setArmed] = useState(true);
  useEffect(() => {
    if (!IS_WEAPP) return;
    // A sheet opened in the same render as the page has counted itself already.
    setOpen(hasOpenLayer());
    return onLayersChange((count) => setOpen(count > 0));
  }, []);
  const show = open && armed;
  const showing = useRef(show);
  showing.current = show;
  useEffect(() => {
    if (armed) return;
    const timer = setTimeout(() => setArmed(true), 50);
    return () => clearTimeout(timer);
  }, [armed]);
  if (!IS_WEAPP) return null;

  const onAfterLeave = () => {
    // Hidden because the last layer closed by a tap: not a back.
    if (!showing.current) return;
    showing.current = false;
    setArmed(false);
    takeBack();
  };
  return (
    <PageContainer
      show={show}
      overlay={false}
      duration={0}
      zIndex={0}
      customStyle={INVISIBLE}
      onAfterLeave={onAfterLeave}
    />
  );
}
