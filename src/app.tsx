import type { PropsWithChildren } from 'react';
import { SessionProvider } from './hooks/useSession';
import './app.scss';

/** The app shell: who the user is is known to every page. */
function App({ children }: PropsWithChildren) {
  return <SessionProvider>{children}</SessionProvider>;
}

export default App;
