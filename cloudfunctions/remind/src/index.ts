/**
 * The `remind` cloud function: run daily by its timer trigger (config.json). It works out today's
 * reminders in Asia/Shanghai from the current instant — not from the trigger's clock — so it
 * raises the right day's reminders whenever it runs.
 */
import { randomBytes } from 'crypto';
import cloud from 'wx-server-sdk';
import type { ApiContext } from '../../api/src/contract';
import { CloudFileStorage } from '../../api/src/files/CloudFileStorage';
import { runReminderJob } from '../../api/src/reminders/job';
import {
  SubscribeMessageSender,
  templateFromEnv,
  type SubscribeMessageApi,
} from '../../api/src/reminders/subscribeSender';
import type { CloudDatabase } from '../../api/src/store/cloudDatabaseTypes';
import { CloudDbStore } from '../../api/src/store/CloudDbStore';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

const store = new CloudDbStore(cloud.database({ throwOnNotFound: false }) as unknown as CloudDatabase);
const template = templateFromEnv(process.env);
const api: ApiContext = {
  store,
  files: new CloudFileStorage(cloud),
  now: () => new Date(),
  newId: () => randomBytes(12).toString('hex'),
  demoMode: false,
  log: (message, detail) => console.error(message, detail),
  sender: template
    ? new SubscribeMessageSender(cloud.openapi.subscribeMessage as unknown as SubscribeMessageApi, store, template)
    : undefined,
};

export async function main(event: { date?: string } = {}) {
  const date = typeof event.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(event.date) ? event.date : undefined;
  return runReminderJob(api, date);
}
