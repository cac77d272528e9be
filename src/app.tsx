import type { PropsWithChildren } from 'react';
import { SessionProvider } from './hooks/useSession';
import { installBackLayers } from './services/backLayer';
import { callEarly } from './services/earlyCalls';
import { noteLaunch } from './services/landing';
import { opensTaskList } from './services/routes';
import './homePage';
import './app.scss';

// Before Taro's router listens: the phone's back closes an open viewer or sheet first.
installBackLayers();
// Where the app was opened: only on its home page does it go on to where the person lands.
noteLaunch();

// Ask who the user is, and for the task list when that is the page being opened, while the page's
// own code is still downloading (H5 on a weak signal: a second or more saved).
if (process.env.TARO_ENV === 'h5') {
  callEarly('session.get', {});
  if (opensTaskList(window.location.hash)) callEarly('tasks.list', {});
}

/** The app shell: who the user is is known to every page. */
function App({ children }: PropsWithChildren) {
  return <SessionProvider>{children}</SessionProvider>;
}

export default App;
