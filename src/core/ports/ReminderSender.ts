import type { ReminderRecord } from '../model';

export interface Delivery {
  channel: 'subscribe' | 'local';
  templateId: string | null;
  status: 'sent' | 'failed' | 'skipped';
  detail: string;
  payload: unknown;
}

/** Delivers a reminder outside the app (a WeChat subscribe message); the app's list has it anyway. */
export interface ReminderSender {
  deliver(reminder: ReminderRecord): Promise<Delivery>;
}
