import { cloudStoreOnEmulator } from '../support/realCloud';
import { runStoreContract } from './storeContract';

// The real wx-server-sdk over the cloud emulator: collections made first, write locks that refuse
// at once, snapshot reads, a latency on every request.
runStoreContract('CloudDbStore (real wx-server-sdk, emulated cloud)', () => cloudStoreOnEmulator({ latencyMs: 2 }));

// The same over a database made as `cloud.database()` is by default: missing documents reject.
runStoreContract('CloudDbStore (throwOnNotFound)', () => cloudStoreOnEmulator({ latencyMs: 2, throwOnNotFound: true }));
