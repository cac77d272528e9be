import { CloudDbStore } from '../../server/wechat/store/CloudDbStore';
import { createCloudDatabase } from '../support/cloudDatabase';
import { runStoreContract } from './storeContract';

runStoreContract('CloudDbStore', async () => ({
  store: new CloudDbStore(createCloudDatabase({ throwOnNotFound: false })),
}));

// The same store over a database made as `cloud.database()` is by default (missing documents
// reject), whose commits conflict only on documents written, as MongoDB under it decides.
runStoreContract('CloudDbStore (throwOnNotFound, write conflicts only)', async () => ({
  store: new CloudDbStore(createCloudDatabase({ throwOnNotFound: true, conflicts: 'writes' })),
}));
