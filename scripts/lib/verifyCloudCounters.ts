import cloud from 'wx-server-sdk';
import { shanghaiDate, yearOf } from '../../src/core/dates';
import type { CloudDatabase } from '../../server/wechat/store/cloudDatabaseTypes';
import { CloudDbStore } from '../../server/wechat/store/CloudDbStore';
import { verifyCounters } from './verifyCounters';

/** The counters of the WeChat cloud database recounted from its tasks: last year, this year, next year. */
export async function verifyCloudCounters(): Promise<number> {
  const env = process.env.TCB_ENV;
  if (!env) {
    console.error('请设置 TCB_ENV（云开发环境 ID）与 TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY');
    return 2;
  }
  cloud.init({ env });
  const store = new CloudDbStore(cloud.database({ throwOnNotFound: false }) as unknown as CloudDatabase);
  const year = yearOf(shanghaiDate(new Date()));
  const drifted = await verifyCounters(store, async () => [year - 1, year, year + 1]);
  return drifted === 0 ? 0 : 1;
}
